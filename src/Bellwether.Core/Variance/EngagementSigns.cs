namespace Bellwether.Core.Variance;

/// <summary>
/// What a client's engagement (engagement.csv) said before an instant — the signals that preceded a churn: how long
/// since the last QBR and meeting, the last NPS and mean CSAT, support tickets in the last 90 days against the 90 before,
/// and usage in the last month against three months earlier. Null where the data has no such event.
/// </summary>
public sealed record EngagementSigns
{
    public int? DaysSinceQbr { get; init; }

    public int? DaysSinceMeeting { get; init; }

    /// <summary>The last NPS answer (0–10 or −100..100, as the file has it).</summary>
    public decimal? LastNps { get; init; }

    /// <summary>Mean CSAT (1–5) over the last 180 days.</summary>
    public decimal? AverageCsat { get; init; }

    public required int TicketsLast90Days { get; init; }

    public required int TicketsPrevious90Days { get; init; }

    /// <summary>The last usage figure against the one three months before it, as a change ratio (−0.3 is 30% less).</summary>
    public decimal? UsageChange { get; init; }

    /// <summary>The signals in words, worst first: "no QBR for 200 days, NPS 3, tickets up (5 against 1)".</summary>
    public required string Words { get; init; }
}
