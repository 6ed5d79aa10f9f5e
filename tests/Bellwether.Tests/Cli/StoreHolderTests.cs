using System.Diagnostics;
using Bellwether.Cli;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Cli;

/// <summary>One process owns the embedded file: the others say in one line who holds it and what to do.</summary>
public sealed class StoreHolderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    // A plain folder import goes through the server (HeldStoreImportTests); one with a report folder cannot.
    [Theory]
    [InlineData("import", "stop it to import with --preset, --mapping or --report (a folder of the folder format is imported through it, as its Import page at http://127.0.0.1:5999/import does)")]
    [InlineData("status", "see it there (dashboard, or the API under http://127.0.0.1:5999/api/v1) or stop it")]
    public void WhileServeHoldsTheFile_OtherCommands_SayWhereItIsServed(string command, string advice)
    {
        var db = SmallStore();
        using var held = StoreHolder.Leave(db, StoreHolder.Current("serve", "http://127.0.0.1:5999"));

        var result = command == "import" ? CliRunner.Run("import", Folder(), "--db", db, "--report", _temp.File("report")) : CliRunner.Run(command, "--db", db);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"bellwether: {db} is held by bellwether serve (pid {Environment.ProcessId}) at http://127.0.0.1:5999 — {advice}", line);
    }

    [Fact]
    public void AFolderImport_ThroughAServerThatDoesNotAnswer_IsOneLine()
    {
        var db = SmallStore();
        using var held = StoreHolder.Leave(db, StoreHolder.Current("serve", "http://127.0.0.1:1"));

        var result = CliRunner.Run("import", Folder(), "--db", db);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("bellwether: bellwether serve at http://127.0.0.1:1 holds the store but did not answer (", result.Err.Split('\n')[^2], StringComparison.Ordinal);
        Assert.EndsWith("): stop it, or wait and try again", result.Err.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteLeftByADeadProcess_IsIgnored_AndRemoved()
    {
        var db = SmallStore();
        using (var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            exited.WaitForExit();
            File.WriteAllText(db + ".server", $$"""{"Command":"serve","Pid":{{exited.Id}},"ProcessStart":"2020-01-01T00:00:00+00:00","Address":"http://127.0.0.1:5999"}""");
        }

        var result = CliRunner.Run("status", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(db + ".server"));
    }

    [Fact]
    public void TheNote_IsRemovedWhenItsHolderLetsGo()
    {
        var db = _temp.File("x.duckdb");
        using (StoreHolder.Leave(db, StoreHolder.Current("serve", "http://127.0.0.1:5999")))
        {
            Assert.Equal("serve", StoreHolder.Find(db)?.Command);
        }

        Assert.Null(StoreHolder.Find(db));
        Assert.False(File.Exists(db + ".server"));
    }

    public void Dispose() => _temp.Dispose();

    private string Folder()
    {
        foreach (var (name, content) in SmallCompany.Files)
        {
            _temp.Write($"folder/{name}", content);
        }

        return _temp.File("folder");
    }

    private string SmallStore()
    {
        var db = _temp.File("held.duckdb");
        var imported = CliRunner.Run("import", Folder(), "--db", db);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        return db;
    }
}
