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
/// A deal as it stands now (opportunities.csv). Validated as it is built: ids non-blank and trimmed, service line and
/// stage non-blank, enumerations defined, the amount never negative, the probability from 0 to 1, instants in UTC, and
/// <see cref="ClosedAt"/> never before <see cref="CreatedAt"/> (checked by whichever of the two is set second, so an
/// initializer may name them in either order). One invariant is the import's alone: <see cref="ClosedAt"/> is set
/// exactly when the status is won or lost. An initializer that leaves ClosedAt out runs no accessor to notice, and a
/// <c>with</c> that reopens a deal as of an earlier instant changes both (docs/decisions/0007-validated-domain-records.md).
/// </summary>
public sealed record Opportunity
{
    public required string OpportunityId { get; init => field = Guard.Id(value); }

    public required string AccountId { get; init => field = Guard.Id(value); }

    /// <summary>The credited rep.</summary>
    public required string OwnerRepId { get; init => field = Guard.Id(value); }

    public required string ServiceLine { get; init => field = Guard.NotBlank(value); }

    public OpportunityType Type { get; init => field = Guard.Defined(value); } = OpportunityType.NewBusiness;

    public LeadSource? Source { get; init => field = Guard.Defined(value); }

    /// <summary>Deal value in the reporting currency; for won deals the booked value.</summary>
    public required decimal Amount { get; init => field = Guard.NotNegative(value); }

    /// <summary>When it entered the pipeline.</summary>
    public required DateTimeOffset CreatedAt
    {
        get;
        init
        {
            Guard.InOrder(Guard.Utc(value), nameof(CreatedAt), ClosedAt, nameof(ClosedAt));
            field = value;
        }
    }

    public DateOnly? ExpectedCloseDate { get; init; }

    /// <summary>The CRM's own stage name.</summary>
    public required string Stage { get; init => field = Guard.NotBlank(value); }

    public required OpportunityStatus Status { get; init => field = Guard.Defined(value); }

    public DateTimeOffset? ClosedAt
    {
        get;
        init
        {
            // Unset, CreatedAt is the earliest instant, which no ClosedAt precedes.
            Guard.InOrder(CreatedAt, nameof(CreatedAt), Guard.Utc(value), nameof(ClosedAt));
            field = value;
        }
    }

    public string? LostReason { get; init; }

    /// <summary>The CRM's own win probability, 0–1.</summary>
    public double? Probability { get; init => field = Guard.Probability(value); }

    public ForecastCategory? ForecastCategory { get; init => field = Guard.Defined(value); }

    /// <summary>
    /// For a won deal of a recurring service, the term its contract runs for when the data says so (contract_end or
    /// term_months); null when it does not, and the renewal calendar is then learned from the deals themselves.
    /// </summary>
    public ContractTerm? Contract { get; init; }

    /// <summary>Open at instant t: created before t and not closed before t.</summary>
    public bool IsOpenAt(DateTimeOffset t) => CreatedAt < t && (ClosedAt is null || ClosedAt >= t);
}
