using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

/// <summary>A period broken into rows of a finer grain.</summary>
public sealed class GrainTests
{
    // February 2024 runs Thursday 1st to Thursday 29th; its ISO weeks are 2024-W05 (29 January – 4 February) to
    // 2024-W09 (26 February – 3 March). r1 is active throughout.
    private static Dataset February { get; } = Company(
        Won("w1", 100, "2024-01-15", "2024-02-27T10:00:00Z"),
        Won("w2", 40, "2024-01-15", "2024-03-02T09:00:00Z")) with
    {
        Reps = [Rep("r1")],
        ActivityDays =
        [
            Acts("r1", "2024-01-30", ActivityType.Call, 5), // 2024-W05, but January
            Acts("r1", "2024-02-01", ActivityType.Call, 1),
            Acts("r1", "2024-02-14", ActivityType.Call, 4),
            Acts("r1", "2024-02-29", ActivityType.Call, 7),
            Acts("r1", "2024-03-01", ActivityType.Call, 3), // 2024-W09, but March
        ],
    };

    [Fact]
    public void DayGrain_AWeekGivesItsSevenDays()
    {
        var rows = Run(February, "activities", "2024-W09", grain: Grain.Day);

        Assert.Equal(["2024-02-26", "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02", "2024-03-03"], rows.Select(r => r.Period));
        Assert.Equal([0m, 0m, 0m, 7m, 3m, 0m, 0m], rows.Select(r => r.Value!.Value));
        var bookings = Run(February, "bookings", "2024-W09", grain: Grain.Day);
        Assert.Equal([0m, 100m, 0m, 0m, 0m, 40m, 0m], bookings.Select(r => r.Value!.Value)); // w1 on Tuesday, w2 on Saturday
    }

    [Fact]
    public void DayGrain_PerRepDayOnAWeekendDay_IsMissingNotZero()
    {
        var rows = Run(February, "activities_per_rep_day", "2024-W09", grain: Grain.Day);

        Assert.Equal([0m, 0m, 0m, 7m, 3m], rows.Take(5).Select(r => r.Value!.Value)); // one rep, one working day each
        Assert.All(rows.Skip(5), r => Assert.Null(r.Value)); // Saturday and Sunday: no working day to divide by
        Assert.All(rows.Skip(5), r => Assert.NotNull(r.MissingReason));
    }

    [Fact]
    public void DayGrain_LeapFebruaryHas29Rows()
    {
        var rows = Run(February, "activities", "2024-02", grain: Grain.Day);

        Assert.Equal(29, rows.Count);
        Assert.Equal("2024-02-29", rows[^1].Period);
        Assert.Equal(12m, rows.Sum(r => r.Value!.Value)); // 1 + 4 + 7: the days of the month partition it
    }

    /// <summary>
    /// Weeks do not nest in months. The spec says a grain "breaks P into sub-periods"; the engine instead gives every ISO
    /// week that overlaps the month, whole (see FiscalCalendar.Split): a row labelled 2024-W05 is the figure for all of
    /// 2024-W05, as its label says, so the rows of weeks that straddle the month's ends count days outside it, and the
    /// rows add up to more than the month.
    /// </summary>
    [Fact]
    public void WeekGrain_AMonthGivesTheWeeksOverlappingIt_Whole()
    {
        var rows = Run(February, "activities", "2024-02", grain: Grain.Week);

        Assert.Equal(["2024-W05", "2024-W06", "2024-W07", "2024-W08", "2024-W09"], rows.Select(r => r.Period));
        Assert.Equal([6m, 0m, 4m, 0m, 10m], rows.Select(r => r.Value!.Value)); // W05: 5 (30 January) + 1; W09: 7 + 3 (1 March)
        Assert.Equal(12m, Value(February, "activities", "2024-02")); // the month alone: 1 + 4 + 7
        var bookings = Run(February, "bookings", "2024-02", grain: Grain.Week);
        Assert.Equal(140m, bookings[^1].Value); // w1 (27 February) and w2 (2 March): 2024-W09 whole
        Assert.Equal(100m, Value(February, "bookings", "2024-02"));
    }
}
