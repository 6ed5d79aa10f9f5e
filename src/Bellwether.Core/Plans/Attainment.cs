namespace Bellwether.Core.Plans;

/// <summary>
/// Attainment and status as indicators.md (Plans) defines them, in one place for plans and signals alike:
/// attainment = actual / target (target / actual where lower is better); <c>on_track</c> at 100% or more,
/// <c>at_risk</c> from 90% to under 100%, <c>off_track</c> under 90%.
/// </summary>
public static class Attainment
{
    /// <summary>The share of the target reached; null when it cannot be said (a zero target, or a zero actual where lower is better).</summary>
    public static decimal? Of(decimal actual, decimal target, bool lowerIsBetter)
    {
        decimal? attainment = lowerIsBetter
            ? (actual == 0 ? null : target / actual)
            : (target == 0 ? null : actual / target);
        if (target < 0 && attainment is { } a)
        {
            // A negative target (a planned loss): doing better than planned is a smaller loss, so invert the sense.
            attainment = 2 - a;
        }

        return attainment is { } x ? Math.Round(x, 4) : null;
    }

    public static SignalStatus StatusOf(decimal attainment) => attainment switch
    {
        >= 1 => SignalStatus.OnTrack,
        >= 0.9m => SignalStatus.AtRisk,
        _ => SignalStatus.OffTrack,
    };

    /// <summary>The status of a value against a reference, or null when attainment cannot be said.</summary>
    public static SignalStatus? Judge(decimal actual, decimal target, bool lowerIsBetter) =>
        Of(actual, target, lowerIsBetter) is { } a ? StatusOf(a) : null;
}
