namespace Bellwether.Core.Reps;

public enum QuotaMetric
{
    Bookings,
    NewPipeline,
    Meetings,
    OpportunitiesCreated,
}

/// <summary>
/// A rep's target for a period (quotas.csv). The period is kept as its label and read with the company's fiscal calendar.
/// Validated as it is built: a non-blank, trimmed rep id, a non-blank period label, an amount never negative, a defined
/// metric.
/// </summary>
public sealed record Quota
{
    public required string RepId { get; init => field = Guard.Id(value); }

    public required string Period { get; init => field = Guard.NotBlank(value); }

    public required decimal Amount { get; init => field = Guard.NotNegative(value); }

    public QuotaMetric Metric { get; init => field = Guard.Defined(value); } = QuotaMetric.Bookings;
}
