using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Time;

public sealed class FiscalCalendarTests
{
    private static readonly FiscalCalendar January = FiscalCalendar.Default;
    private static readonly FiscalCalendar April = new(4);

    [Theory]
    [InlineData("2025-03-31", "2025-03-31", "2025-04-01")]
    [InlineData("2024-02-29", "2024-02-29", "2024-03-01")]
    [InlineData("2025-W14", "2025-03-31", "2025-04-07")]
    [InlineData("2020-W53", "2020-12-28", "2021-01-04")]
    [InlineData("2025-W01", "2024-12-30", "2025-01-06")]
    [InlineData("2025-03", "2025-03-01", "2025-04-01")]
    [InlineData("2024-02", "2024-02-01", "2024-03-01")]
    [InlineData("2025-Q1", "2025-01-01", "2025-04-01")]
    [InlineData("2025-Q4", "2025-10-01", "2026-01-01")]
    [InlineData("2025", "2025-01-01", "2026-01-01")]
    public void Parse_CalendarYear_GivesSpan(string label, string start, string end)
    {
        var period = January.Parse(label);

        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("2026", "2025-04-01", "2026-04-01")]
    [InlineData("2026-Q1", "2025-04-01", "2025-07-01")]
    [InlineData("2026-Q4", "2026-01-01", "2026-04-01")]
    [InlineData("2025-03", "2025-03-01", "2025-04-01")]
    public void Parse_AprilStart_NamesYearByTheYearItEnds(string label, string start, string end)
    {
        var period = April.Parse(label);

        Assert.Equal(DateOnly.Parse(start), period.Start);
        Assert.Equal(DateOnly.Parse(end), period.End);
    }

    [Theory]
    [InlineData("2025-03-31", "2025-Q4")]
    [InlineData("2025-04-01", "2026-Q1")]
    [InlineData("2025-12-31", "2026-Q3")]
    [InlineData("2026-01-01", "2026-Q4")]
    public void Containing_AprilStart_FindsFiscalQuarter(string day, string quarter)
    {
        Assert.Equal(quarter, April.Containing(DateOnly.Parse(day), Grain.Quarter).Label);
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-Q5")]
    [InlineData("2025-W54")]
    [InlineData("2021-W53")]
    [InlineData("2025-02-29")]
    [InlineData("25-Q1")]
    [InlineData("Q1-2025")]
    [InlineData("")]
    public void TryParse_RejectsWhatIsNotAPeriod(string label)
    {
        Assert.False(January.TryParse(label, out _, out var reason));
        Assert.StartsWith("is not a period", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_YearIntoQuarters_GivesFourConsecutive()
    {
        var quarters = April.Split(April.Parse("2026"), Grain.Quarter);

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], quarters.Select(q => q.Label));
    }

    [Fact]
    public void Split_MonthIntoWeeks_IncludesWeeksStraddlingItsEnds()
    {
        var weeks = January.Split(January.Parse("2025-03"), Grain.Week);

        Assert.Equal("2025-W09", weeks[0].Label); // Monday 24 February holds 1 March
        Assert.Equal("2025-W14", weeks[^1].Label); // Monday 31 March
    }

    [Fact]
    public void Period_ContainsItsLastInstantButNotItsEnd()
    {
        var q1 = January.Parse("2025-Q1");

        Assert.True(q1.Contains(new DateTimeOffset(2025, 3, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.False(q1.Contains(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Previous_AndYearEarlier_StepBack()
    {
        var q1 = April.Parse("2026-Q1");

        Assert.Equal("2025-Q4", April.Previous(q1).Label);
        Assert.Equal("2025-Q1", April.YearEarlier(q1).Label);
    }
}
