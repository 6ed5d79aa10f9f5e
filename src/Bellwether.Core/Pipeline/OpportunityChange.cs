namespace Bellwether.Core.Pipeline;

/// <summary>
/// One row of a deal's history: its full state after a change (opportunity_history.csv). Rows with
/// <see cref="Derived"/> set were not in any file: an import recorded them by comparing a new export with the
/// store, dated with the export's instant. Validated as it is built: a non-blank, trimmed id, a UTC instant, a non-blank
/// stage, defined status and forecast category, an amount never negative.
/// </summary>
public sealed record OpportunityChange
{
    public required string OpportunityId { get; init => field = Guard.Id(value); }

    public required DateTimeOffset ChangedAt { get; init => field = Guard.Utc(value); }

    public required string Stage { get; init => field = Guard.NotBlank(value); }

    public required OpportunityStatus Status { get; init => field = Guard.Defined(value); }

    public required decimal Amount { get; init => field = Guard.NotNegative(value); }

    public DateOnly? ExpectedCloseDate { get; init; }

    public ForecastCategory? ForecastCategory { get; init => field = Guard.Defined(value); }

    public bool Derived { get; init; }
}
