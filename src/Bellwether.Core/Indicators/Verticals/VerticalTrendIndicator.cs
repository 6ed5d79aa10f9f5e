using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Verticals;

/// <summary>
/// vertical_trend, always by vertical (within the query's filter): each vertical's bookings over the last 8 periods of
/// P's grain, growth against the previous period and the same period a year earlier, share of all bookings, and its
/// classification — thriving when its trailing-4-period growth and 4-period win rate both beat the company's, stalling
/// when both fall short, steady otherwise. The value is the vertical's bookings in P.
/// </summary>
internal sealed class VerticalTrendIndicator : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["vertical_trend"];

    public override IReadOnlyList<Dimension>? FixedBy(string name) => [Dimension.Vertical];

    public override Outcome[] Compute(string name, Scope s)
    {
        var periods = Enumerable.Range(0, 8).Select(k => s.Calendar.Shift(s.Period, k - 7)).ToArray();
        var bookings = periods.Select(p => DealStats.Closed(s, Window.Of(p)).WonAmount).ToArray();
        var yearEarlier = DealStats.Closed(s, Window.Of(s.Calendar.YearEarlier(s.Period))).WonAmount;
        var last4 = DealStats.Closed(s, Window.Of(periods[4], periods[7]));

        var company = s.Sliced([]);
        var companyBookings = periods.Select(p => DealStats.Closed(company, Window.Of(p)).WonAmount[0]).ToArray();
        var companyLast4 = DealStats.Closed(company, Window.Of(periods[4], periods[7]));
        var companyGrowth = Growth(companyBookings[4..].Sum(), companyBookings[..4].Sum());
        var companyWinRate = WinRate(companyLast4, 0);

        return s.Each(g =>
        {
            var series = periods.Select((p, k) => new PeriodAmount(p.Label, bookings[k][g])).ToList();
            var growth = Growth(series.Skip(4).Sum(x => x.Amount), series.Take(4).Sum(x => x.Amount));
            var winRate = WinRate(last4, g);
            var detail = new VerticalTrendDetail
            {
                Status = Classify(growth, winRate, companyGrowth, companyWinRate),
                Bookings = series,
                GrowthVsPrevious = Growth(bookings[7][g], bookings[6][g]),
                GrowthVsYearEarlier = Growth(bookings[7][g], yearEarlier[g]),
                ShareOfBookings = companyBookings[7] == 0 ? null : Num.Ratio(bookings[7][g], companyBookings[7]),
                WinRate = winRate,
                TrailingGrowth = growth,
                CompanyTrailingGrowth = companyGrowth,
                CompanyWinRate = companyWinRate,
            };
            return Outcome.Of(bookings[7][g], detail);
        });
    }

    private static decimal? Growth(decimal now, decimal before) => before == 0 ? null : Num.Ratio(now, before) - 1;

    private static decimal? WinRate(ClosedStats closed, int g) =>
        closed.WonCount[g] + closed.LostCount[g] == 0 ? null : Num.Ratio(closed.WonCount[g], closed.WonCount[g] + closed.LostCount[g]);

    private static string Classify(decimal? growth, decimal? winRate, decimal? companyGrowth, decimal? companyWinRate)
    {
        if (growth is not { } gr || winRate is not { } wr || companyGrowth is not { } cg || companyWinRate is not { } cw)
        {
            return "unknown";
        }

        return (gr > cg && wr > cw) ? "thriving" : (gr < cg && wr < cw) ? "stalling" : "steady";
    }
}
