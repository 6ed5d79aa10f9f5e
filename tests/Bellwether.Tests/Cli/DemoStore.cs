using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Cli;

/// <summary>A small demo company (two years of history, ending 2026-06-30) imported once for a test class.</summary>
public sealed class DemoStore : IDisposable
{
    private readonly TempFolder _temp = new();

    public DemoStore()
    {
        Db = _temp.File("demo.duckdb");
        var demo = CliRunner.Run("demo", "--no-serve", "--years", "2", "--history-end", "2026-06-30", "--db", Db, "--format", "csv");
        Assert.Equal(0, demo.ExitCode);
    }

    /// <summary>The demo company's now: the first instant after its history.</summary>
    public const string Now = "2026-06-30";

    public string Db { get; }

    public string TempPath => _temp.Path;

    public void Dispose() => _temp.Dispose();
}
