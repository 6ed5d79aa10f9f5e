using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>
/// A figure behind an explanation that is not itself a share of the gap — slipped deals, the mean sales cycle — at the
/// comparison and at the actual, so the owner can see what a driver's number stands for.
/// </summary>
public sealed record Fact
{
    /// <summary>A stable snake_case name: <c>slipped_deals</c>, <c>cycle_days</c>.</summary>
    public required string Name { get; init; }

    public required string Label { get; init; }

    public required Unit Unit { get; init; }

    public decimal? From { get; init; }

    public decimal? To { get; init; }
}
