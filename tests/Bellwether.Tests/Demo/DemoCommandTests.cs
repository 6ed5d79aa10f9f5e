using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Demo_ImportsACompanyWithEveryFile_AndAgainChangesNothing()
    {
        var db = _temp.File("demo.duckdb");

        var first = CliRunner.Run("demo", "--no-serve", "--years", "1", "--history-end", "2025-06-30", "--db", db);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("55 of 55 indicators available.", first.Out, StringComparison.Ordinal);
        Assert.Contains("its today is 2025-07-01", first.Out, StringComparison.Ordinal);
        var deals = StoreFingerprint.Count(db, "opportunities");
        Assert.InRange(deals, 1_000, 10_000);

        var again = CliRunner.Run("demo", "--no-serve", "--years", "1", "--history-end", "2025-06-30", "--db", db, "--format", "csv");

        Assert.Equal(0, again.ExitCode);
        // The same company, byte for byte: its files are not read again, and every row stays as it was.
        Assert.Contains($"opportunities.csv,0,0,0,{deals},0,0,0,0", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoOut_WritesTheFolderFormat_WhichImportsCleanly()
    {
        var folder = _temp.File("company");

        var written = CliRunner.Run("demo", "--years", "1", "--seed", "7", "--history-end", "2025-06-30", "--out", folder, "--format", "csv");

        Assert.Equal(0, written.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "opportunity_history.csv")));
        var imported = CliRunner.Run("import", folder, "--db", _temp.File("store.duckdb"));
        Assert.Equal(0, imported.ExitCode);
    }

    [Fact]
    public void DemoOut_IntoAFolderThatIsNotEmpty_IsRefused()
    {
        var folder = _temp.File("full");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        var result = CliRunner.Run("demo", "--out", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"bellwether: --out {folder}: the folder is not empty", result.Err.Trim());
    }

    [Fact]
    public void Demo_BadScale_SaysWhy()
    {
        var result = CliRunner.Run("demo", "--no-serve", "--scale", "0", "--db", _temp.File("x.duckdb"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bellwether: --scale: The scale is a whole number from 1 to 10,000.", result.Err, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
