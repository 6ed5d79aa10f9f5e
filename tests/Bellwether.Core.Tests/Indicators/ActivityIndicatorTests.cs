using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class ActivityIndicatorTests
{
    // January 2017 starts on a Sunday and has 22 weekdays. r2 starts on 16 January (12 weekdays), r3 leaves on 6 January (5).
    private static readonly Dataset Busy = new()
    {
        Reps = [Rep("r1", "east"), Rep("r2", "east", start: "2017-01-16"), Rep("r3", "west", end: "2017-01-06")],
        ActivityDays =
        [
            Acts("r1", "2017-01-02", ActivityType.Call, 3),
            Acts("r1", "2017-01-03", ActivityType.Email, 2),
            Acts("r2", "2017-01-16", ActivityType.Call, 5),
        ],
    };

    [Fact]
    public void Activities_CountsInPeriodBySlice()
    {
        Assert.Equal(10m, Value(Busy, "activities", "2017-01"));
        var byType = Run(Busy, "activities", "2017-01", by: [Dimension.ActivityType]);
        Assert.Equal(8m, Slice(byType, "activity_type", "call").Value);
        Assert.Equal(2m, Slice(byType, "activity_type", "email").Value);
        Assert.Equal(0m, Slice(byType, "activity_type", "demo").Value);
    }

    [Fact]
    public void ActivitiesPerRepDay_OverActiveWorkingDays()
    {
        Near(10m / (22 + 12 + 5), Value(Busy, "activities_per_rep_day", "2017-01"));
        var byRep = Run(Busy, "activities_per_rep_day", "2017-01", by: [Dimension.Rep]);
        Near(5m / 12, Slice(byRep, "rep", "r2").Value);
        Assert.Equal(0m, Slice(byRep, "rep", "r3").Value);
    }

    [Fact]
    public void ActivitiesPerRepDay_ByActivityType_DividesByAllTheSlicesReps()
    {
        var rows = Run(Busy, "activities_per_rep_day", "2017-01", by: [Dimension.ActivityType]);

        Near(8m / 39, Slice(rows, "activity_type", "call").Value);
    }

    [Fact]
    public void Activities_WeekGrain_SplitsAMonthIntoIsoWeeks()
    {
        var rows = Run(Busy, "activities", "2017-01", grain: Grain.Week);

        Assert.Equal(["2016-W52", "2017-W01", "2017-W02", "2017-W03", "2017-W04", "2017-W05"], rows.Select(r => r.Period));
        Assert.Equal([0m, 5m, 0m, 5m, 0m, 0m], rows.Select(r => r.Value!.Value));
    }

    [Fact]
    public void Activities_AsOfInsideADay_LeavesThatDayOut()
    {
        Assert.Equal(3m, One(Busy, "activities", "2017-01", At("2017-01-03T12:00:00Z")).Value);
        Assert.Equal(5m, One(Busy, "activities", "2017-01", At("2017-01-04")).Value);
    }

    [Fact]
    public void Activities_WithoutActivities_IsMissing()
    {
        Assert.Equal("no activities.csv", One(Company(), "activities", "2017-01").MissingReason);
    }

    // Week 2017-W03 is 16–22 January (5 weekdays). Standards: AEs 1 call a day; r2's own: 10 calls a week.
    private static readonly Dataset Standards = new()
    {
        Reps = [Rep("r1", start: "2016-01-01"), Rep("r2", start: "2017-01-16"), Rep("r3"), Rep("r4", role: RepRole.Sdr)],
        Standards =
        [
            new ActivityStandard { Role = "ae", Type = ActivityType.Call, Per = StandardPer.Day, Minimum = 1 },
            new ActivityStandard { Role = "r2", Type = ActivityType.Call, Per = StandardPer.Week, Minimum = 10 },
        ],
        ActivityDays =
        [
            Acts("r1", "2017-01-02", ActivityType.Call, 30), // in the 3 weeks before
            Acts("r1", "2017-01-16", ActivityType.Call, 3),
            Acts("r2", "2017-01-17", ActivityType.Call, 8),
            Acts("r3", "2017-01-18", ActivityType.Call, 5),
            Acts("r4", "2017-01-18", ActivityType.Call, 1),
        ],
    };

    [Fact]
    public void ActivityStandardMet_ShareOfRepsAndShortfallsRanked()
    {
        var row = One(Standards, "activity_standard_met", "2017-W03");

        Near(1m / 3, row.Value); // r3 meets (5 / 5 days = 1); r1 (0.6 a day) and r2 (8 a week) do not; r4 has no standard
        var detail = Assert.IsType<ActivityStandardDetail>(row.Detail);
        Assert.Equal(["r1", "r2"], detail.BelowStandard.Select(r => r.RepId)); // shortfall 0.4 of 1 before 2 of 10
        var r1 = detail.BelowStandard[0];
        Assert.Equal(0.6m, r1.Actual);
        Assert.Equal(0.4m, r1.Shortfall);
        Assert.Equal(2m, r1.TrailingAverage); // 30 calls over the 15 weekdays of 2016-W52 to 2017-W02
        var r2 = detail.BelowStandard[1];
        Assert.Equal("week", r2.Per);
        Assert.Equal(8m, r2.Actual); // 8 calls / 5 days × 5
        Assert.Null(r2.TrailingAverage); // not yet started then
    }

    [Fact]
    public void ActivityStandardMet_ByRep_OneRowPerRep()
    {
        var rows = Run(Standards, "activity_standard_met", "2017-W03", by: [Dimension.Rep]);

        Assert.Equal(1m, Slice(rows, "rep", "r3").Value);
        Assert.Equal(0m, Slice(rows, "rep", "r1").Value);
        Assert.Equal("no rep of the slice has an activity standard and a working day in 2017-W03", Slice(rows, "rep", "r4").MissingReason);
    }
}
