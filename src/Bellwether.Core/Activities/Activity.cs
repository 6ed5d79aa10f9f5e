namespace Bellwether.Core.Activities;

public enum ActivityType
{
    Call,
    Email,
    Meeting,
    Demo,
    Proposal,
    Other,
}

/// <summary>
/// Something a rep did (activities.csv). Validated as it is built: ids non-blank and trimmed, a defined type, a UTC
/// instant, a duration never negative.
/// </summary>
public sealed record Activity
{
    public required string ActivityId { get; init => field = Guard.Id(value); }

    public required string RepId { get; init => field = Guard.Id(value); }

    public required ActivityType Type { get; init => field = Guard.Defined(value); }

    public required DateTimeOffset OccurredAt { get; init => field = Guard.Utc(value); }

    public string? AccountId { get; init => field = Guard.OptionalId(value); }

    public string? OpportunityId { get; init => field = Guard.OptionalId(value); }

    public string? LeadId { get; init => field = Guard.OptionalId(value); }

    public string? Outcome { get; init; }

    public long? DurationMinutes { get; init => field = Guard.NotNegative(value); }
}
