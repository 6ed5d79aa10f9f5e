using Bellwether.Core.Leads;

namespace Bellwether.Core.Pipeline;

public enum OpportunityType
{
    NewBusiness,
    Expansion,
    Renewal,
}

public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}

public enum ForecastCategory
{
    Pipeline,
    BestCase,
    Commit,
    Closed,
    Omitted,
}

/// <summary>
/// A deal as it stands now (opportunities.csv). Invariants, checked on import: <see cref="ClosedAt"/> is set exactly
/// when the status is won or lost, and never before <see cref="CreatedAt"/>; the amount is never negative.
/// </summary>
public sealed record Opportunity
{
    public required string OpportunityId { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The credited rep.</summary>
    public required string OwnerRepId { get; init; }

    public required string ServiceLine { get; init; }

    public OpportunityType Type { get; init; } = OpportunityType.NewBusiness;

    public LeadSource? Source { get; init; }

    /// <summary>Deal value in the reporting currency; for won deals the booked value.</summary>
    public required decimal Amount { get; init; }

    /// <summary>When it entered the pipeline.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    /// <summary>The CRM's own stage name.</summary>
    public required string Stage { get; init; }

    public required OpportunityStatus Status { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? LostReason { get; init; }

    /// <summary>The CRM's own win probability, 0–1.</summary>
    public double? Probability { get; init; }

    public ForecastCategory? ForecastCategory { get; init; }

    /// <summary>Open at instant t: created before t and not closed before t.</summary>
    public bool IsOpenAt(DateTimeOffset t) => CreatedAt < t && (ClosedAt is null || ClosedAt >= t);
}
