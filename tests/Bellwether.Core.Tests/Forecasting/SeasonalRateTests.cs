using Bellwether.Core.Forecasting.Model;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class SeasonalRateTests
{
    /// <summary>Calendar-month effects of the made-up stream: quiet summers and Decembers, busy autumns.</summary>
    private static readonly double[] Season = [1.10, 1.05, 1.12, 1.02, 1.00, 0.92, 0.78, 0.74, 1.06, 1.14, 1.08, 0.72];

    /// <summary>25% growth a year, in log rate per year.</summary>
    private static readonly double Growth = Math.Log(1.25);

    [Fact]
    public void ExactCounts_GiveBackTheLevelTrendAndSeason()
    {
        // 30 months of counts that are exactly the model's mean: 5 deals a day at t in an average month, growing 25% a
        // year, with the season above. The fit must find them (the season a little shrunk toward none).
        var months = Months(30, level: 5, slump: _ => 1);

        var rate = SeasonalRate.Fit(months);

        Assert.Equal(5, rate.Level, 0.1);
        Assert.Equal(Growth, rate.TrendPerYear, 0.02);
        for (var m = 0; m < 12; m++)
        {
            Assert.Equal(Season[m] / GeometricMean(Season), rate.Season[m], 0.05);
        }
    }

    [Fact]
    public void ATwoMonthSlump_DoesNotBendTheTrend()
    {
        // The same stream with its inbound 40% down for two months a year before t (a market scare): those months must
        // count for (almost) nothing, so the level at t and the growth are read as without them — not pulled down.
        var months = Months(30, level: 5, slump: back => back is 11 or 12 ? 0.6 : 1);

        var rate = SeasonalRate.Fit(months);

        Assert.Equal(Growth, rate.TrendPerYear, 0.03);
        Assert.Equal(5, rate.Level, 0.15);
    }

    [Fact]
    public void ASeasonalTroughSeenOnce_IsKeptOnceAFullYearIsSeen()
    {
        // 15 months: July and August (0.78 and 0.74 of an average month) are seen once. Nothing tells a trough seen
        // once from a slump, but once every calendar month has been seen, it is the season's only witness: it keeps its
        // weight, and the fitted August stays well below an average month instead of being read away as an outlier.
        var months = Months(15, level: 5, slump: _ => 1);

        var rate = SeasonalRate.Fit(months);

        Assert.InRange(rate.Season[7], 0.70, 0.85);
    }

    [Fact]
    public void NoDeals_GiveNoRate()
    {
        var rate = SeasonalRate.Fit([new MonthCount(0, 0, 30, -0.5), new MonthCount(1, 0, 28, -0.4)]);

        Assert.Equal(0, rate.Level);
        Assert.Equal(0, rate.PerDay(2, 0.1));
    }

    /// <summary>
    /// <paramref name="count"/> full months ending at t (each 30 days of exposure), whose counts are the model's mean
    /// times the slump's factor for months back from t (1 for the last month).
    /// </summary>
    private static List<MonthCount> Months(int count, double level, Func<int, double> slump)
    {
        var list = new List<MonthCount>();
        var mean = GeometricMean(Season);
        for (var back = count; back >= 1; back--)
        {
            var calendarMonth = ((12 * 100) - back) % 12; // t is the first of January: one month back is December
            var years = -(back - 0.5) / 12;
            var perDay = level * Math.Exp(Growth * years) * Season[calendarMonth] / mean;
            list.Add(new MonthCount(calendarMonth, Math.Round(perDay * 30 * slump(back)), 30, years));
        }

        return list;
    }

    private static double GeometricMean(double[] values) => Math.Exp(values.Average(Math.Log));
}
