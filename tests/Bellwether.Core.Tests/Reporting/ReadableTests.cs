using Bellwether.Core.Reporting;

namespace Bellwether.Core.Tests.Reporting;

public sealed class ReadableTests
{
    [Theory]
    [InlineData(1234567.4, "USD", "$1,234,567")]
    [InlineData(-90000, "USD", "−$90,000")]
    [InlineData(0.5, "EUR", "€1")]
    [InlineData(1200, "CHF", "CHF 1,200")]
    [InlineData(0, "GBP", "£0")]
    public void Money_WritesTheCurrencyAndSeparators(double amount, string currency, string expected) =>
        Assert.Equal(expected, Readable.Money((decimal)amount, currency));

    [Theory]
    [InlineData(13_403_896, "$13.4M")]
    [InlineData(-90_000, "−$90k")]
    [InlineData(1_254_000, "$1.25M")]
    [InlineData(9_500, "$9.5k")]
    [InlineData(999_999, "$1.0M")]
    [InlineData(950, "$950")]
    [InlineData(2_500_000_000, "$2.5B")]
    public void MoneyShort_KeepsThreeSignificantFigures(double amount, string expected) =>
        Assert.Equal(expected, Readable.MoneyShort((decimal)amount, "USD"));

    [Theory]
    [InlineData(0.123, "12.3%")]
    [InlineData(-0.05, "−5.0%")]
    [InlineData(1.0345, "103.5%")]
    public void Percent_IsTheRatioTimesAHundred(double ratio, string expected) =>
        Assert.Equal(expected, Readable.Percent((decimal)ratio));

    [Theory]
    [InlineData(0.012, "+1.2 pts")]
    [InlineData(-0.12, "−12.0 pts")]
    [InlineData(0.01, "+1.0 pt")]
    [InlineData(0, "0.0 pts")]
    public void Points_AreSignedPercentagePoints(double change, string expected) =>
        Assert.Equal(expected, Readable.Points((decimal)change));

    [Fact]
    public void Value_FollowsTheUnit()
    {
        Assert.Equal("$30,000", Readable.Value(30_000m, Unit.Money, "USD"));
        Assert.Equal("48.0%", Readable.Value(0.48m, "ratio", "USD"));
        Assert.Equal("10.35", Readable.Value(10.35m, Unit.Count, "USD"));
        Assert.Equal("1,234", Readable.Value(1234m, Unit.Count, "USD"));
        Assert.Equal("41.2 days", Readable.Value(41.24m, Unit.Days, "USD"));
    }

    [Theory]
    [InlineData(0.749515, 0.75, "74.95%", "75.00%")] // "75.0% against 75.0%, at risk" would read as a contradiction
    [InlineData(0.7499, 0.75, "74.99%", "75.00%")]
    [InlineData(0.74999, 0.75, "74.999%", "75.000%")]
    [InlineData(0.749999, 0.75, "75.000%", "75.000%")] // three decimals at most: less than a thousandth of a point is not a difference
    [InlineData(0.62, 0.75, "62.0%", "75.0%")]
    [InlineData(0.75, 0.75, "75.0%", "75.0%")]
    public void ARatioBesideAnother_TakesTheDecimalsThatTellThemApart(double value, double other, string expected, string expectedOther)
    {
        Assert.Equal(expected, Readable.Value((decimal)value, Unit.Ratio, "USD", beside: (decimal)other));
        Assert.Equal(expectedOther, Readable.Value((decimal)other, Unit.Ratio, "USD", beside: (decimal)value));
    }

    [Fact]
    public void MoneyBesideMoney_IsWrittenAsAlways() =>
        Assert.Equal("$30,000", Readable.Value(30_000.2m, Unit.Money, "USD", beside: 30_000m));

    [Fact]
    public void Change_IsSignedInItsUnit()
    {
        Assert.Equal("+$30,000", Readable.Change(30_000m, Unit.Money, "USD"));
        Assert.Equal("−$30,000", Readable.Change(-30_000m, Unit.Money, "USD"));
        Assert.Equal("−1.5 pts", Readable.Change(-0.015m, Unit.Ratio, "USD"));
        Assert.Equal("+3", Readable.Change(3m, Unit.Count, "USD"));
    }
}
