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

/// <summary>
/// A client health signal (engagement.csv). Validated as it is built: a non-blank, trimmed account id, a UTC instant, a
/// defined kind. The value may be negative (an NPS score); its range per kind is not checked.
/// </summary>
public sealed record EngagementSignal
{
    public required string AccountId { get; init => field = Guard.Id(value); }

    public required DateTimeOffset OccurredAt { get; init => field = Guard.Utc(value); }

    public required EngagementKind Kind { get; init => field = Guard.Defined(value); }

    /// <summary>Score or count where the kind has one (NPS −100..100 or 0–10, CSAT 1–5, usage units).</summary>
    public decimal? Value { get; init; }
}
