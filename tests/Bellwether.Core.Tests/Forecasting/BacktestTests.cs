using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class BacktestTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    [Fact]
    public void Summaries_ComputeTheMeasuresOfIndicatorsMd()
    {
        BacktestPoint Point(decimal actual, decimal p50, decimal p10, decimal p90, decimal? previous) => new()
        {
            Period = "2025-Q1",
            Offset = 0,
            AsOf = DateTimeOffset.UnixEpoch,
            Actual = actual,
            P10 = p10,
            P50 = p50,
            P90 = p90,
            PreviousPeriod = previous,
        };
        BacktestPoint[] points =
        [
            Point(100, 104, 90, 110, 80),    // off by 4%: a hit; inside the range
            Point(200, 180, 150, 190, 200),  // off by 10%; outside the range (above P90)
            Point(100, 100, 101, 120, null), // exact; outside the range (below P10); no previous period
        ];

        var summaries = Backtest.Summaries(points, 0).ToDictionary(s => s.Method);

        var forecast = summaries[Backtest.Forecast];
        Assert.Equal(3, forecast.Periods);
        Assert.Equal(0.06m, forecast.Wape);          // (4 + 20 + 0) / 400
        Assert.Equal(-0.04m, forecast.Bias);         // (4 − 20 + 0) / 400
        Assert.Equal(0.6667m, forecast.HitRate5);
        Assert.Equal(0.3333m, forecast.P10P90Coverage);
        var previous = summaries[Backtest.PreviousPeriodMethod];
        Assert.Equal(2, previous.Periods);
        Assert.Equal(0.0667m, previous.Wape);        // (20 + 0) / 300
        Assert.Null(previous.P10P90Coverage);
        Assert.Equal(0, summaries[Backtest.StageWeightedMethod].Periods);
        Assert.Null(summaries[Backtest.StageWeightedMethod].Wape);
    }

    [Fact]
    public void Run_ForecastsEachPeriodAtEachOffset_BesideTheBaselines()
    {
        var result = Backtest.Run(company.Data, new BacktestRequest
        {
            Indicator = "bookings",
            From = Calendar.Parse("2025-Q1"),
            To = Calendar.Parse("2025-Q2"),
            Offsets = [0, 45],
            Options = company.Options,
        }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(["2025-Q1/0", "2025-Q2/0", "2025-Q1/45", "2025-Q2/45"], result.Points.Select(p => $"{p.Period}/{p.Offset}"));
        Assert.Equal(8, result.Summary.Count);
        var q2 = result.Points.Single(p => p.Period == "2025-Q2" && p.Offset == 0);
        var q1Actual = result.Points.Single(p => p.Period == "2025-Q1" && p.Offset == 0).Actual;
        Assert.Equal(q1Actual, q2.PreviousPeriod);
        Assert.Equal(ActualBookings(Calendar.Parse("2024-Q2")), q2.YearEarlier);
        Assert.Equal(ActualBookings(Calendar.Parse("2025-Q2")), q2.Actual);
        Assert.All(result.Points, p =>
        {
            // Each point is the forecast made at its own instant, not a range re-derived from it.
            var row = ForecastModel.Fit(company.Data, p.AsOf, company.Options, cancellation: TestContext.Current.CancellationToken)
                .Forecast(new ForecastQuery { Indicators = ["bookings"], Period = Calendar.Parse(p.Period) }).Single();
            Assert.Equal((row.P10, row.P50, row.P90), ((decimal?)p.P10, (decimal?)p.P50, (decimal?)p.P90));
        });
        Assert.All(result.Points, p => Assert.NotNull(p.StageWeighted));
        Assert.Equal(SmallCompany.At("2025-05-16"), result.Points.Single(p => p.Period == "2025-Q2" && p.Offset == 45).AsOf);
    }

    [Fact]
    public void Run_OfAnIndicatorThatIsNotForecast_Throws()
    {
        var request = new BacktestRequest { Indicator = "win_rate", From = Calendar.Parse("2025-Q1"), To = Calendar.Parse("2025-Q1") };

        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(company.Data, request, cancellation: TestContext.Current.CancellationToken));

        Assert.StartsWith("No forecast of \"win_rate\"", error.Message, StringComparison.Ordinal);
    }

    private decimal ActualBookings(Period period) => company.Data.Opportunities
        .Where(o => o.Status == Pipeline.OpportunityStatus.Won && period.Contains(o.ClosedAt!.Value))
        .Sum(o => o.Amount);
}
