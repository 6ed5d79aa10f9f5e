namespace Bellwether.Core.Variance;

/// <summary>What the explained side of the gap is.</summary>
public enum Basis
{
    /// <summary>The period was over at the as-of instant: its actual value.</summary>
    Actual,

    /// <summary>The period was not over: its forecast's P50, the part closed so far being actual.</summary>
    ForecastP50,

    /// <summary>The period was not over and the metric is not forecast: the period to date against the comparison's same days.</summary>
    ToDate,
}
