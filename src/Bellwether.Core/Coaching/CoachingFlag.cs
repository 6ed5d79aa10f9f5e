using Bellwether.Core.Reporting;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Coaching;

/// <summary>The figures coaching compares a rep with their peers on.</summary>
public enum CoachingMetric
{
    /// <summary>Activities (all types) per active working day; fewer is worse.</summary>
    Activity,

    /// <summary>Won / (won + lost) deals closed in the window; lower is worse.</summary>
    WinRate,

    /// <summary>Mean amount of the deals won in the window; smaller is worse.</summary>
    DealSize,

    /// <summary>Mean days from created to won over the deals won in the window; longer is worse.</summary>
    Cycle,
}

/// <summary>
/// A rep whose figure sits outside their peers' range even after allowing for chance: the raw figure, the figure
/// shrunk toward the peers (what is believed about the rep), the peers' level and range, and what it is over.
/// </summary>
public sealed record CoachingFlag
{
    public required string RepId { get; init; }

    public required string RepName { get; init; }

    public string? Team { get; init; }

    public required RepRole Role { get; init; }

    public required CoachingMetric Metric { get; init; }

    /// <summary>The rep's own figure in the window (a ratio as a fraction, money, days or activities per day).</summary>
    public required decimal RepValue { get; init; }

    /// <summary>The rep's figure shrunk toward the peers by empirical Bayes; this is what is judged.</summary>
    public required decimal Shrunk { get; init; }

    /// <summary>The peers' pooled level.</summary>
    public required decimal PeerValue { get; init; }

    /// <summary>The peers' range: their level ± 20% of it (<see cref="RepCoaching.RangeShare"/>).</summary>
    public required decimal RangeLow { get; init; }

    public required decimal RangeHigh { get; init; }

    /// <summary>Deals closed (win rate), deals won (size, cycle) or working days (activity).</summary>
    public required int Sample { get; init; }

    /// <summary>Whose level it is compared with: the rep's team of the same role, or the role company-wide when the team is too small.</summary>
    public required bool ComparedWithTeam { get; init; }

    /// <summary>How far off: the shrunk figure's distance from the peers' level, as a share of that level (0.5 = half worse).</summary>
    public required decimal Score { get; init; }

    /// <summary>The reason in words: "win rate 10% against the team's 40%, over 40 deals".</summary>
    public string Reason(string currency)
    {
        var peers = ComparedWithTeam ? "the team's" : $"all {RolePlural(Role)}'";
        return Metric switch
        {
            CoachingMetric.WinRate => $"win rate {Readable.Percent(RepValue, 0)} against {peers} {Readable.Percent(PeerValue, 0)}, over {Readable.Count(Sample)} deals",
            CoachingMetric.DealSize => $"average deal {Readable.Money(RepValue, currency)} against {peers} {Readable.Money(PeerValue, currency)}, over {Readable.Count(Sample)} won deals",
            CoachingMetric.Cycle => $"cycle {Readable.Days(RepValue)} against {peers} {Readable.Days(PeerValue)}, over {Readable.Count(Sample)} won deals",
            _ => $"{Readable.Count(Math.Round(RepValue, 1))} activities a working day against {peers} {Readable.Count(Math.Round(PeerValue, 1))}, over {Readable.Count(Sample)} working days",
        };
    }

    private static string RolePlural(RepRole role) => role switch
    {
        RepRole.Sdr => "SDRs",
        RepRole.Am => "account managers",
        RepRole.Manager => "managers",
        _ => "AEs",
    };
}
