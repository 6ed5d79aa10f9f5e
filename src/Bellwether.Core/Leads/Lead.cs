namespace Bellwether.Core.Leads;

public enum LeadSource
{
    Inbound,
    Outbound,
}

/// <summary>The top of the funnel (leads.csv).</summary>
public sealed record Lead
{
    public required string LeadId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required LeadSource Source { get; init; }

    /// <summary>e.g. organic_search, referral, cold_call; as the CRM names it.</summary>
    public string? Channel { get; init; }

    public string? OwnerRepId { get; init; }

    public string? AccountId { get; init; }

    /// <summary>When it became a sales-qualified lead.</summary>
    public DateTimeOffset? QualifiedAt { get; init; }

    public DateTimeOffset? DisqualifiedAt { get; init; }

    /// <summary>The opportunity it turned into.</summary>
    public string? OpportunityId { get; init; }
}
