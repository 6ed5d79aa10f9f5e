namespace Bellwether.Core.Finance;

/// <summary>
/// Revenue recognised from one account for one service line in one month (revenue.csv). Validated as it is built: a
/// non-blank, trimmed account id, the month a first day, a non-blank service line, revenue and cogs never negative.
/// </summary>
public sealed record RevenueLine
{
    public required string AccountId { get; init => field = Guard.Id(value); }

    /// <summary>The month's first day.</summary>
    public required DateOnly Month { get; init => field = Guard.FirstOfMonth(value); }

    public required string ServiceLine { get; init => field = Guard.NotBlank(value); }

    public required decimal Revenue { get; init => field = Guard.NotNegative(value); }

    /// <summary>Cost of delivering it; null means unknown, not zero.</summary>
    public decimal? Cogs { get; init => field = Guard.NotNegative(value); }
}
