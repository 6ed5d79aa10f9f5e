using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

/// <summary>29 February 2024 is a day like any other: it counts in cycles, weeks, working days and as a period.</summary>
public sealed class LeapDayTests
{
    // Week 2024-W09 runs Monday 26 February to Sunday 3 March; the 29th is a Thursday. r2 starts on the 29th.
    // Deals: p won after 29 days, q won after 1.5 days across the 29th, s and t created on the 29th (its first and last second).
    private static Dataset Leap { get; } = Company(
        Won("p", 10, "2024-02-01", "2024-03-01"),
        Won("q", 10, "2024-02-28T18:00:00Z", "2024-03-01T06:00:00Z"),
        Deal("s", 10, "2024-02-29"),
        Deal("t", 10, "2024-02-29T23:59:59Z")) with
    {
        Reps = [Rep("r1"), Rep("r2", start: "2024-02-29")],
        ActivityDays =
        [
            Acts("r1", "2024-02-25", ActivityType.Call, 10), // Sunday of 2024-W08
            Acts("r1", "2024-02-28", ActivityType.Call, 2),
            Acts("r1", "2024-02-29", ActivityType.Call, 4),
            Acts("r2", "2024-02-29", ActivityType.Email, 3),
            Acts("r1", "2024-03-01", ActivityType.Call, 3),
            Acts("r1", "2024-03-04", ActivityType.Call, 10), // Monday of 2024-W10
        ],
    };

    [Theory]
    [InlineData("2024-02-28", "2024-03-01", 2)] // the 29th lies between
    [InlineData("2023-02-28", "2023-03-01", 1)] // no 29th in 2023
    [InlineData("2024-02-01", "2024-03-01", 29)]
    [InlineData("2023-02-01", "2023-03-01", 28)]
    [InlineData("2024-02-29T12:00:00Z", "2024-03-01", 0.5)]
    public void CycleDays_CountsFebruaryTwentyNinth(string created, string closed, double days)
    {
        var data = Company(Won("w", 10, created, closed));

        Near((decimal)days, Value(data, "cycle_days", closed[..7]));
    }

    [Fact]
    public void CycleDays_OfDealsClosedInMarch2024()
    {
        Near((29m + 1.5m) / 2, Value(Leap, "cycle_days", "2024-03")); // q: 18:00 on the 28th to 06:00 on 1 March
        Near(15.25m, Value(Leap, "cycle_days_median", "2024-03")); // two values: their mean
    }

    [Fact]
    public void Activities_WeekContainingTheLeapDay()
    {
        Assert.Equal(12m, Value(Leap, "activities", "2024-W09")); // 2 + 4 + 3 + 3; the 25th and 4 March are other weeks
        // r1 works Monday–Friday (5 days, the 29th among them); r2 Thursday the 29th and Friday (2 days)
        Near(12m / 7, Value(Leap, "activities_per_rep_day", "2024-W09"));
        var byRep = Run(Leap, "activities_per_rep_day", "2024-W09", by: [Dimension.Rep]);
        Near(9m / 5, Slice(byRep, "rep", "r1").Value);
        Near(3m / 2, Slice(byRep, "rep", "r2").Value);
    }

    [Fact]
    public void ActivitiesPerRepDay_LeapFebruaryHas21Weekdays()
    {
        // February 2024: Thursday 1st to Thursday 29th, 4 whole weeks and the 29th: 21 weekdays for r1, 1 for r2
        Assert.Equal(19m, Value(Leap, "activities", "2024-02")); // 10 + 2 + 4 + 3
        Near(19m / 22, Value(Leap, "activities_per_rep_day", "2024-02"));
    }

    [Fact]
    public void DayPeriod_TheLeapDayItself()
    {
        Assert.Equal(7m, Value(Leap, "activities", "2024-02-29")); // r1's 4 and r2's 3
        Near(7m / 2, Value(Leap, "activities_per_rep_day", "2024-02-29")); // both reps work that Thursday
        Assert.Equal("2024-02-29", One(Leap, "activities", "2024-02-29").Period);
    }

    [Theory]
    [InlineData("2024-02-28", 1)] // q
    [InlineData("2024-02-29", 2)] // s at 00:00:00 and t at 23:59:59
    [InlineData("2024-03-01", 0)]
    [InlineData("2024-02", 4)] // p, q, s, t
    [InlineData("2024-W09", 3)] // q, s, t; p was created in 2024-W05
    public void NewDeals_CreatedOnTheLeapDay(string period, int deals)
    {
        Assert.Equal(deals, Value(Leap, "new_deals", period));
    }
}
