using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Revenue;

namespace Bellwether.Tests.Dashboard;

public sealed class RevenueChoicesTests
{
    [Fact]
    public void Read_OfNothingOrNonsense_IsTheDefault()
    {
        Assert.Equal(new RevenueChoices("quarter", Grain.Week, Dimension.Vertical), RevenueChoices.Read(null, null, null));
        Assert.Equal(new RevenueChoices("quarter", Grain.Week, Dimension.Vertical), RevenueChoices.Read("fortnight", "day", "activity_type"));
    }

    [Fact]
    public void Read_OfKnownChoices_KeepsThem() =>
        Assert.Equal(new RevenueChoices("year", Grain.Month, Dimension.Team), RevenueChoices.Read("year", "month", "team"));

    [Theory]
    [InlineData(Grain.Quarter, Grain.Week, Grain.Week)]
    [InlineData(Grain.Quarter, Grain.Quarter, Grain.Month)]
    [InlineData(Grain.Year, Grain.Quarter, Grain.Quarter)]
    [InlineData(Grain.Month, Grain.Month, Grain.Week)]
    [InlineData(Grain.Month, Grain.Quarter, Grain.Week)]
    public void Within_IsAlwaysFinerThanThePeriod(Grain period, Grain chosen, Grain expected)
    {
        var calendar = FiscalCalendar.Default;
        var p = calendar.Containing(new DateOnly(2026, 5, 14), period);
        Assert.Equal(expected, RevenueChoices.Within(p, chosen));
    }
}
