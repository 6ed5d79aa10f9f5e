namespace Bellwether.Core.Indicators.Engine;

/// <summary>One slice's result of one indicator: a value (perhaps provisional) or the reason there is none.</summary>
internal readonly record struct Outcome(decimal? Value, string? Missing, string? Provisional, IndicatorDetail? Detail)
{
    public static Outcome Of(decimal value, IndicatorDetail? detail = null, string? provisional = null) => new(value, null, provisional, detail);

    public static Outcome Lacking(string reason, IndicatorDetail? detail = null) => new(null, reason, null, detail);

    /// <summary>A fraction, or missing with the reason when the denominator is zero.</summary>
    public static Outcome Ratio(decimal numerator, decimal denominator, string whyNoDenominator) =>
        denominator == 0 ? Lacking(whyNoDenominator) : Of(Num.Ratio(numerator, denominator));

    public Outcome WithProvisional(string reason) =>
        Missing is not null ? this : this with { Provisional = Provisional is null ? reason : $"{Provisional}; {reason}" };
}

/// <summary>How divisions are written: fractions to 15 significant digits, money to 4 decimals.</summary>
internal static class Num
{
    public static decimal Ratio(decimal numerator, decimal denominator) => (decimal)((double)numerator / (double)denominator);

    public static decimal Div(double numerator, double denominator) => (decimal)(numerator / denominator);

    public static decimal Money(decimal value) => Math.Round(value, 4, MidpointRounding.ToEven);

    public static decimal Of(double value) => (decimal)value;

    /// <summary>A share written for people, in reasons: <c>65.5%</c>.</summary>
    public static string Percent(decimal part, decimal whole) => (Ratio(part, whole) * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
