using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Plans;

public sealed class PlanRollupTests
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    [Fact]
    public void ThreeMonthlyPlans_OfAnAdditiveMetric_RollUpToTheirQuarter()
    {
        var plans = Months("bookings", ("2026-10", 100_000), ("2026-11", 250_000), ("2026-12", 400_000));

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026-Q4")));

        var quarter = Assert.Single(items, i => i.Period.Label == "2026-Q4");
        Assert.Equal(750_000m, quarter.Target);
        Assert.Equal(["2026-10", "2026-11", "2026-12"], quarter.RolledUpFrom);
        Assert.Equal("President", quarter.Owner);
        Assert.Null(quarter.MissingReason);
        Assert.Equal(3, items.Count(i => i.Period.Grain == Grain.Month && i.RolledUpFrom.Count == 0));
    }

    [Fact]
    public void TwelveMonthlyPlans_RollUpToTheYear_AndEachQuarter()
    {
        // 1,000 in January, 2,000 in February … 12,000 in December: 78,000 for the year; Q3 is 7 + 8 + 9 = 24,000.
        var plans = Months("revenue", [.. Enumerable.Range(1, 12).Select(m => ($"2026-{m:D2}", m * 1000m))]);

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026")));

        Assert.Equal(78_000m, Assert.Single(items, i => i.Period.Label == "2026").Target);
        Assert.Equal(12, Assert.Single(items, i => i.Period.Label == "2026").RolledUpFrom.Count);
        Assert.Equal(24_000m, Assert.Single(items, i => i.Period.Label == "2026-Q3").Target);
        Assert.Equal(4, items.Count(i => i.Period.Grain == Grain.Quarter));
    }

    [Fact]
    public void AMissingMonth_MeansNoRollUp_AndAGapThatNamesTheMonth()
    {
        var plans = Months("bookings", ("2026-10", 100_000), ("2026-12", 400_000));

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026-Q4")));

        var quarter = Assert.Single(items, i => i.Period.Label == "2026-Q4");
        Assert.Null(quarter.Target);
        Assert.Empty(quarter.RolledUpFrom);
        Assert.Equal("no plan is set for 2026-Q4, and its months cannot be added up: no plan for 2026-11", quarter.MissingReason);
    }

    [Theory]
    [InlineData("grr", "grr is a ratio: monthly plans are not added up, and no plan is set for 2026-Q4")]
    [InlineData("win_rate", "win_rate is a ratio: monthly plans are not added up, and no plan is set for 2026-Q4")]
    [InlineData("operating_margin", "operating_margin is a ratio: monthly plans are not added up, and no plan is set for 2026-Q4")]
    [InlineData("expansion_revenue", "expansion_revenue compares a period with the one before: monthly plans are not added up, and no plan is set for 2026-Q4")]
    public void MonthlyPlansOfARatioOrAComparison_AreNeverSummed_AndTheQuarterIsReportedMissing(string metric, string reason)
    {
        var plans = Months(metric, ("2026-10", 0.9m), ("2026-11", 0.9m), ("2026-12", 0.9m));

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Around(At("2026-12-07"), Calendar));

        var quarter = Assert.Single(items, i => i.Period.Label == "2026-Q4");
        Assert.Null(quarter.Target);
        Assert.Equal(reason, quarter.MissingReason);
        Assert.Empty(quarter.RolledUpFrom);
        Assert.Equal(reason.Replace("2026-Q4", "2026", StringComparison.Ordinal), Assert.Single(items, i => i.Period.Label == "2026").MissingReason);
    }

    [Fact]
    public void AnExplicitQuarterPlan_IsKept_AndNothingIsRolledUpBesideIt()
    {
        var plans = Months("bookings", ("2026-10", 100_000), ("2026-11", 250_000), ("2026-12", 400_000)).Append(Plan("bookings", "2026-Q4", 800_000)).ToList();

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026-Q4")));

        var quarter = Assert.Single(items, i => i.Period.Label == "2026-Q4");
        Assert.Equal(800_000m, quarter.Target);
        Assert.Empty(quarter.RolledUpFrom);
    }

    [Fact]
    public void AKeyPlannedOnlyForTheYear_HasNoQuarterGap()
    {
        var plans = new[] { Plan("bookings", "2026", 5_000_000, "vertical=finance") };

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Around(At("2026-12-07"), Calendar));

        Assert.Equal("2026", Assert.Single(items).Period.Label);
    }

    [Fact]
    public void KeysRollUpSeparately_BySlice()
    {
        var plans = Months("bookings", ("2026-10", 1), ("2026-11", 2), ("2026-12", 3))
            .Concat(Months("bookings", ("2026-10", 10), ("2026-11", 20), ("2026-12", 30)).Select(p => p with { Slice = new Dictionary<string, string> { ["vertical"] = "retail" } }))
            .ToList();

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026-Q4")));

        Assert.Equal(6m, Assert.Single(items, i => i.Period.Grain == Grain.Quarter && i.Slice == "").Target);
        Assert.Equal(60m, Assert.Single(items, i => i.Period.Grain == Grain.Quarter && i.Slice == "vertical=retail").Target);
    }

    [Fact]
    public void FiscalYearsFromApril_RollUpTheirOwnMonths()
    {
        // With an April start, 2027-Q1 is April–June 2026.
        var april = new FiscalCalendar(4);
        var plans = Months("bookings", ("2026-04", 1_000), ("2026-05", 2_000), ("2026-06", 3_000), ("2027-01", 99_000));

        var items = PlanRollup.Items(plans, april, PlanScope.Within(april.Parse("2027-Q1")));

        var quarter = Assert.Single(items, i => i.Period.Grain == Grain.Quarter);
        Assert.Equal(6_000m, quarter.Target);
        Assert.Equal(["2026-04", "2026-05", "2026-06"], quarter.RolledUpFrom);
    }

    [Fact]
    public void AroundAnInstant_TheScopeIsTheMonthQuarterAndYearOfItsLastMoment()
    {
        // As of 2026-07-01T00:00Z (the end of June 30): June, Q2 and 2026 — not July.
        var plans = new[] { Plan("bookings", "2026-06", 1), Plan("bookings", "2026-07", 2), Plan("bookings", "2026-Q2", 3), Plan("bookings", "2026-Q3", 4), Plan("bookings", "2026", 5) };

        var items = PlanRollup.Items(plans, Calendar, PlanScope.Around(At("2026-07-01"), Calendar));

        Assert.Equal(["2026-06", "2026-Q2", "2026"], items.Select(i => i.Period.Label));
    }

    [Fact]
    public void OwnersOfARollUp_AreTheMonthsOwners()
    {
        var plans = Months("bookings", ("2026-10", 1), ("2026-11", 2), ("2026-12", 3)).Select((p, i) => i == 2 ? p with { Owner = "Rita" } : p).ToList();

        var quarter = Assert.Single(PlanRollup.Items(plans, Calendar, PlanScope.Within(Calendar.Parse("2026-Q4"))), i => i.Period.Grain == Grain.Quarter);

        Assert.Equal("President, Rita", quarter.Owner);
    }

    internal static PlanLine Plan(string metric, string period, decimal target, string slice = "", string owner = "President") =>
        PlanBookTests.Key(period, metric, slice).With(PlanBookTests.Terms(target, owner));

    private static List<PlanLine> Months(string metric, params (string Period, decimal Target)[] months) =>
        [.. months.Select(m => Plan(metric, m.Period, m.Target))];

    private static DateTimeOffset At(string day) => Instants.EndOfDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1));
}
