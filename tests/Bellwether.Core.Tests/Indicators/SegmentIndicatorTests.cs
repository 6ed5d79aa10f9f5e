using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class SegmentIndicatorTests
{
    /// <summary>One won deal of the amount in each quarter of 2016–2017 for the account, plus the losses given.</summary>
    private static IEnumerable<Opportunity> Quarterly(string prefix, string account, decimal[] amounts)
    {
        for (var q = 0; q < amounts.Length; q++)
        {
            var month = 1 + (3 * (q % 4));
            var closed = new DateOnly(2016 + (q / 4), month, 15).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            yield return Won($"{prefix}{q}", amounts[q], "2015-12-01", closed, account: account);
        }
    }

    // retail (a1) doubles from 100 to 200 a quarter and never loses; finance (a2) shrinks from 100 to 50 and loses a deal
    // a quarter in 2017.
    private static readonly Dataset Verticals = Company(
        [.. Quarterly("r", "a1", [100, 100, 100, 100, 200, 200, 200, 200]),
         .. Quarterly("f", "a2", [100, 100, 100, 100, 50, 50, 50, 50]),
         Lost("fl1", 10, "2016-12-01", "2017-02-01", account: "a2"), Lost("fl2", 10, "2016-12-01", "2017-05-01", account: "a2")]);

    [Fact]
    public void VerticalTrend_ClassifiesAgainstTheCompany()
    {
        var rows = Run(Verticals, "vertical_trend", "2017-Q4");

        var retail = Slice(rows, "vertical", "retail");
        Assert.Equal(200m, retail.Value);
        var r = Assert.IsType<VerticalTrendDetail>(retail.Detail);
        Assert.Equal("thriving", r.Status); // growth 800/400 − 1 = 1 > company 1000/800 − 1 = 0.25; win rate 1 > 8/10 (2 finance losses in 2017)
        Assert.Equal(1m, r.TrailingGrowth);
        Assert.Equal(0.25m, r.CompanyTrailingGrowth);
        Assert.Equal(0.8m, r.CompanyWinRate);
        Assert.Equal(1m, r.GrowthVsYearEarlier); // 200 vs 100 in 2016-Q4
        Assert.Equal(0m, r.GrowthVsPrevious);
        Near(0.8m, r.ShareOfBookings); // 200 of 250
        Assert.Equal(["2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"], r.Bookings.Select(b => b.Period));

        var f = Assert.IsType<VerticalTrendDetail>(Slice(rows, "vertical", "finance").Detail);
        Assert.Equal("stalling", f.Status); // growth −0.5 and win rate 4/6 both below the company's
        Assert.Equal(-0.5m, f.TrailingGrowth);
    }

    [Fact]
    public void VerticalTrend_IsAlwaysByVertical()
    {
        Assert.All(Run(Verticals, "vertical_trend", "2017-Q4", by: [Dimension.Rep]), r => Assert.Equal(["vertical"], r.Slice.Keys));
    }

    [Fact]
    public void PipelineByServiceLine_FourFiguresPerLine()
    {
        var data = Company(
            Won("w", 100, "2017-01-01", "2017-02-01", line: "consulting"),
            Lost("l", 50, "2017-01-01", "2017-02-01", line: "consulting"),
            Deal("o1", 70, "2017-03-01", line: "consulting"),
            Deal("o2", 30, "2016-03-01", line: "training"));

        var rows = Run(data, "pipeline_by_service_line", "2017-Q1");

        var consulting = Slice(rows, "service_line", "consulting");
        Assert.Equal(70m, consulting.Value);
        var c = Assert.IsType<ServiceLineDetail>(consulting.Detail);
        Assert.Equal(220m, c.NewPipeline);
        Assert.Equal(100m, c.Bookings);
        Assert.Equal(0.5m, c.WinRate);
        var training = Assert.IsType<ServiceLineDetail>(Slice(rows, "service_line", "training").Detail);
        Assert.Equal(30m, training.OpenPipeline);
        Assert.Null(training.WinRate);
    }
}
