namespace Bellwether.Core.Reps;

public enum QuotaMetric
{
    Bookings,
    NewPipeline,
    Meetings,
    OpportunitiesCreated,
}

/// <summary>A rep's target for a period (quotas.csv). The period is kept as its label and read with the company's fiscal calendar.</summary>
public sealed record Quota
{
    public required string RepId { get; init; }

    public required string Period { get; init; }

    public required decimal Amount { get; init; }

    public QuotaMetric Metric { get; init; } = QuotaMetric.Bookings;
}
