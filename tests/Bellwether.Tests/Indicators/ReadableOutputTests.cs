using Bellwether.Indicators;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Indicators;

/// <summary>
/// The tables people read: names, not ids; money in the company's currency; ratios as percentages; reasons as
/// footnotes instead of silent zeros; periods as columns, in tables no wider than 100 columns.
/// </summary>
public sealed class ReadableOutputTests : IDisposable
{
    private readonly SmallCompany _company = new();

    public ReadableOutputTests() => Assert.Equal(0, _company.Import().ExitCode);

    [Fact]
    public void BySliceOfRepsAndAccounts_ShowsNames_NotIds()
    {
        var result = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "rep", "--as-of", "2025-06-30", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Rita Rep", result.Out, StringComparison.Ordinal);
        Assert.Contains("Raj Rep", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("R1", result.Out, StringComparison.Ordinal);

        var accounts = CliRunner.Run("indicators", "bookings", "--period", "2025-Q1", "--by", "account", "--as-of", "2025-06-30", "--db", _company.Db);
        Assert.Contains("Acme", accounts.Out, StringComparison.Ordinal);
        Assert.Contains("Globex", accounts.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_IsInTheCurrency_AndRatiosArePercentages()
    {
        // O1, 1000 won in February 2025, is the quarter's only closed deal: win rate 1 / 1.
        var result = CliRunner.Run("indicators", "bookings", "win_rate", "--period", "2025-Q1", "--as-of", "2025-06-30", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("$1,000", result.Out, StringComparison.Ordinal);
        Assert.Contains("100.0%", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatCannotBeComputed_SaysWhyInAFootnote()
    {
        var result = CliRunner.Run("indicators", "revenue", "--period", "2025-Q1", "--as-of", "2025-06-30", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("— (1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("(1) no revenue.csv", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyPeriods_ArePivotedIntoTablesAtMostAHundredColumnsWide()
    {
        // 2025 by week: 53 ISO weeks touch it, far more than one table of 100 columns holds.
        var result = CliRunner.Run("indicators", "bookings", "new_pipeline", "--period", "2025", "--grain", "week", "--as-of", "2026-01-31", "--db", _company.Db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= Bellwether.Cli.Output.MaxWidth, $"{l.Length}: {l}"));
        Assert.Contains(lines, l => l.Contains("2025-W01", StringComparison.Ordinal) && l.Contains("2025-W02", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("2026-W01", StringComparison.Ordinal));
        // One line per indicator in each table, not one per week.
        Assert.True(lines.Count(l => l.Contains("│ bookings", StringComparison.Ordinal)) < 20);
    }

    [Theory]
    [InlineData(new[] { 10, 10, 10, 10 }, 25, new[] { 0, 2, 2, 2 })]
    [InlineData(new[] { 30, 5, 5 }, 20, new[] { 0, 1, 1, 2 })]
    public void Chunks_KeepEachRunWithinTheRoom(int[] widths, int room, int[] expected)
    {
        var chunks = IndicatorTable.Chunks(widths.Length, i => widths[i], room);

        // Flattened as (start, count) pairs.
        Assert.Equal(expected, chunks.SelectMany(c => new[] { c.Start, c.Count }).ToArray());
    }

    public void Dispose() => _company.Dispose();
}
