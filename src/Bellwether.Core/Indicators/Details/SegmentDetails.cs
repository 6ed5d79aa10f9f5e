namespace Bellwether.Core.Indicators;

/// <summary>One period's amount in a series.</summary>
public sealed record PeriodAmount(string Period, decimal Amount);

/// <summary>vertical_trend: a vertical's last 8 periods and how it compares with the company.</summary>
public sealed record VerticalTrendDetail : IndicatorDetail
{
    /// <summary><c>thriving</c>, <c>stalling</c> or <c>steady</c>; <c>unknown</c> when a growth or win rate is missing.</summary>
    public required string Status { get; init; }

    /// <summary>Bookings in each of the last 8 periods, oldest first, ending with the row's period.</summary>
    public required IReadOnlyList<PeriodAmount> Bookings { get; init; }

    public decimal? GrowthVsPrevious { get; init; }

    public decimal? GrowthVsYearEarlier { get; init; }

    /// <summary>The vertical's share of all bookings in the period.</summary>
    public decimal? ShareOfBookings { get; init; }

    /// <summary>Win rate over the last 4 periods.</summary>
    public decimal? WinRate { get; init; }

    /// <summary>Bookings of the last 4 periods / bookings of the 4 before − 1.</summary>
    public decimal? TrailingGrowth { get; init; }

    public decimal? CompanyTrailingGrowth { get; init; }

    public decimal? CompanyWinRate { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
        new[]
        {
            new DetailLine("status", 0, Status, null, []), Figure("growth_vs_previous", GrowthVsPrevious),
            Figure("growth_vs_year_earlier", GrowthVsYearEarlier), Figure("share_of_bookings", ShareOfBookings),
            Figure("win_rate", WinRate), Figure("trailing_growth", TrailingGrowth),
            Figure("company_trailing_growth", CompanyTrailingGrowth), Figure("company_win_rate", CompanyWinRate),
        }.Concat(Bookings.Select((b, i) => new DetailLine("bookings", i + 1, b.Period, b.Amount, [])));
}

/// <summary>pipeline_by_service_line: the four figures of one service line.</summary>
public sealed record ServiceLineDetail : IndicatorDetail
{
    public required decimal OpenPipeline { get; init; }

    public required decimal NewPipeline { get; init; }

    public required decimal Bookings { get; init; }

    /// <summary>Null when no deal of the line closed in the period.</summary>
    public decimal? WinRate { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
        [Figure("open_pipeline", OpenPipeline), Figure("new_pipeline", NewPipeline), Figure("bookings", Bookings), Figure("win_rate", WinRate)];
}
