namespace Bellwether.Core.Indicators;

/// <summary>A deal open at an instant, as it stood then (see <see cref="IndicatorEngine.OpenDeals"/>).</summary>
public sealed record OpenDeal
{
    public required string OpportunityId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Stage { get; init; }

    public required decimal Amount { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    /// <summary>The probability weighted_pipeline weights it by (0–1); null when no source gives one.</summary>
    public double? WinProbability { get; init; }
}
