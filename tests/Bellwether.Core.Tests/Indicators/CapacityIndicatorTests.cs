using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class CapacityIndicatorTests
{
    // Ramp 3 months: r1 ramped since 2016-04-01, r2 from 2017-04-01, r3 (no start date) always.
    // Trailing 2 fiscal quarters before 1 July 2017 = January–June 2017: ramped rep-months 6 + 3 + 6 = 15.
    private static readonly Dataset Ramping = Company(
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

    // One ramped rep. Trailing 4 quarters before 1 May 2017: w1 won, l1 lost → win rate 1/2.
    private static readonly Dataset Burning = Company(
        Won("w1", 100, "2017-01-01", "2017-01-11"),
        Lost("l1", 300, "2017-01-05", "2017-02-05"),
        Won("w2", 200, "2017-04-01", "2017-04-10"),
        Deal("o1", 400, "2017-03-01", expected: "2017-08-01"),
        Deal("o2", 700, "2017-03-01", expected: "2017-06-01")) with
    {
        Reps = [Rep("r1")],
    };

    private static readonly DateTimeOffset May = At("2017-05-01");

    // Months from 1 May to 1 July (61 days), and the outflow of February–April (l1 300 + w2 200) per month.
    private const double MonthsLeft = 61 / (365.2425 / 12);
    private const double MonthlyOutflow = 500.0 / 3;

    [Fact]
    public void NewPipelineNeeded_NextPeriodsGapSpreadOverMonthsLeftPlusOutflow()
    {
        // Q3 target 1000, nothing booked: required 1000 / 0.5 = 2000; o1 (400) can close in Q3, o2 is due in Q2.
        var row = One(Burning, "new_pipeline_needed", "2017-Q2", May, target: 1000);

        Near((decimal)(((2000 - 400) / MonthsLeft) + MonthlyOutflow), row.Value, 0.001m);
        Assert.Equal("2017-Q3", Assert.IsType<TargetDetail>(row.Detail).TargetPeriod);
    }

    [Fact]
    public void HiringSignal_RepsToAddAndLatestStartDate()
    {
        var row = One(Burning, "hiring_signal", "2017-Q2", May, target: 1000);

        // Needed before 1 July: (1600 / months left + outflow) × months left. Current capacity: pipeline per ramped rep
        // over 2016-Q4–2017-Q1 = (100 + 300 + 400 + 700) / 6 = 250 a month, × 2 rep-months (May, June) = 500.
        var needed = 1600 + (MonthlyOutflow * MonthsLeft);
        var shortfall = needed - 500;
        var perHire = 250 * HireMonths(Day("2017-05-01"), Day("2017-10-01"));
        var reps = (int)Math.Ceiling(shortfall / perHire);
        var latest = Day("2017-05-01");
        while (reps * 250 * HireMonths(latest.AddDays(1), Day("2017-10-01")) >= shortfall)
        {
            latest = latest.AddDays(1);
        }

        Assert.Equal(2, reps);
        Assert.Equal(reps, row.Value);
        var detail = Assert.IsType<HiringDetail>(row.Detail);
        Assert.Equal(latest, detail.StartBy);
        Near((decimal)shortfall, detail.Shortfall, 0.01m);
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

    /// <summary>Ramp-weighted months of a hire starting on a day (3-month linear ramp), counted day by day.</summary>
    private static double HireMonths(DateOnly start, DateOnly end)
    {
        var rampDays = start.AddMonths(3).DayNumber - start.DayNumber;
        var total = 0.0;
        for (var d = start; d < end; d = d.AddDays(1))
        {
            total += Math.Min(1.0, (d.DayNumber - start.DayNumber) / (double)rampDays) / DateTime.DaysInMonth(d.Year, d.Month);
        }

        return total;
    }
}
