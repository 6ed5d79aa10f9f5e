using Bellwether.Tests.Testing;
using DuckDB.NET.Data;

namespace Bellwether.Tests.Cli;

/// <summary>Which store a command uses: --db, else $BELLWETHER_DB, else ./bellwether.duckdb in the working directory.</summary>
public sealed class StoreLocationTests : IDisposable
{
    private readonly SmallCompany _company = new();

    private string WorkingDirectory
    {
        get
        {
            var folder = Path.Combine(_company.TempPath, "work");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [Fact]
    public void BellwetherDb_ChoosesTheStore_WhenThereIsNoDbOption()
    {
        var store = Path.Combine(_company.TempPath, "from-variable.duckdb");
        var environment = new Dictionary<string, string> { ["BELLWETHER_DB"] = store };

        var import = CliRunner.RunWithEnvironment(environment, "import", _company.Folder, "--report", _company.Report);
        var status = CliRunner.RunWithEnvironment(environment, "status", "--format", "csv");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(2, StoreFingerprint.Count(store, "opportunities"));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"store,DuckDB file {store},", status.Out, StringComparison.Ordinal);
        Assert.Contains("file,opportunities.csv,2,", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void DbOption_WinsOverBellwetherDb()
    {
        var environment = new Dictionary<string, string> { ["BELLWETHER_DB"] = Path.Combine(_company.TempPath, "from-variable.duckdb") };

        var import = CliRunner.RunWithEnvironment(environment, "import", _company.Folder, "--db", _company.Db, "--report", _company.Report);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(2, StoreFingerprint.Count(_company.Db, "opportunities"));
        Assert.False(File.Exists(environment["BELLWETHER_DB"]));
    }

    [Fact]
    public void WithNeither_TheStoreIsBellwetherDuckdbInTheWorkingDirectory()
    {
        var work = WorkingDirectory;

        var import = CliRunner.RunInFolder(work, new Dictionary<string, string>(), "import", _company.Folder);
        var status = CliRunner.RunInFolder(work, new Dictionary<string, string>(), "status", "--format", "csv");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(["bellwether.duckdb"], Directory.GetFiles(work).Select(Path.GetFileName));
        Assert.Equal(2, StoreFingerprint.Count(Path.Combine(work, "bellwether.duckdb"), "opportunities"));
        Assert.Contains("store,DuckDB file bellwether.duckdb,", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ARelativeBellwetherDb_IsFoundFromTheWorkingDirectory()
    {
        var work = WorkingDirectory;

        var import = CliRunner.RunInFolder(work, new Dictionary<string, string> { ["BELLWETHER_DB"] = "ours.duckdb" }, "import", _company.Folder);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(["ours.duckdb"], Directory.GetFiles(work).Select(Path.GetFileName));
    }

    [Fact]
    public void ReadingWhereNoStoreIs_SaysSoInOneLine_AndCreatesNothing()
    {
        var work = WorkingDirectory;

        var status = CliRunner.RunInFolder(work, new Dictionary<string, string>(), "status");

        Assert.Equal(1, status.ExitCode);
        Assert.Equal("bellwether: bellwether.duckdb: no store here yet (run `bellwether import FOLDER` or `bellwether demo` first, or pass --db)", status.Err.Trim());
        Assert.Empty(Directory.GetFiles(work));
    }

    [Fact]
    public void AStoreOfANewerSchema_IsRefusedInOneLine()
    {
        Assert.Equal(0, _company.Import().ExitCode);
        using (var connection = new DuckDBConnection($"Data Source={_company.Db}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations SELECT max(version) + 1, 'from_the_future', TIMESTAMP '2030-01-01 00:00:00' FROM schema_migrations";
            command.ExecuteNonQuery();
        }

        var status = CliRunner.Run("status", "--db", _company.Db);

        Assert.Equal(1, status.ExitCode);
        var line = Assert.Single(status.Err.Trim().Split('\n'));
        Assert.StartsWith($"bellwether: {_company.Db} has schema version ", line, StringComparison.Ordinal);
        Assert.EndsWith(": upgrade bellwether", line, StringComparison.Ordinal);
    }

    public void Dispose() => _company.Dispose();
}
