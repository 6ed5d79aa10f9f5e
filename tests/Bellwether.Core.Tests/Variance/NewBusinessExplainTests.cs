using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Tests.Indicators;
using Bellwether.Core.Variance;
using static Bellwether.Core.Tests.Variance.Explain;

namespace Bellwether.Core.Tests.Variance;

/// <summary>
/// Bookings split by the pipeline flow identity, on flows small enough to work out by hand: every expected figure below
/// is the Shapley value computed in the comment, not read from the code.
/// </summary>
public sealed class NewBusinessExplainTests
{
    [Fact]
    public void OnlyTheWinRateMoved_TheWholeGapIsWinRate()
    {
        // Q1: 10 deals created and closed, 5 won at 1,000 = 5,000. Q2: 10 created and closed, 3 won = 3,000.
        var data = Company([
            .. Batch("q1-", 10, 5, 1000, "2025-01-10", "2025-02-10", "a2"),
            .. Batch("q2-", 10, 3, 1000, "2025-04-10", "2025-05-10", "a2"),
        ]);

        var e = Run(data, "bookings", "2025-Q2");

        Assert.Null(e.MissingReason);
        Assert.Equal(Basis.Actual, e.Basis);
        Assert.Equal(5000m, e.Comparison);
        Assert.Equal(3000m, e.Actual);
        Assert.Equal(-2000m, e.Gap);
        Assert.Equal(-0.4m, e.GapRatio);
        Assert.Equal(-2000m, Cell(e, NewBusinessFamily.WinRate, "finance"));
        Assert.All(e.Cells.Where(c => c.Driver != NewBusinessFamily.WinRate), c => Assert.Equal(0m, c.Amount));
        var win = e.Drivers.Single(d => d.Driver == NewBusinessFamily.WinRate);
        Assert.Equal(0.5m, win.From);
        Assert.Equal(0.3m, win.To);
        Assert.StartsWith("2025-Q2 bookings 40.0% under 2025-Q1 ($3.0k against $5.0k): win rate in finance −20.0 pts (−$2.0k)", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void VolumeAndSizeBothMoved_SplitEquallyOverBothOrders()
    {
        // Q1: 10 deals, 5 won at 1,000 = 5,000. Q2: 20 deals, 10 won at 1,500 = 15,000. Gap 10,000.
        // Volume: ½[(20−10)·0.5·1,000 + (20−10)·0.5·1,500] = ½[5,000 + 7,500] = 6,250.
        // Size:   ½[10·0.5·(1,500−1,000) + 20·0.5·(1,500−1,000)] = ½[2,500 + 5,000] = 3,750.
        var data = Company([
            .. Batch("q1-", 10, 5, 1000, "2025-01-10", "2025-02-10"),
            .. Batch("q2-", 20, 10, 1500, "2025-04-10", "2025-05-10"),
        ]);

        var e = Run(data, "bookings", "2025-Q2", by: null);

        Assert.Equal(10_000m, e.Gap);
        Assert.Equal(6250m, Driver(e, NewBusinessFamily.NewPipeline));
        Assert.Equal(3750m, Driver(e, NewBusinessFamily.DealSize));
        Assert.Equal(0m, Driver(e, NewBusinessFamily.WinRate));
        Assert.Equal(0m, Driver(e, NewBusinessFamily.Cycle));
    }

    [Fact]
    public void BySlice_CellsAddUpToEachSlicesGap()
    {
        // finance loses 2,000 through its win rate (as above); retail books 4,000 both quarters.
        var data = Company([
            .. Batch("fq1-", 10, 5, 1000, "2025-01-10", "2025-02-10", "a2"),
            .. Batch("fq2-", 10, 3, 1000, "2025-04-10", "2025-05-10", "a2"),
            .. Batch("rq1-", 8, 4, 1000, "2025-01-10", "2025-02-10", "a1"),
            .. Batch("rq2-", 8, 4, 1000, "2025-04-10", "2025-05-10", "a1"),
        ]);

        var e = Run(data, "bookings", "2025-Q2");

        Assert.Equal(-2000m, e.Gap);
        Assert.Equal(-2000m, e.Slices.Single(s => s.Label == "finance").Gap);
        Assert.Equal(0m, e.Slices.Single(s => s.Label == "retail").Gap);
        Assert.Equal(-2000m, Cell(e, NewBusinessFamily.WinRate, "finance"));
        Assert.Equal(0m, Cell(e, NewBusinessFamily.WinRate, "retail"));
        Assert.Equal("vertical", e.By);
    }

    [Fact]
    public void StartingPipelineThatSlipped_IsTheSlippageDriver_AndCountedAsSlipped()
    {
        // Q1 starts with 4 deals (created in December), all close in Q1, 2 won at 1,000 = 2,000.
        // Q2 starts with 4 deals (created in March, expected to close in May): 1 won at 1,000, 1 lost, 2 still open = 1,000.
        // Only the share of the starting pipeline that closed moved (1 → 0.5): the whole −1,000 is slippage.
        var data = Company([
            .. Batch("d-", 4, 2, 1000, "2024-12-10", "2025-02-10"),
            Fixture.Won("m-0", 1000, "2025-03-10", "2025-05-10"),
            Fixture.Lost("m-1", 1000, "2025-03-10", "2025-05-12"),
            Fixture.Deal("m-2", 1000, "2025-03-10", expected: "2025-05-20"),
            Fixture.Deal("m-3", 1000, "2025-03-10", expected: "2025-05-20"),
        ]) with
        {
            History =
            [
                Fixture.Change("m-2", "2025-03-10", "Proposal", 1000, "2025-05-20"),
                Fixture.Change("m-3", "2025-03-10", "Proposal", 1000, "2025-05-20"),
            ],
        };

        var e = Run(data, "bookings", "2025-Q2", by: null, asOf: Fixture.At("2025-08-01"));

        Assert.Equal(-1000m, e.Gap);
        Assert.Equal(-1000m, Driver(e, NewBusinessFamily.Slippage));
        var slipped = e.Facts.Single(f => f.Name == "slipped_deals");
        Assert.Equal(0m, slipped.From);
        Assert.Equal(2m, slipped.To);
        Assert.Equal(2000m, e.Facts.Single(f => f.Name == "slipped_amount").To);
    }

    [Fact]
    public void AgainstPlan_TheTrailingYearGivesTheDrivers_AndVolumeReachesTheTarget()
    {
        // Each of the four quarters of 2024 books 5,000 (10 deals, 5 won at 1,000). The plan for 2025-Q1 is 6,000, so the
        // implied plan keeps win rate 0.5 and size 1,000 and scales volume by 6,000 / 5,000 = 1.2: 12 deals.
        // Actual: 10 deals, 6 won at 1,000 = 6,000: on plan, yet volume and win rate both moved.
        // Volume: ½[(10−12)·0.5 + (10−12)·0.6]·1,000 = −1,100. Win rate: ½[12·0.1 + 10·0.1]·1,000 = +1,100.
        var quarters = new[] { ("2024-01-10", "2024-02-10"), ("2024-04-10", "2024-05-10"), ("2024-07-10", "2024-08-10"), ("2024-10-10", "2024-11-10") };
        var data = Company([
            .. quarters.SelectMany((q, i) => Batch($"t{i}-", 10, 5, 1000, q.Item1, q.Item2)),
            .. Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10"),
        ]) with
        {
            Plans = [new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2025-Q1", Target = 6000, Owner = "President" }],
        };

        var e = Run(data, "bookings", "2025-Q1", Against.Plan, by: null);

        Assert.Null(e.MissingReason);
        Assert.Equal("plan", e.ComparisonLabel);
        Assert.Equal(6000m, e.Comparison);
        Assert.Equal(0m, e.Gap);
        Assert.Equal(-1100m, Driver(e, NewBusinessFamily.NewPipeline));
        Assert.Equal(1100m, Driver(e, NewBusinessFamily.WinRate));
        Assert.Equal(12m, e.Drivers.Single(d => d.Driver == NewBusinessFamily.NewPipeline).From);
        Assert.Contains("on plan", e.Summary);
    }

    [Fact]
    public void AgainstPlan_TheOnlyPlanOfThePeriodIsAdoptedWithItsSlice()
    {
        var data = Company(Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10")) with
        {
            Plans = [new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2025-Q1", Target = 6000, Owner = "President", Slice = new Dictionary<string, string> { ["type"] = "new_business" } }],
        };

        var e = Run(data, "bookings", "2025-Q1", Against.Plan, by: null);

        Assert.Equal("new_business", e.Slice["type"]);
        Assert.Contains(e.Notes, n => n.Contains("type=new_business", StringComparison.Ordinal));
        Assert.StartsWith("2025-Q1 new-business bookings", e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AgainstPlan_WithoutAPlan_SaysWhy_AndHasNoFigures()
    {
        var data = Company(Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10"));

        var e = Run(data, "bookings", "2025-Q1", Against.Plan);

        Assert.Equal("no plan for bookings in 2025-Q1 (plans.csv has none for that period)", e.MissingReason);
        Assert.Null(e.Gap);
        Assert.Null(e.Actual);
        Assert.Empty(e.Cells);
        Assert.Contains(e.MissingReason!, e.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AComparisonNotOverYet_IsRefused()
    {
        var data = Company(Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10"));

        var e = Run(data, "bookings", "2025-Q2", asOf: Fixture.At("2025-03-15"));

        Assert.Equal("2025-Q1 is not over as of 2025-03-15T00:00:00Z: compare with a period that is", e.MissingReason);
    }

    [Fact]
    public void APeriodNotOverWithoutAForecast_SaysSo()
    {
        var data = Company([.. Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10"), .. Batch("b-", 10, 6, 1000, "2025-04-10", "2025-05-10")]);

        var e = Run(data, "bookings", "2025-Q2", asOf: Fixture.At("2025-05-15"));

        Assert.Equal("2025-Q2 is not over as of 2025-05-15T00:00:00Z and no forecast was given", e.MissingReason);
    }

    [Fact]
    public void UnknownMetrics_AndRatiosWithoutDrivers_SayWhy()
    {
        var data = Company(Batch("a-", 10, 6, 1000, "2025-01-10", "2025-02-10"));

        Assert.Equal("no indicator named \"nope\"", Run(data, "nope", "2025-Q1").MissingReason);
        Assert.StartsWith("win_rate is not explained by driver", Run(data, "win_rate", "2025-Q1").MissingReason, StringComparison.Ordinal);
        Assert.Equal("deals cannot be split by activity_type", Run(data, "bookings", "2025-Q1", by: Dimension.ActivityType).MissingReason);
    }
}
