namespace Bellwether.Core.Leads;

public enum LeadSource
{
    Inbound,
    Outbound,
}

/// <summary>
/// The top of the funnel (leads.csv). Validated as it is built: ids non-blank and trimmed, instants in UTC, a defined
/// source. Not checked: that qualified_at or disqualified_at come after created_at; neither the folder format nor its
/// import requires it, so stores hold leads that do not (docs/decisions/0007-validated-domain-records.md).
/// </summary>
public sealed record Lead
{
    public required string LeadId { get; init => field = Guard.Id(value); }

    public required DateTimeOffset CreatedAt { get; init => field = Guard.Utc(value); }

    public required LeadSource Source { get; init => field = Guard.Defined(value); }

    /// <summary>e.g. organic_search, referral, cold_call; as the CRM names it.</summary>
    public string? Channel { get; init; }

    public string? OwnerRepId { get; init => field = Guard.OptionalId(value); }

    public string? AccountId { get; init => field = Guard.OptionalId(value); }

    /// <summary>When it became a sales-qualified lead.</summary>
    public DateTimeOffset? QualifiedAt { get; init => field = Guard.Utc(value); }

    public DateTimeOffset? DisqualifiedAt { get; init => field = Guard.Utc(value); }

    /// <summary>The opportunity it turned into.</summary>
    public string? OpportunityId { get; init => field = Guard.OptionalId(value); }
}
