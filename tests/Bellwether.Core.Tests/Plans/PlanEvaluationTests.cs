using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Tests.Forecasting;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Plans;

public sealed class PlanEvaluationTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    // Won in March 2025: 1,000 and 2,500; won in April: 7,000; lost in March: one deal.
    private static readonly Data.Dataset Deals = Company(
        Won("d1", 1000, "2025-02-01", "2025-03-05"),
        Won("d2", 2500, "2025-01-10", "2025-03-20"),
        Won("d3", 7000, "2025-03-01", "2025-04-02"),
        Lost("d4", 900, "2025-02-01", "2025-03-25"));

    [Fact]
    public void AClosedPeriod_IsJudgedOnItsActual_WithBasisActual()
    {
        var rows = Evaluate(Deals, At("2025-06-01"), "2025-Q1", PlanRollupTests.Plan("bookings", "2025-03", 4000), PlanRollupTests.Plan("bookings", "2025-Q1", 3000));

        // March: 1,000 + 2,500 = 3,500 against 4,000: 87.5%, off track, 500 short. Q1 holds the same two wins: 3,500 / 3,000.
        var march = rows[0];
        Assert.Equal(PlanBasis.Actual, march.Basis);
        Assert.Equal(3500m, march.Actual);
        Assert.Equal(3500m, march.Projected);
        Assert.Null(march.P50);
        Assert.Equal(0.875m, march.Attainment);
        Assert.Equal(-500m, march.Variance);
        Assert.Equal(SignalStatus.OffTrack, march.Status);
        Assert.False(march.ActualProvisional);
        Assert.Equal(Math.Round(3500m / 3000m, 4), rows[1].Attainment);
        Assert.Equal(SignalStatus.OnTrack, rows[1].Status);
    }

    [Theory]
    [InlineData(2, 2.0, SignalStatus.OnTrack)]
    [InlineData(0.95, 0.95, SignalStatus.AtRisk)]
    [InlineData(0.5, 0.5, SignalStatus.OffTrack)]
    public void WhereLowerIsBetter_AttainmentIsTargetOverActual(double target, double attainment, SignalStatus status)
    {
        // One deal lost in March 2025.
        var row = Assert.Single(Evaluate(Deals, At("2025-06-01"), "2025-03", PlanRollupTests.Plan("lost_deals", "2025-03", (decimal)target)));

        Assert.Equal(1m, row.Actual);
        Assert.Equal((decimal)attainment, row.Attainment);
        Assert.Equal(status, row.Status);
    }

    [Fact]
    public void AnOpenPeriod_OfAMetricThatIsNotForecast_HasNoProjection_AndSaysWhy()
    {
        var row = Assert.Single(Evaluate(Deals, At("2025-03-22"), "2025-03", PlanRollupTests.Plan("win_rate", "2025-03", 0.5m)));

        // So far in March: two wins, no loss yet (d4 is lost on the 25th).
        Assert.Equal(1m, row.Actual);
        Assert.True(row.ActualProvisional);
        Assert.Null(row.Projected);
        Assert.Null(row.Basis);
        Assert.Null(row.Status);
        Assert.StartsWith("win_rate is not forecast: no projection while 2025-03 is open", row.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AGap_HasNoTargetAndNoStatus_ButItsActualAndReason()
    {
        var plans = new[] { PlanRollupTests.Plan("win_rate", "2025-01", 0.5m), PlanRollupTests.Plan("win_rate", "2025-02", 0.5m), PlanRollupTests.Plan("win_rate", "2025-03", 0.5m) };
        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2025-Q1")));

        var rows = PlanEvaluation.Of(items, new PlanReading { Engine = new IndicatorEngine(Deals), AsOf = At("2025-06-01") });

        var quarter = Assert.Single(rows, r => r.Period == "2025-Q1");
        Assert.Null(quarter.Target);
        Assert.Null(quarter.Status);
        Assert.Equal(Math.Round(2m / 3m, 4), Math.Round(quarter.Actual!.Value, 4));
        Assert.Equal("win_rate is a ratio: monthly plans are not added up, and no plan is set for 2025-Q1", quarter.MissingReason);
    }

    [Fact]
    public void OpenPeriods_AreProjectedWithTheForecast_ExactlyAsTheForecastOfEachPeriodAlone()
    {
        // A month, its quarter and its year of every forecast metric the plans name: the plan rows must carry what
        // `bellwether forecast METRIC --period P` gives for each P on its own, however the plans ask for them.
        var t = SmallCompany.At("2025-07-01");
        var model = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        string[] metrics = ["bookings", "revenue", "grr", "expansion_revenue", "operating_margin"];
        string[] periods = ["2025-07", "2025-Q3", "2025"];
        var plans = metrics.SelectMany(m => periods.Select(p => PlanRollupTests.Plan(m, p, 1))).ToList();
        var items = PlanRollup.Items(plans, Calendar, PlanScope.Around(t.AddDays(1), Calendar));

        var rows = PlanEvaluation.Of(items, new PlanReading { Engine = new IndicatorEngine(company.Data), AsOf = t, Model = model });

        Assert.Equal(metrics.Length * periods.Length, rows.Count);
        foreach (var row in rows)
        {
            var alone = Assert.Single(model.Forecast(new ForecastQuery { Indicators = [row.Metric], Period = Calendar.Parse(row.Period) }));
            Assert.NotNull(alone.P50);
            Assert.Equal((alone.P10, alone.P50, alone.P90), (row.P10, row.P50, row.P90));
            Assert.Equal(PlanBasis.Forecast, row.Basis);
            Assert.Equal(row.P50, row.Projected);
        }
    }

    [Fact]
    public void AWeekPlan_HasNoForecast_AndSaysWhy_WithoutTakingTheForecastOfItsMonth()
    {
        // Imports accept weekly plans; forecasts are made for months and longer.
        var t = SmallCompany.At("2025-07-01");
        var model = ForecastModel.Fit(company.Data, t, company.Options, cancellation: TestContext.Current.CancellationToken);
        var plans = new[] { PlanRollupTests.Plan("grr", "2025-W28", 0.9m), PlanRollupTests.Plan("grr", "2025-07", 0.9m) };
        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2025")));

        var rows = PlanEvaluation.Of(items, new PlanReading { Engine = new IndicatorEngine(company.Data), AsOf = t, Model = model });

        Assert.Equal("forecasts are made for months, fiscal quarters and fiscal years", Assert.Single(rows, r => r.Period == "2025-W28").MissingReason);
        Assert.NotNull(Assert.Single(rows, r => r.Period == "2025-07").P50);
    }

    [Fact]
    public void AModelFittedAtAnotherInstant_IsRefused()
    {
        var model = ForecastModel.Fit(company.Data, SmallCompany.At("2025-07-01"), company.Options, cancellation: TestContext.Current.CancellationToken);

        Assert.Throws<ArgumentException>(() => PlanEvaluation.Of([], new PlanReading { Engine = new IndicatorEngine(company.Data), AsOf = SmallCompany.At("2025-06-01"), Model = model }));
    }

    private static IReadOnlyList<PlanStatusRow> Evaluate(Data.Dataset data, DateTimeOffset asOf, string scope, params PlanLine[] plans)
    {
        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse(scope)));
        return PlanEvaluation.Of(items, new PlanReading { Engine = new IndicatorEngine(data), AsOf = asOf });
    }
}
