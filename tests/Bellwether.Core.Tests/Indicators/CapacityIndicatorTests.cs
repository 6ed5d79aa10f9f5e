using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class CapacityIndicatorTests
{
    // Ramp 3 months: r1 ramped since 2016-04-01, r2 from 2017-04-01, r3 (no start date) always.
    // Trailing 2 fiscal quarters before 1 July 2017 = January–June 2017: ramped rep-months 6 + 3 + 6 = 15.
    private static Dataset Ramping { get; } = Company(
        Deal("p1", 600, "2017-02-01", rep: "r1"),
        Deal("p2", 300, "2017-02-10", rep: "r2"), // r2 not yet ramped
        Deal("p3", 90, "2017-05-01", rep: "r2"),
        Won("b1", 150, "2016-12-01", "2017-03-01", rep: "r1"),
        Won("b2", 1000, "2017-01-01", "2017-03-15", rep: "r2"), // r2 not yet ramped
        Won("b3", 300, "2017-02-01", "2017-06-01", rep: "r2")) with
    {
        Reps = [Rep("r1", "east", start: "2016-01-01"), Rep("r2", "east", start: "2017-01-01"), Rep("r3", "west")],
    };

    [Fact]
    public void PipelinePerRampedRep_CreatedByRampedRepsOverTheirRepMonths()
    {
        // p1 (600) and p3 (90) were created by ramped reps; b1 (created 2016-12) and b2 are outside or unramped,
        // b3 (300) was created 2017-02-01 by r2 before ramp.
        Assert.Equal((600m + 90m) / 15, Value(Ramping, "pipeline_per_ramped_rep", "2017-Q2"));
    }

    [Fact]
    public void BookingsPerRampedRep_BookedByRampedRepsOverTheirRepMonths()
    {
        Assert.Equal((150m + 300m) / 15, Value(Ramping, "bookings_per_ramped_rep", "2017-Q2"));
    }

    [Fact]
    public void PipelinePerRampedRep_ProratesRepMonthsByActiveDays()
    {
        var data = Ramping with { Reps = [Rep("r1", "east", start: "2016-01-01", end: "2017-06-15"), Rep("r2", "east", start: "2017-01-01"), Rep("r3", "west")] };

        // r1 active to 15 June inclusive: 5 months + 15/30 of June.
        Near((600m + 90m) / (5.5m + 3 + 6), Value(data, "pipeline_per_ramped_rep", "2017-Q2"), 0.0001m);
    }

    // One rep, ramped since forever. Trailing 4 quarters before 1 May 2017 (2016-Q2..2017-Q1): w1 won (a 10-day cycle),
    // l1 lost → win rate 1/2, mean won cycle 10 days. Trailing 2 quarters (2016-Q4..2017-Q1): w1, l1, o1, o2 created,
    // 1500 → pipeline per ramped rep 1500 / 6 = 250 a month.
    private static Dataset Burning { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-01-11"),
        Lost("l1", 300, "2017-01-05", "2017-02-05"),
        Won("w2", 200, "2017-04-01", "2017-04-10"),
        Deal("o1", 400, "2017-03-01", expected: "2017-08-01"),
        Deal("o2", 700, "2017-03-01", expected: "2017-06-01")) with
    {
        Reps = [Rep("r1")],
    };

    private static DateTimeOffset May { get; } = At("2017-05-01");

    // Q3 runs 1 July to 1 October; on a 10-day cycle pipeline created from 21 June to 20 September closes in it:
    // 10/30 of June + July + August + 20/30 of September = 3 calendar months.
    private const decimal WindowMonths = 3m;

    [Fact]
    public void NewPipelineNeeded_TheGapSpreadOverTheDaysWhosePipelineClosesInTheNextPeriod()
    {
        // Q3 target 1000, nothing booked: required 1000 / 0.5 = 2000; o1 (400) can close in Q3, o2 is due in Q2.
        var row = One(Burning, "new_pipeline_needed", "2017-Q2", May, target: 1000);

        Near((2000m - 400m) / WindowMonths, row.Value, 0.0001m);
        var detail = Assert.IsType<TargetDetail>(row.Detail);
        Assert.Equal("2017-Q3", detail.TargetPeriod);
        Assert.Equal(Day("2017-06-21"), detail.WindowStart);
        Assert.Equal(Day("2017-09-21"), detail.WindowEnd);
        Near(10m, detail.CycleDays);
    }

    [Fact]
    public void HiringSignal_RepsToAddAndLatestStartDate()
    {
        var row = One(Burning, "hiring_signal", "2017-Q2", May, target: 1000);

        // Needed: 1600. r1 creates 250 a month over the 3 months of the window: 750. Shortfall 850. A hire starting on
        // 1 May ramps until 1 August; over the window that is worth 2.69 months, 673 of pipeline: 2 hires.
        var shortfall = 1600 - 750.0;
        var reps = (int)Math.Ceiling(shortfall / (250 * HireMonths(Day("2017-05-01"))));
        var latest = Day("2017-05-01");
        while (reps * 250 * HireMonths(latest.AddDays(1)) >= shortfall)
        {
            latest = latest.AddDays(1);
        }

        Assert.Equal(2, reps);
        Assert.Equal(reps, row.Value);
        var detail = Assert.IsType<HiringDetail>(row.Detail);
        Assert.Equal(latest, detail.StartBy);
        Assert.Equal("ae", detail.HireRole);
        Near(1600m, detail.Needed, 0.01m);
        Near(750m, detail.CurrentCapacity, 0.01m);
        Near((decimal)shortfall, detail.Shortfall, 0.01m);
    }

    // The same company, plus a large deal lost in April (created long before): the trailing 3 months' outflow jumps by
    // 100,000 (33,333 a month) while the win rate, the cycle and the pipeline per rep stay as they were.
    private static Dataset BigOutflow { get; } = Burning with
    {
        Opportunities = [.. Burning.Opportunities, Lost("big", 100_000, "2016-01-15", "2017-04-15")],
    };

    [Fact]
    public void HiringSignal_AMonthOfOutflowIsNotANeed()
    {
        var before = Assert.IsType<HiringDetail>(One(Burning, "hiring_signal", "2017-Q2", May, target: 1000).Detail);
        var row = One(BigOutflow, "hiring_signal", "2017-Q2", May, target: 1000);

        // The spec's letter added a month's outflow to the need: 1600 + 33,333 × 3 would have asked for dozens of hires.
        Assert.Equal(2m, row.Value);
        Assert.Equal(before.Needed, Assert.IsType<HiringDetail>(row.Detail).Needed);
    }

    [Fact]
    public void NewPipelineNeeded_PipelineInHandCoversTheTarget_IsZeroWhateverTheOutflow()
    {
        // Q3 target 200: required 400, and o1 (400) is due in Q3. The outflow (33,700 a month) is not a need.
        var row = One(BigOutflow, "new_pipeline_needed", "2017-Q2", May, target: 200);

        Assert.Equal(0m, row.Value);
        Near((300m + 200m + 100_000m) / 3, Assert.IsType<TargetDetail>(row.Detail).MonthlyOutflow, 0.0001m);
        Assert.Equal(0m, One(BigOutflow, "hiring_signal", "2017-Q2", May, target: 200).Value);
    }

    [Fact]
    public void HiringSignal_NoCapacityAndNoPipeline_AsksForNoMoreThanTheRequiredPipelineNeeds()
    {
        // r1 left on 30 April, and o1 now expects to close in Q4: the whole required pipeline (2000) must come from
        // hires. That is the most the plan could ever need: ceil(2000 / (250 × 2.69)) = 3 reps.
        var data = Burning with
        {
            Reps = [Rep("r1", end: "2017-04-30")],
            Opportunities = [.. Burning.Opportunities.Select(o => o.OpportunityId == "o1" ? Deal("o1", 400, "2017-03-01", expected: "2017-11-01") : o)],
        };

        var row = One(data, "hiring_signal", "2017-Q2", May, target: 1000);

        var most = (int)Math.Ceiling(2000 / (250 * HireMonths(Day("2017-05-01"))));
        Assert.Equal(3, most);
        Assert.Equal(most, row.Value);
        Assert.Equal(0m, Assert.IsType<HiringDetail>(row.Detail).CurrentCapacity);
    }

    [Fact]
    public void HiringSignal_EnoughCapacity_IsZeroHires()
    {
        var row = One(Burning, "hiring_signal", "2017-Q2", May, target: 100);

        Assert.Equal(0m, row.Value);
        Assert.Null(Assert.IsType<HiringDetail>(row.Detail).StartBy);
    }

    [Fact]
    public void NewPipelineNeeded_NextPeriodBegun_IsMissing()
    {
        Assert.Equal("2017-Q3 has begun as of 2017-07-01T00:00:00Z", One(Burning, "new_pipeline_needed", "2017-Q2", At("2017-07-01"), target: 1).MissingReason);
    }

    [Fact]
    public void NewPipelineNeeded_CycleLongerThanWhatIsLeft_IsTooLate()
    {
        // A 200-day cycle: pipeline created from 1 May closes after Q3 ends (1 October − 200 days is 15 March).
        var data = Burning with { Opportunities = [.. Burning.Opportunities.Select(o => o.OpportunityId == "w1" ? Won("w1", 100, "2016-06-25", "2017-01-11") : o)] };

        var row = One(data, "new_pipeline_needed", "2017-Q2", May, target: 1000);

        Assert.Null(row.Value);
        Assert.StartsWith("too late for 2017-Q3: pipeline created from 2017-05-01 closes after 2017-Q3 ends", row.MissingReason, StringComparison.Ordinal);
    }

    // Selling roles: the AE sells new business only; the AM three expansions and one new-business deal; the SDR and the
    // manager own no deals. Everyone is ramped and active all of 2017-H1. Role shares of new business: AE 4/4, AM 1/4,
    // SDR and manager 0.
    private static Dataset Roles { get; } = Company(
        Deal("n1", 100, "2017-01-10", rep: "ae"),
        Deal("n2", 200, "2017-02-10", rep: "ae"),
        Deal("n3", 300, "2017-04-10", rep: "ae"),
        Deal("n4", 400, "2017-05-10", rep: "ae"),
        Deal("x1", 1000, "2017-01-10", rep: "am", type: Pipeline.OpportunityType.Expansion),
        Deal("x2", 2000, "2017-02-10", rep: "am", type: Pipeline.OpportunityType.Expansion),
        Deal("x3", 3000, "2017-03-10", rep: "am", type: Pipeline.OpportunityType.Expansion),
        Deal("n5", 500, "2017-04-10", rep: "am")) with
    {
        Reps =
        [
            Rep("ae"), Rep("am", role: Reps.RepRole.Am), Rep("sdr", role: Reps.RepRole.Sdr), Rep("boss", role: Reps.RepRole.Manager),
        ],
    };

    [Fact]
    public void PipelinePerRampedRep_ADealOnlySlice_CountsTheRepMonthsOfTheRolesThatSellIt()
    {
        var rows = Run(Roles, "pipeline_per_ramped_rep", "2017-Q2", filter: new() { [Slicing.Dimension.Type] = "new_business" });

        // New-business pipeline 100 + 200 + 300 + 400 + 500 = 1500, over 6 AE months + 6 × 1/4 AM months = 7.5.
        var row = Assert.Single(rows);
        Assert.Equal(1500m / 7.5m, row.Value);
        Assert.Equal(0.25m, Assert.IsType<RampedRepDetail>(row.Detail).RoleShares["am"]);
    }

    [Fact]
    public void PipelinePerRampedRep_Unsliced_LeavesOutRolesThatOwnNoDeals()
    {
        // 7500 over the AE's and the AM's 6 months each; the SDR and the manager sell nothing themselves.
        Assert.Equal(7500m / 12, Value(Roles, "pipeline_per_ramped_rep", "2017-Q2"));
    }

    [Fact]
    public void CapacityIndicators_ByADealOnlyDimension_StillCannotBeSliced()
    {
        var row = Run(Roles, "hiring_signal", "2017-Q2", by: [Slicing.Dimension.Type])[0];

        Assert.Equal("reps cannot be sliced by type", row.MissingReason);
    }

    /// <summary>
    /// Ramp-weighted months a hire starting on a day adds inside Q3's window [21 June, 21 September), on a 3-month
    /// linear ramp, counted day by day.
    /// </summary>
    private static double HireMonths(DateOnly start)
    {
        var rampDays = start.AddMonths(3).DayNumber - start.DayNumber;
        var total = 0.0;
        for (var d = Day("2017-06-21") > start ? Day("2017-06-21") : start; d < Day("2017-09-21"); d = d.AddDays(1))
        {
            total += Math.Min(1.0, (d.DayNumber - start.DayNumber) / (double)rampDays) / DateTime.DaysInMonth(d.Year, d.Month);
        }

        return total;
    }
}
