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

/// <summary>Something a rep did (activities.csv).</summary>
public sealed record Activity
{
    public required string ActivityId { get; init; }

    public required string RepId { get; init; }

    public required ActivityType Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string? AccountId { get; init; }

    public string? OpportunityId { get; init; }

    public string? LeadId { get; init; }

    public string? Outcome { get; init; }

    public long? DurationMinutes { get; init; }
}
