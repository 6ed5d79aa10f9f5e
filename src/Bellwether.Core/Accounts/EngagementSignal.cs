namespace Bellwether.Core.Accounts;

public enum EngagementKind
{
    Meeting,
    Qbr,
    Nps,
    Csat,
    SupportTicket,
    Usage,
}

/// <summary>A client health signal (engagement.csv).</summary>
public sealed record EngagementSignal
{
    public required string AccountId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required EngagementKind Kind { get; init; }

    /// <summary>Score or count where the kind has one (NPS −100..100 or 0–10, CSAT 1–5, usage units).</summary>
    public decimal? Value { get; init; }
}
