namespace Bellwether.Core.Reporting;

/// <summary>The unit of an indicator's value (indicators.md): ratios are fractions (0.12, not 12).</summary>
public enum Unit
{
    Money,
    Count,
    Ratio,
    Days,
    MoneyPerDay,
}
