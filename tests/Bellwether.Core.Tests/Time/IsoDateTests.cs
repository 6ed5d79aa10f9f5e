using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Time;

public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2025-03-31", "2025-03-31T00:00:00Z")]
    [InlineData("2025-03-31T14:05:00Z", "2025-03-31T14:05:00Z")]
    [InlineData("2025-03-31T14:05:00", "2025-03-31T14:05:00Z")]
    [InlineData("2025-03-31 14:05:00", "2025-03-31T14:05:00Z")]
    [InlineData("2025-03-31T14:05", "2025-03-31T14:05:00Z")]
    [InlineData("2025-03-31T14:05:00.5Z", "2025-03-31T14:05:00.5Z")]
    [InlineData("2025-03-31T14:05:00+02:00", "2025-03-31T12:05:00Z")]
    [InlineData("2025-03-31T01:00:00-0130", "2025-03-31T02:30:00Z")]
    [InlineData("2024-02-29T23:59:59Z", "2024-02-29T23:59:59Z")]
    public void TryParse_ReadsFileForms(string text, string expected)
    {
        Assert.True(Instants.TryParse(text, out var instant));
        Assert.Equal(expected, Instants.Format(instant));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2025-03-31T24:00:00Z")]
    [InlineData("2025-03-31T14:60")]
    [InlineData("31/03/2025")]
    [InlineData("2025-03-31Z")]
    [InlineData("2025-03-31T14:05:00X")]
    [InlineData("2025-3-31")]
    public void TryParse_RejectsOtherForms(string text)
    {
        Assert.False(Instants.TryParse(text, out _));
    }

    [Fact]
    public void AsOfDate_MeansTheEndOfThatDay()
    {
        Assert.True(Instants.TryParseAsOf("2017-06-30", out var instant));
        Assert.Equal("2017-07-01T00:00:00Z", Instants.Format(instant));
    }
}
