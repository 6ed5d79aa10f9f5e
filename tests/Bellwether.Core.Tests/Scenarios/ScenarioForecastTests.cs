using System.Text.Json;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Tests.Forecasting;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Scenarios;

public sealed class ScenarioForecastTests(ModelFixture fixture) : IClassFixture<ModelFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    private ForecastModel Model => fixture.Model;

    [Fact]
    public void ScenarioWithNoChanges_IsTheBaseForecast()
    {
        var query = Query("2025", Grain.Quarter, Dimension.Team);

        var base_ = Model.Forecast(query);
        var empty = Model.Forecast(query, new Scenario { Name = "nothing" });

        Assert.Equal(Json(base_), Json(empty));
    }

    [Theory]
    [InlineData(0.10, null, null)]
    [InlineData(0.50, null, null)]
    [InlineData(null, 0.05, null)]
    [InlineData(0.20, null, "r1")]
    public void RaisingAWinRate_NeverLowersTheForecast(double? relative, double? absolute, string? rep)
    {
        var query = Query("2025", Grain.Quarter, Dimension.Rep);
        var change = new WinRateChange
        {
            Relative = relative,
            Absolute = absolute,
            Slice = rep is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["rep"] = rep },
        };

        var before = Model.Forecast(query);
        var after = Model.Forecast(query, new Scenario { Name = "better", Changes = [change] });

        Assert.Equal(before.Count, after.Count);
        foreach (var (b, a) in before.Zip(after))
        {
            Assert.Equal((b.Period, b.Slice["rep"]), (a.Period, a.Slice["rep"]));
            Assert.True(a.P10 >= b.P10 && a.P50 >= b.P50 && a.P90 >= b.P90 && a.Mean >= b.Mean, $"{a.Period} {a.Slice["rep"]}: {b.P50} → {a.P50}");
        }

        Assert.True(after.Sum(r => r.Mean) > before.Sum(r => r.Mean));
    }

    [Fact]
    public void AddingARep_AddsNothingBeforeATypicalCycleHasPassed_AndSomethingAfter()
    {
        var start = new DateOnly(2025, 5, 1);
        var hire = new Scenario { Name = "hire", Changes = [new AddRepsChange { Start = start, Team = "east" }] };
        var cycle = Model.Parts.MedianWonCycleDays;
        var firstWin = start.AddDays((int)Math.Round(cycle));
        var months = Calendar.Split(Calendar.Parse("2025"), Grain.Month).Where(m => m.Start >= new DateOnly(2025, 5, 1)).ToList();
        Assert.True(cycle >= 20, $"the small company's cycle is {cycle:0} days");

        var before = Model.Forecast(Query("2025", Grain.Month));
        var after = Model.Forecast(Query("2025", Grain.Month), hire);

        foreach (var month in months)
        {
            var b = before.Single(r => r.Period == month.Label);
            var a = after.Single(r => r.Period == month.Label);
            if (month.End <= firstWin)
            {
                Assert.Equal(b.Mean, a.Mean);
            }
            else if (month.Start > firstWin.AddDays(30))
            {
                Assert.True(a.Mean > b.Mean, $"{month.Label}: {b.Mean} → {a.Mean}");
            }
        }
    }

    [Fact]
    public void HeadcountChanges_CountInRepMonths_FromTheirDate()
    {
        var scenario = new Scenario
        {
            Name = "people",
            Changes =
            [
                new AddRepsChange { Count = 2, Start = new DateOnly(2025, 5, 11) },
                new RemoveRepChange { RepId = "r1", From = new DateOnly(2025, 6, 16) },
            ],
        };
        var effects = new ScenarioEffects(Model.Parts, scenario);

        // May: two reps for 21 of 31 days. June: two reps all month, one leaves for the last 15 of 30 days. July on: 2 − 1.
        Assert.Equal(0, LedgerForecast.ExtraHeads(effects, new DateOnly(2025, 4, 1)));
        Assert.Equal(2 * 21 / 31.0, LedgerForecast.ExtraHeads(effects, new DateOnly(2025, 5, 1)), 12);
        Assert.Equal(2 - (15 / 30.0), LedgerForecast.ExtraHeads(effects, new DateOnly(2025, 6, 1)), 12);
        Assert.Equal(1, LedgerForecast.ExtraHeads(effects, new DateOnly(2025, 7, 1)), 12);
    }

    [Fact]
    public void Hiring_CostsMarginFromTheStartDate_BeforeItsDealsBookAnything()
    {
        var start = new DateOnly(2025, 5, 1);
        var hire = new Scenario { Name = "hire", Changes = [new AddRepsChange { Count = 2, Start = start }] };
        var leave = new Scenario { Name = "leave", Changes = [new RemoveRepChange { RepId = "r1", From = start }] };
        var query = new ForecastQuery { Indicators = ["operating_margin"], Period = Calendar.Parse("2025-Q2"), Grain = Grain.Month };

        var before = Model.Forecast(query);
        var hired = Model.Forecast(query, hire);
        var left = Model.Forecast(query, leave);

        Assert.All(before, r => Assert.Null(r.MissingReason));
        var april = before.Single(r => r.Period == "2025-04");
        Assert.Equal(april.Mean, hired.Single(r => r.Period == "2025-04").Mean);
        foreach (var month in new[] { "2025-05", "2025-06" })
        {
            var b = before.Single(r => r.Period == month).Mean;
            Assert.True(hired.Single(r => r.Period == month).Mean < b, $"{month}: hiring lowers the margin");
            Assert.True(left.Single(r => r.Period == month).Mean > b, $"{month}: a leaver raises it");
        }
    }

    [Fact]
    public void AddedRep_IsARowOfTheirOwn_InTheTeamTheyJoin()
    {
        var hire = new Scenario { Name = "hire", Changes = [new AddRepsChange { Start = new DateOnly(2025, 3, 1), Team = "west" }] };

        var rows = Model.Forecast(Query("2025-Q4", null, Dimension.Rep, Dimension.Team), hire);

        var row = Assert.Single(rows, r => r.Slice["rep"] == "new_ae_1");
        Assert.Equal("west", row.Slice["team"]);
        Assert.True(row.Mean > 0);
    }

    [Theory]
    [InlineData("deal_size")]
    [InlineData("cycle_length")]
    [InlineData("new_pipeline")]
    [InlineData("inbound_leads")]
    [InlineData("remove_rep")]
    [InlineData("churn")]
    public void EachDriver_MovesTheForecastTheWayItShould(string driver)
    {
        DriverChange change = driver switch
        {
            "deal_size" => new DealSizeChange { Relative = 0.2 },
            "cycle_length" => new CycleLengthChange { Relative = 0.5 },
            "new_pipeline" => new NewPipelineChange { Relative = -0.3 },
            "inbound_leads" => new InboundLeadsChange { Relative = -0.4, From = new DateOnly(2025, 4, 1), To = new DateOnly(2025, 6, 1) },
            "remove_rep" => new RemoveRepChange { RepId = "r1", From = new DateOnly(2025, 4, 1) },
            _ => new ChurnChange { Relative = 0.5 },
        };
        var query = Query("2025-Q3", null);

        var before = Assert.Single(Model.Forecast(query));
        var after = Assert.Single(Model.Forecast(query, new Scenario { Name = driver, Changes = [change] }));

        if (driver == "deal_size")
        {
            Assert.True(after.Mean > before.Mean);
        }
        else if (driver == "churn")
        {
            Assert.Equal(before.Mean, after.Mean); // the small company has no renewals
        }
        else
        {
            Assert.True(after.Mean < before.Mean, $"{driver}: {before.Mean} → {after.Mean}");
        }
    }

    [Fact]
    public void Comparison_ExplainsTheChange_DriverByDriver_AndTheStepsAddUp()
    {
        var first = new Scenario { Name = "slower", Changes = [new CycleLengthChange { Relative = 0.2 }] };
        var second = new Scenario
        {
            Name = "push",
            Changes = [new WinRateChange { Relative = 0.1 }, new DealSizeChange { Relative = 0.05, Slice = new Dictionary<string, string> { ["vertical"] = "finance" } }],
        };

        var comparison = Model.Compare(Query("2025-Q3", null, Dimension.Team), first, second);

        Assert.Equal(comparison.FirstRows.Count, comparison.Differences.Count);
        foreach (var difference in comparison.Differences)
        {
            Assert.Equal(["undo: cycle_length +20%", "win_rate +10%", "deal_size +5% (vertical=finance)"], difference.ByDriver.Select(d => d.Change));
            Assert.Equal(difference.MeanChange, difference.ByDriver.Sum(d => d.MeanChange));
            Assert.Equal(difference.SecondP50 - difference.FirstP50, difference.P50Change);
        }
    }

    [Fact]
    public void PlanLines_AreProjectedWithTheForecast_AndAScenarioMovesTheirStatus()
    {
        var data = fixture.Data with
        {
            Plans =
            [
                new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2025-Q3", Target = 1m, Owner = "President" },
                new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2025-Q3", Target = 1_000_000_000m, Owner = "President" },
                new PlanLine { Pillar = Pillar.Retention, Metric = "logo_churn", Period = "2025-Q3", Target = 0.1m, Owner = "COO" },
            ],
        };
        var model = ForecastModel.Fit(data, fixture.Model.AsOf, fixture.Model.Options, cancellation: TestContext.Current.CancellationToken);
        var items = PlanRollup.Items(data.Plans, Calendar, PlanScope.Within(Calendar.Parse("2025-Q3")));
        var reading = new PlanReading { Engine = new IndicatorEngine(data), AsOf = model.AsOf, Model = model };

        var plans = PlanEvaluation.Of(items, reading);

        Assert.Equal(SignalStatus.OnTrack, plans[0].Status);
        Assert.Equal(SignalStatus.OffTrack, plans[1].Status);
        Assert.Equal(plans[0].Projected, model.Forecast(Query("2025-Q3", null))[0].P50);
        Assert.Equal(PlanBasis.Forecast, plans[0].Basis);
        Assert.StartsWith("logo_churn is not forecast", plans[2].MissingReason, StringComparison.Ordinal);
        var better = PlanEvaluation.Of(items, reading with { Scenario = new Scenario { Name = "better", Changes = [new WinRateChange { Relative = 0.2 }] } });
        Assert.True(better[0].Projected > plans[0].Projected);
        Assert.Equal("better", better[0].Scenario);
    }

    private static ForecastQuery Query(string period, Grain? grain, params Dimension[] by) => new()
    {
        Indicators = ["bookings"],
        Period = Calendar.Parse(period),
        Grain = grain,
        By = by,
    };

    private static string Json(IReadOnlyList<ForecastRow> rows) => JsonSerializer.Serialize(rows, IndicatorJson.Options);
}

/// <summary>The small company's model as of 2025-04-01, fitted once for the scenario tests.</summary>
public sealed class ModelFixture
{
    public ModelFixture()
    {
        Data = SmallCompany.Generate();
        Model = ForecastModel.Fit(Data, SmallCompany.At("2025-04-01"), new ForecastOptions { Simulations = 400 }, cancellation: TestContext.Current.CancellationToken);
    }

    public Data.Dataset Data { get; }

    public ForecastModel Model { get; }
}
