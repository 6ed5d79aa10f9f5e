using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class DealIndicatorTests
{
    // Q1 2017: won 100 (cycle 10 days) and 300 (cycle 30 days), lost 200; Q2: won 50.
    private static Dataset Deals { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-01-11"),
        Won("w2", 300, "2017-02-01", "2017-03-03", rep: "r3", account: "a2"),
        Lost("l1", 200, "2017-01-05", "2017-02-05"),
        Won("w3", 50, "2017-03-20", "2017-04-02"));

    [Theory]
    [InlineData("bookings", 400)] // 100 + 300
    [InlineData("won_deals", 2)]
    [InlineData("lost_deals", 1)]
    [InlineData("pipeline_outflow", 600)] // 100 + 300 + 200
    [InlineData("avg_deal_size", 200)] // 400 / 2
    [InlineData("cycle_days", 20)] // (10 + 30) / 2
    [InlineData("cycle_days_median", 20)] // median of 10 and 30
    [InlineData("new_deals", 4)] // w1, w2, l1, w3 created in Q1
    [InlineData("new_pipeline", 650)] // 100 + 300 + 200 + 50
    [InlineData("net_pipeline_change", 50)] // 650 − 600
    [InlineData("new_logos", 2)] // a1 (w1) and a2 (w2) first won in Q1
    public void ClosedAndCreatedInQuarter(string indicator, double expected)
    {
        Near((decimal)expected, Value(Deals, indicator, "2017-Q1"));
    }

    // Q1 2017 won cycles: r1 2, 4.75 and 20 days (odd count); r3 1, 3, 9 and 27 days (even count). Left out: r1's win
    // closed in April (35 days) and r3's loss (88 days), which would move either median if counted.
    private static Dataset Cycles { get; } = Company(
        Won("a", 10, "2017-01-01", "2017-01-03"),
        Won("b", 10, "2017-01-10T06:00:00Z", "2017-01-15"),
        Won("c", 10, "2017-02-01", "2017-02-21"),
        Won("d", 10, "2017-03-01", "2017-04-05"),
        Won("e", 10, "2017-01-01", "2017-01-02", rep: "r3"),
        Won("f", 10, "2017-01-01", "2017-01-04", rep: "r3"),
        Won("g", 10, "2017-02-01", "2017-02-10", rep: "r3"),
        Won("h", 10, "2017-02-01", "2017-02-28", rep: "r3"),
        Lost("i", 10, "2017-01-01", "2017-03-30", rep: "r3"));

    [Fact]
    public void CycleDaysMedian_BySlice_OddCountIsTheMiddleEvenCountTheMeanOfTheTwoMiddle()
    {
        var median = Run(Cycles, "cycle_days_median", "2017-Q1", by: [Dimension.Rep]);
        var mean = Run(Cycles, "cycle_days", "2017-Q1", by: [Dimension.Rep]);

        Near(4.75m, Slice(median, "rep", "r1").Value); // 2, 4.75, 20: the middle one (18 h short of 5 days)
        Near(26.75m / 3, Slice(mean, "rep", "r1").Value); // (2 + 4.75 + 20) / 3: the mean is not the median
        Near(6m, Slice(median, "rep", "r3").Value); // 1, 3, 9, 27: (3 + 9) / 2
        Near(10m, Slice(mean, "rep", "r3").Value); // (1 + 3 + 9 + 27) / 4
        Near(4.75m, Value(Cycles, "cycle_days_median", "2017-Q1")); // all seven: 1, 2, 3, 4.75, 9, 20, 27
    }

    [Fact]
    public void WinRate_CountsWonOverDecided()
    {
        Near(2m / 3, Value(Deals, "win_rate", "2017-Q1"));
        Near(400m / 600, Value(Deals, "win_rate_by_value", "2017-Q1"));
    }

    [Fact]
    public void WinRate_IgnoresDealsClosedOutsidePeriod()
    {
        Assert.Equal(1m, Value(Deals, "win_rate", "2017-Q2")); // only w3, won
    }

    [Fact]
    public void WinRate_SliceWithNoClosedDeals_IsMissingWithReason()
    {
        var rows = Run(Deals, "win_rate", "2017-Q2", by: [Dimension.Vertical]);

        var finance = Slice(rows, "vertical", "finance");
        Assert.Null(finance.Value);
        Assert.Equal("no closed deals in 2017-Q2", finance.MissingReason);
        Assert.Equal(1m, Slice(rows, "vertical", "retail").Value);
    }

    [Fact]
    public void AvgDealSize_WithoutWonDeals_IsMissingNotZero()
    {
        var data = Company(Lost("l1", 200, "2017-01-05", "2017-02-05"));

        var row = One(data, "avg_deal_size", "2017-Q1");

        Assert.Null(row.Value);
        Assert.Equal("no won deals in 2017-Q1", row.MissingReason);
    }

    [Theory]
    [InlineData("2017-03-31T23:59:59Z", "2017-Q1")] // the last second of the quarter
    [InlineData("2017-03-31", "2017-Q1")] // a bare date is the start of that day
    [InlineData("2017-04-01T00:00:00Z", "2017-Q2")] // midnight belongs to the next day
    public void Bookings_DealClosingAtQuarterEnd_CountsInQuarterOfItsInstant(string closed, string quarter)
    {
        var data = Company(Won("w", 10, "2017-01-01", closed));

        Assert.Equal(10m, Value(data, "bookings", quarter));
    }

    [Fact]
    public void Bookings_LeapDay_IsInFebruaryAndItsDay()
    {
        var data = Company(Won("w", 10, "2024-01-01", "2024-02-29T12:00:00Z"));

        Assert.Equal(10m, Value(data, "bookings", "2024-02"));
        Assert.Equal(10m, Value(data, "bookings", "2024-02-29"));
        Assert.Equal(0m, Value(data, "bookings", "2024-03-01"));
    }

    [Fact]
    public void Bookings_AprilFiscalYear_QuartersStartInApril()
    {
        var data = Company(Won("w1", 10, "2025-01-01", "2025-03-31"), Won("w2", 20, "2025-01-01", "2025-04-01")) with
        {
            Settings = new CompanySettings { Calendar = new FiscalCalendar(4) },
        };

        Assert.Equal(10m, Value(data, "bookings", "2025-Q4")); // January–March 2025
        Assert.Equal(20m, Value(data, "bookings", "2026-Q1")); // April–June 2025
        Assert.Equal(20m, Value(data, "bookings", "2026")); // April 2025 – March 2026
    }

    [Fact]
    public void Bookings_AsOf_CountsOnlyDealsClosedStrictlyBefore()
    {
        var data = Company(Won("w1", 10, "2017-01-01", "2017-02-01"), Won("w2", 20, "2017-01-01", "2017-02-15"));

        var row = One(data, "bookings", "2017-Q1", At("2017-02-15"));

        Assert.Equal(10m, row.Value); // w2 closed exactly at t: not before it
        Assert.True(row.Provisional);
        Assert.Equal("2017-Q1 is not over as of 2017-02-15T00:00:00Z", row.ProvisionalReason);
    }

    [Fact]
    public void Bookings_PeriodNotBegunAsOf_IsMissing()
    {
        var row = One(Deals, "bookings", "2017-Q3", At("2017-06-01"));

        Assert.Null(row.Value);
        Assert.Equal("2017-Q3 has not begun as of 2017-06-01T00:00:00Z", row.MissingReason);
    }

    [Fact]
    public void Bookings_QuarterAtMonthGrain_GivesThreeRows()
    {
        var rows = Run(Deals, "bookings", "2017-Q1", grain: Grain.Month);

        Assert.Equal(["2017-01", "2017-02", "2017-03"], rows.Select(r => r.Period));
        Assert.Equal([100m, 0m, 300m], rows.Select(r => r.Value!.Value)); // w1 in January, w2 on 3 March
    }

    [Fact]
    public void Bookings_ByTwoDimensions_GivesEachCombinationThatOccurs()
    {
        var rows = Run(Deals, "bookings", "2017-Q1", by: [Dimension.Team, Dimension.Vertical]);

        Assert.Equal(2, rows.Count); // east × retail (w1, l1, w3) and west × finance (w2)
        var east = Assert.Single(rows, r => r.Slice["team"] == "east");
        Assert.Equal("retail", east.Slice["vertical"]);
        Assert.Equal(100m, east.Value);
        Assert.Equal(300m, Assert.Single(rows, r => r.Slice["team"] == "west").Value);
    }

    [Fact]
    public void Bookings_Filter_RestrictsAndAppearsInSlice()
    {
        var rows = Run(Deals, "bookings", "2017-Q1", by: [Dimension.Rep], filter: new() { [Dimension.Vertical] = "retail" });

        var row = Assert.Single(rows); // only r1 has retail deals
        Assert.Equal(new Dictionary<string, string> { ["rep"] = "r1", ["vertical"] = "retail" }, row.Slice);
        Assert.Equal(100m, row.Value);
    }

    [Fact]
    public void Bookings_SlicedByActivityType_SaysDealsCannotBe()
    {
        var row = Assert.Single(Run(Deals, "bookings", "2017-Q1", by: [Dimension.ActivityType]));

        Assert.Equal("deals cannot be sliced by activity_type", row.MissingReason);
    }

    [Fact]
    public void NewPipeline_UsesFirstRecordedAmount()
    {
        var data = Company(Deal("o1", 500, "2017-01-10")) with { History = [Change("o1", "2017-01-10", "Qualify", 80), Change("o1", "2017-02-01", "Proposal", 500)] };

        Assert.Equal(80m, Value(data, "new_pipeline", "2017-Q1"));
    }

    [Fact]
    public void ExpansionBookings_CountsOnlyExpansionType()
    {
        var data = Company(Won("w1", 100, "2017-01-01", "2017-01-11"), Won("w2", 40, "2017-01-01", "2017-01-12", type: OpportunityType.Expansion));

        Assert.Equal(40m, Value(data, "expansion_bookings", "2017-Q1"));
    }

    [Fact]
    public void NewLogos_OnlyTheAccountsFirstWin()
    {
        var data = Company(Won("w1", 100, "2016-12-01", "2016-12-20"), Won("w2", 40, "2017-01-01", "2017-01-12"), Won("w3", 40, "2017-01-01", "2017-01-12", account: "a2"));

        Assert.Equal(1m, Value(data, "new_logos", "2017-Q1")); // a1's first win was in 2016
    }

    [Fact]
    public void UnknownIndicator_IsARowWithReason()
    {
        var row = One(Deals, "win_ratio", "2017-Q1");

        Assert.Equal("no indicator named \"win_ratio\"", row.MissingReason);
    }
}
