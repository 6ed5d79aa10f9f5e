using System.Text.RegularExpressions;
using Bellwether.Core.Indicators;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Cli;

/// <summary>An answer too big for anyone to read is refused with its size and how to narrow it, not computed until memory runs out.</summary>
public sealed partial class ResultSizeTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void RepByAccountByDay_IsRefused_WithItsSizeAndHowToNarrowIt()
    {
        var result = CliRunner.Run("indicators", "bookings", "--period", "2025", "--by", "rep,account", "--grain", "day", "--db", demo.Db);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var match = Refused().Match(line);
        Assert.True(match.Success, line);
        // Every rep-account pair, every day: far beyond what one answer holds.
        Assert.True(long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) > IndicatorEngine.MaxRows);
    }

    [Fact]
    public void RepByDay_IsUnderTheLimit_AndAnswered()
    {
        var result = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "rep", "--grain", "day", "--db", demo.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        // 90 days of 2025-Q1, one row per rep and day, after the header.
        var rows = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(0, rows % 90);
        Assert.True(rows >= 90 * 5, result.Out[..200]);
    }

    [GeneratedRegex(@"^bellwether: bookings by rep and account per day over 2025 would be about ([0-9,]+) rows, more than the 200,000 one answer holds: ask for a coarser grain, fewer dimensions, a shorter period or one slice$")]
    private static partial Regex Refused();
}
