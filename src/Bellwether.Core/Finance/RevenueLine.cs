namespace Bellwether.Core.Finance;

/// <summary>Revenue recognised from one account for one service line in one month (revenue.csv).</summary>
public sealed record RevenueLine
{
    public required string AccountId { get; init; }

    /// <summary>The month's first day.</summary>
    public required DateOnly Month { get; init; }

    public required string ServiceLine { get; init; }

    public required decimal Revenue { get; init; }

    /// <summary>Cost of delivering it; null means unknown, not zero.</summary>
    public decimal? Cogs { get; init; }
}
