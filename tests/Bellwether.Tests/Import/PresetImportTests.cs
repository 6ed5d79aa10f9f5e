using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>The presets import the real data sets end to end into a real DuckDB file; counts checked with plain SQL.</summary>
public sealed class PresetImportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Db => _temp.File("store.duckdb");

    [Fact]
    public void MavenCrm_ImportsEveryDeal_WithTheStatusCountsOfTheData()
    {
        var folder = SharedData.Folder("maven-crm");

        var result = CliRunner.Run("import", folder, "--preset", "maven-crm", "--db", Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var byStatus = StoreFingerprint.Query(Db, "SELECT status, count(*) FROM opportunities GROUP BY 1 ORDER BY 1");
        Assert.Equal([["lost", 2473L], ["open", 2089L], ["won", 4238L]], byStatus);
        Assert.Equal(86, StoreFingerprint.Count(Db, "accounts")); // 85 + unassigned
        Assert.Equal(41, StoreFingerprint.Count(Db, "reps")); // 35 agents + 6 managers
        Assert.Equal(10_005_534m, StoreFingerprint.Query(Db, "SELECT sum(amount) FROM opportunities WHERE status = 'won'").Single()[0]);
        Assert.Equal("Engaging", StoreFingerprint.Query(Db, "SELECT history_fallback_stage FROM workspaces").Single()[0]);
    }

    [Fact]
    public void MavenCrm_ImportedTwice_ChangesNothing()
    {
        var folder = SharedData.Folder("maven-crm");
        Assert.Equal(0, CliRunner.Run("import", folder, "--preset", "maven-crm", "--db", Db).ExitCode);
        var before = StoreFingerprint.Of(Db);

        var again = CliRunner.Run("import", folder, "--preset", "maven-crm", "--db", Db, "--format", "csv");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("opportunities.csv,8800,0,0,8800,0,0,0,0", again.Out, StringComparison.Ordinal);
        var after = StoreFingerprint.Of(Db);
        Assert.All(before.Keys.Where(k => k != "imports"), k => Assert.Equal(before[k], after[k]));
    }

    [Fact]
    public void OlistFunnel_ImportsLeadsAndWonDeals()
    {
        var folder = SharedData.Folder("olist-funnel");

        var result = CliRunner.Run("import", folder, "--preset", "olist-funnel", "--db", Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8000, StoreFingerprint.Count(Db, "leads"));
        Assert.Equal([["won", 842L]], StoreFingerprint.Query(Db, "SELECT status, count(*) FROM opportunities GROUP BY 1"));
        Assert.Equal(842L, StoreFingerprint.Query(Db, "SELECT count(*) FROM leads WHERE opportunity_id IS NOT NULL").Single()[0]);
        Assert.Contains("opportunities.csv,842,842,0,0,0,0,0,1", result.Out, StringComparison.Ordinal); // one repaired row
    }

    [Fact]
    public void MavenCrm_SourceColumnNamedTwice_FailsWithOneLine_AndStoresNothing()
    {
        var folder = _temp.Sub("maven").File("maven");
        foreach (var file in Directory.GetFiles(SharedData.Folder("maven-crm")))
        {
            // Copied by content: the shared data's files are read-only.
            File.WriteAllBytes(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllBytes(file));
        }

        var accounts = Path.Combine(folder, "accounts.csv");
        var lines = File.ReadAllLines(accounts);
        File.WriteAllLines(accounts, [lines[0] + ",Sector", .. lines[1..].Select(l => l + ",retail")]);

        var result = CliRunner.Run("import", folder, "--preset", "maven-crm", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bellwether: maven-crm preset: accounts.csv: column sector appears twice in the header", result.Err.Trim());
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void UnknownPreset_FailsWithTheListOfPresets()
    {
        var result = CliRunner.Run("import", _temp.Path, "--preset", "pipedrive", "--db", Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("bellwether: --preset pipedrive: no such preset (presets: maven-crm, olist-funnel, hubspot-deals, salesforce-opportunities)", result.Err.Trim());
    }

    public void Dispose() => _temp.Dispose();
}
