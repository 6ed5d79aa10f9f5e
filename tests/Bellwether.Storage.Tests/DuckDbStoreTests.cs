using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Storage.DuckDb;
using Bellwether.Storage.Sql;
using Bellwether.Testing;
using DuckDB.NET.Data;

namespace Bellwether.Storage.Tests;

public sealed class DuckDbStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Db => _temp.File("store.duckdb");

    [Fact]
    public void Open_AppliesMigrations_AndEveryFileColumnHasItsTableColumnWithTheDialectType()
    {
        using (DuckDbStore.Open(Db))
        {
        }

        using var connection = new DuckDBConnection($"Data Source={Db}");
        connection.Open();
        foreach (var schema in FileSchemas.All)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{schema.Table}'";
            using var reader = command.ExecuteReader();
            var columns = new Dictionary<string, string>();
            while (reader.Read())
            {
                columns[reader.GetString(0)] = reader.GetString(1);
            }

            Assert.Equal("VARCHAR", columns["workspace_id"]);
            Assert.Equal("VARCHAR", columns["attributes"]);
            foreach (var column in schema.Columns)
            {
                Assert.True(columns.ContainsKey(column.Name), $"{schema.Table}.{column.Name} is missing");
                Assert.Equal(DuckDbDialect.Instance.TypeOf(column.Kind), columns[column.Name]);
            }
        }
    }

    [Fact]
    public void Open_Twice_AppliesMigrationsOnce()
    {
        using (DuckDbStore.Open(Db))
        {
        }

        using (DuckDbStore.Open(Db))
        {
        }

        using var connection = new DuckDBConnection($"Data Source={Db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(DISTINCT version) FROM schema_migrations";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    [Fact]
    public void Open_FileOfAnotherKind_FailsWithAClearMessage()
    {
        File.WriteAllText(Db, "this is not a database");

        var error = Assert.Throws<StoreException>(() => DuckDbStore.Open(Db));

        Assert.StartsWith($"{Db} cannot be opened as a Bellwether store", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("store.csv", "a,b\n1,2\n")]
    [InlineData("store.json", "{\"a\": 1}\n")]
    [InlineData("store.duckdb", "")]
    public void Open_ExistingFileThatIsNotADuckDbDatabase_IsRefused_AndLeftAsItWas(string name, string content)
    {
        // DuckDB itself would open the CSV and the JSON as an in-memory database with a view over them.
        var path = _temp.Write(name, content);
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<StoreException>(() => DuckDbStore.Open(path));

        Assert.Equal($"{path} cannot be opened as a Bellwether store: the file exists and is not a DuckDB database (it was left as it is)", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([name], Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("store.csv")]
    [InlineData("store.json")]
    [InlineData("store.parquet")]
    public void Open_NewPathOfAnyName_IsARealDuckDbFile_ThatKeepsWhatIsStored(string name)
    {
        var path = _temp.File(name);
        using (var store = DuckDbStore.Open(path))
        {
            store.SaveScenario("acme", "push", "{}");
        }

        using (var store = DuckDbStore.Open(path))
        {
            Assert.Equal(["push"], store.Scenarios("acme").Keys);
        }

        Assert.Equal("DUCK"u8.ToArray(), File.ReadAllBytes(path)[8..12]);
    }

    [Fact]
    public void Open_StoreOfANewerSchemaThanThisCodeKnows_IsRefusedWithOneLine_AndLeftAsItWas()
    {
        using (DuckDbStore.Open(Db))
        {
        }

        // What this code knows is the newest version it applied to a new file; a later bellwether recorded one more.
        var known = Convert.ToInt32(Scalar("SELECT max(version) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture);
        Scalar($"INSERT INTO schema_migrations VALUES ({known + 1}, 'from_the_future', TIMESTAMP '2030-01-01 00:00:00')");
        var before = Scalar("SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM schema_migrations");

        var error = Assert.Throws<StoreException>(() => DuckDbStore.Open(Db));

        Assert.Equal($"{Db} has schema version {known + 1}, newer than this bellwether knows ({known}): upgrade bellwether", error.Message);
        // Nothing was applied or undone, and the refused store let go of the file (Scalar opens it again).
        Assert.Equal(before, Scalar("SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM schema_migrations"));
    }

    [Fact]
    public void Settings_RoundTripPerWorkspace_AndBumpVersion()
    {
        using var store = DuckDbStore.Open(Db);
        var april = new CompanySettings { Calendar = new FiscalCalendar(4), RampMonths = 5, QualificationWindowDays = 30, HistoryFallbackStage = "Engaging", Currency = "EUR" };

        store.SaveSettings("acme", april);

        Assert.Equal(april, store.Settings("acme"));
        Assert.Equal(CompanySettings.Default, store.Settings("globex"));
        Assert.Equal(1, store.Versions("acme")["workspaces"]);
    }

    [Fact]
    public void Import_LoadsBackIntoADataset_InItsOwnWorkspaceOnly()
    {
        using var store = DuckDbStore.Open(Db);
        var source = InMemorySource.Of(
            ("reps.csv", "rep_id,name,role,start_date\nR1,Rita,ae,2024-01-15"),
            ("opportunities.csv", "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,1000.25,2025-01-10T08:30:00Z,Won,won,2025-02-15"),
            ("activities.csv", "activity_id,rep_id,type,occurred_at\nX1,R1,call,2025-01-10T09:00:00Z\nX2,R1,call,2025-01-10T17:00:00Z\nX3,R1,email,2025-01-11T09:00:00Z"));
        using (var session = store.BeginImport("acme"))
        {
            var result = new ImportRunner(session).Run(source, new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });
            Assert.True(result.Stored, string.Join("\n", result.Errors));
        }

        var data = store.Load("acme");
        var other = store.Load("globex");

        var deal = Assert.Single(data.Opportunities);
        Assert.Equal(1000.25m, deal.Amount);
        Assert.Equal(new DateTimeOffset(2025, 1, 10, 8, 30, 0, TimeSpan.Zero), deal.CreatedAt);
        Assert.Equal(new DateOnly(2024, 1, 15), Assert.Single(data.Reps).StartDate);
        Assert.Equal(
            [("R1", new DateOnly(2025, 1, 10), Core.Activities.ActivityType.Call, 2), ("R1", new DateOnly(2025, 1, 11), Core.Activities.ActivityType.Email, 1)],
            data.ActivityDays.Select(d => (d.RepId, d.Day, d.Type, d.Count)));
        Assert.Equal("unknown", Assert.Single(data.Accounts).Vertical);
        Assert.True(data.Has("activities.csv"));
        Assert.False(data.Has("opportunity_history.csv")); // recorded history is not a history file
        Assert.Empty(other.Opportunities);
    }

    [Fact]
    public void Load_OfACompanyTooLargeForTheProcess_IsRefusedBeforeARowIsRead_AndStatusStillReadsIt()
    {
        using (var store = DuckDbStore.Open(Db))
        {
            var source = InMemorySource.Of(
                ("reps.csv", "rep_id,name,role,start_date\nR1,Rita,ae,2024-01-15"),
                ("opportunities.csv", "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,1000,2025-01-10T08:30:00Z,Won,won,2025-02-15\nO2,A1,R1,Consulting,500,2025-01-11T08:30:00Z,Lost,lost,2025-02-16"));
            using var session = store.BeginImport("acme");
            Assert.True(new ImportRunner(session).Run(source, new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch }).Stored);
        }

        // Two deals, one rep and the account the import made for them, at their loaded sizes, times four.
        var needed = (long)((2 * 265) + 290 + 235) * 4;
        var tables = new HashSet<string> { "reps", "opportunities", "accounts" };
        using (var small = DuckDbStore.Open(Db, memoryAvailable: needed - 1))
        {
            var refused = Assert.Throws<Core.Budget.WorkTooLargeException>(() => small.Load("acme", tables: tables));
            Assert.Equal(needed, refused.EstimatedBytes);
            Assert.Contains("(2 deals, 1 accounts)", refused.Message, StringComparison.Ordinal);
            Assert.Equal(2, small.Status("acme").Tables.Single(t => t.Table == "opportunities").Rows);
            Assert.Empty(small.Load("globex").Opportunities);
        }

        using var enough = DuckDbStore.Open(Db, memoryAvailable: needed);
        Assert.Equal(2, enough.Load("acme", tables: tables).Opportunities.Count);
    }

    [Fact]
    public void Load_HoldsEachRepeatedCategoryOnce_AndADealsIdOnceOverItsHistory()
    {
        using var store = DuckDbStore.Open(Db);
        var source = InMemorySource.Of(
            ("reps.csv", "rep_id,name,role,start_date\nR1,Rita,ae,2024-01-15"),
            ("accounts.csv", "account_id,name,vertical\nA1,Acme,finance\nA2,Globex,finance"),
            ("opportunities.csv", "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,stage,status,closed_at\n"
                + "O1,A1,R1,Consulting,1000,2025-01-10T08:30:00Z,Won,won,2025-02-15\nO2,A2,R1,Consulting,2000,2025-01-11T08:30:00Z,Won,won,2025-02-16"),
            ("opportunity_history.csv", "opportunity_id,changed_at,stage,status,amount\n"
                + "O1,2025-01-10T08:30:00Z,Discovery,open,1000\nO1,2025-01-20T08:30:00Z,Proposal,open,1000\nO1,2025-02-15T08:30:00Z,Won,won,1000"),
            ("activities.csv", "activity_id,rep_id,type,occurred_at\nX1,R1,call,2025-01-10T09:00:00Z\nX2,R1,email,2025-01-11T09:00:00Z"));
        using (var session = store.BeginImport("acme"))
        {
            var result = new ImportRunner(session).Run(source, new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });
            Assert.True(result.Stored, string.Join("\n", result.Errors));
        }

        var data = store.Load("acme");

        // Equal texts read from different rows of a table are one string: a company at a million deals repeats its
        // reps, stages and service lines tens of millions of times, and each copy would be held while it is served.
        Assert.Equal(2, data.Opportunities.Count);
        Assert.Same(data.Opportunities[0].OwnerRepId, data.Opportunities[1].OwnerRepId);
        Assert.Same(data.Opportunities[0].ServiceLine, data.Opportunities[1].ServiceLine);
        Assert.Same(data.Opportunities[0].Stage, data.Opportunities[1].Stage);
        Assert.Same(data.Accounts[0].Vertical, data.Accounts[1].Vertical);
        Assert.Equal(2, data.ActivityDays.Count);
        Assert.Same(data.ActivityDays[0].RepId, data.ActivityDays[1].RepId);
        var history = data.History.Where(h => h.OpportunityId == "O1").ToList();
        Assert.Equal(3, history.Count);
        Assert.All(history, h => Assert.Same(history[0].OpportunityId, h.OpportunityId));
        Assert.Equal(["Discovery", "Proposal", "Won"], history.Select(h => h.Stage));
    }

    [Fact]
    public void Migration5_MakesEngagementRowsStoredBeforeItTheFirstOfTheirKind_SoReimportingThemChangesNothing()
    {
        var source = () => InMemorySource.Of(
            ("reps.csv", "rep_id,name\nR1,Rita"),
            ("opportunities.csv", "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,stage,status\nO1,A1,R1,Consulting,1000,2025-01-10,Open,open"),
            ("engagement.csv", "account_id,occurred_at,kind,value\nA1,2025-01-10T15:30:00Z,nps,9\nA1,2025-01-11T09:00:00Z,meeting,"));
        using (var store = DuckDbStore.Open(Db))
        using (var session = store.BeginImport("acme"))
        {
            Assert.True(new ImportRunner(session).Run(source(), new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch }).Stored);
        }

        // The store as version 4 left it: no event_id, no occurrence.
        Scalar("ALTER TABLE engagement DROP COLUMN occurrence; ALTER TABLE engagement DROP COLUMN event_id; DELETE FROM schema_migrations WHERE version = 5");

        using (var store = DuckDbStore.Open(Db))
        {
            using var session = store.BeginImport("acme");
            var result = new ImportRunner(session).Run(source(), new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });
            Assert.Equal(new TableCounts { Unchanged = 2 }, result.Files.Single(f => f.File == "engagement.csv").Counts);
        }

        Assert.Equal("1,1", Scalar("SELECT string_agg(CAST(occurrence AS VARCHAR), ',') FROM engagement"));
    }

    [Fact]
    public void Scenarios_AreSavedReplacedAndDeletedPerWorkspace()
    {
        using var store = DuckDbStore.Open(Db);

        store.SaveScenario("acme", "push", "{\"changes\":[1]}");
        store.SaveScenario("acme", "push", "{\"changes\":[2]}");
        store.SaveScenario("acme", "calm", "{}");

        Assert.Equal(["calm", "push"], store.Scenarios("acme").Keys);
        Assert.Equal("{\"changes\":[2]}", store.Scenarios("acme")["push"]);
        Assert.Empty(store.Scenarios("globex"));
        Assert.True(store.DeleteScenario("acme", "calm"));
        Assert.False(store.DeleteScenario("acme", "calm"));
        Assert.Equal(["push"], store.Scenarios("acme").Keys);
    }

    /// <summary>Runs SQL on the store file directly, not through the store's code.</summary>
    private object? Scalar(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={Db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _temp.Dispose();
}
