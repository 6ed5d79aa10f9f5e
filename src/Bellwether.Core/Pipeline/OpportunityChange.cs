namespace Bellwether.Core.Pipeline;

/// <summary>
/// One row of a deal's history: its full state after a change (opportunity_history.csv). Rows with
/// <see cref="Derived"/> set were not in any file: an import recorded them by comparing a new export with the
/// store, dated with the export's instant.
/// </summary>
public sealed record OpportunityChange
{
    public required string OpportunityId { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public required string Stage { get; init; }

    public required OpportunityStatus Status { get; init; }

    public required decimal Amount { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    public ForecastCategory? ForecastCategory { get; init; }

    public bool Derived { get; init; }
}
