using Bellwether.Core.Import;
using Bellwether.Core.Plans;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using DuckDB.NET.Data;

namespace Bellwether.Storage.Tests;

/// <summary>The plan log: what imports and edits record, and the plans table they keep current beside it.</summary>
public sealed class PlanLogTests : IDisposable
{
    private const string Reps = "rep_id,name,role,start_date\nR1,Rita,ae,2024-01-15";
    private const string Deals = "opportunity_id,account_id,owner_rep_id,service_line,amount,created_at,stage,status,closed_at\nO1,A1,R1,Consulting,1000,2025-01-10,Won,won,2025-02-15";

    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _temp = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 4, 9, 30, 0, TimeSpan.Zero));

    private string Db => _temp.File("store.duckdb");

    [Fact]
    public void FirstImport_RecordsItsPlansAsKnownFromTheStart_WithTheImportAsSource()
    {
        using var store = DuckDbStore.Open(Db, _clock);

        Import(store, March, "new_business,bookings,2026-Q2,100000,President,type=new_business", "retention,grr,2026-Q2,0.9,COO,");

        var changes = store.PlanChanges("acme");
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c =>
        {
            Assert.Null(c.ChangedAt);
            Assert.Null(c.Before);
            Assert.Equal(PlanChangeSource.Import, c.Source);
            Assert.Equal(1, c.ImportId);
            Assert.Equal("import", c.ChangedBy);
        });
        Assert.Contains(changes, c => c.Key == Key("bookings", "2026-Q2", "type=new_business") && c.After == Terms(100000m, "President"));
        Assert.Contains(changes, c => c.Key == new PlanKey { Pillar = Pillar.Retention, Metric = "grr", Period = "2026-Q2" } && c.After == Terms(0.9m, "COO"));
    }

    [Fact]
    public void LaterImport_RecordsAChangedTargetOrOwnerAtItsAsOfInstant_AndKeepsPlansItLeavesOut()
    {
        using var store = DuckDbStore.Open(Db, _clock);
        Import(store, March, "new_business,bookings,2026-Q2,100000,President,type=new_business", "retention,grr,2026-Q2,0.9,COO,");
        var version = store.Versions("acme")["plans"];

        // The second file raises the bookings target, hands nothing else over, adds a plan and leaves grr out.
        Import(store, April, "new_business,bookings,2026-Q2,120000,President,type=new_business", "cost_model,operating_margin,2026-Q2,-0.05,CFO,");

        var later = store.PlanChanges("acme").Skip(2).ToList();
        Assert.Equal(2, later.Count);
        var raised = Assert.Single(later, c => c.Key.Metric == "bookings");
        Assert.Equal(April, raised.ChangedAt);
        Assert.Equal(Terms(100000m, "President"), raised.Before);
        Assert.Equal(Terms(120000m, "President"), raised.After);
        Assert.Equal(2, raised.ImportId);

        // A key the log has never seen is known from the start, whichever import brings it: plans.csv has no date.
        var added = Assert.Single(later, c => c.Key.Metric == "operating_margin");
        Assert.Null(added.ChangedAt);
        Assert.Equal(Terms(-0.05m, "CFO"), added.After);

        // grr, absent from the second file, is kept as it was and logged as nothing.
        var plans = store.Load("acme").Plans;
        Assert.Equal(3, plans.Count);
        Assert.Contains(plans, p => p.Metric == "grr" && p.Target == 0.9m);
        Assert.True(store.Versions("acme")["plans"] > version);
    }

    [Fact]
    public void ReimportingTheSameFile_RecordsNothing()
    {
        using var store = DuckDbStore.Open(Db, _clock);
        Import(store, March, "new_business,bookings,2026-Q2,100000,President,");

        Import(store, April, "new_business,bookings,2026-Q2,100000,President,");

        Assert.Single(store.PlanChanges("acme"));
    }

    [Fact]
    public void SetAndRemove_RecordTheClocksNowAndThePerson_AndChangeThePlansTheEngineReads()
    {
        using var store = DuckDbStore.Open(Db, _clock);
        Import(store, March, "new_business,bookings,2026-Q2,100000,President,type=new_business");
        var version = store.Versions("acme")["plans"];
        var alice = new PlanAuthor { Name = "alice", Source = PlanChangeSource.Cli };
        var key = Key("bookings", "2026-Q2", "type=new_business");

        var set = store.SetPlan("acme", key.With(Terms(110000m, "Rita")), alice);
        var same = store.SetPlan("acme", key.With(Terms(110000m, "Rita")), alice);
        _clock.Now = _clock.Now.AddHours(1);
        var removed = store.RemovePlan("acme", key, new PlanAuthor { Name = "api", Source = PlanChangeSource.Api });
        var again = store.RemovePlan("acme", key, alice);

        Assert.NotNull(set);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 9, 30, 0, TimeSpan.Zero), set.ChangedAt);
        Assert.Equal(("alice", PlanChangeSource.Cli), (set.ChangedBy, set.Source));
        Assert.Equal(Terms(100000m, "President"), set.Before);
        Assert.Equal(Terms(110000m, "Rita"), set.After);
        Assert.Null(same);
        Assert.NotNull(removed);
        Assert.Equal(new DateTimeOffset(2026, 5, 4, 10, 30, 0, TimeSpan.Zero), removed.ChangedAt);
        Assert.Equal(Terms(110000m, "Rita"), removed.Before);
        Assert.Null(removed.After);
        Assert.Null(again);
        Assert.Empty(store.Load("acme").Plans);
        Assert.Equal(version + 2, store.Versions("acme")["plans"]);

        // Read back from the store, the log says the same, in the order it was written.
        Assert.Equal([null, set.ChangedAt, removed.ChangedAt], store.PlanChanges("acme").Select(c => c.ChangedAt));
        Assert.Equal([1L, 2L, 3L], store.PlanChanges("acme").Select(c => c.Sequence));
    }

    [Fact]
    public void SetPlan_OfAWholeCompanyKey_StoresItsSliceAsTheImportDoes_SoThatALaterImportMatchesIt()
    {
        using var store = DuckDbStore.Open(Db, _clock);
        Import(store, March, "retention,grr,2026-Q2,0.9,COO,");
        store.SetPlan("acme", new PlanKey { Pillar = Pillar.Retention, Metric = "grr", Period = "2026-Q2" }.With(Terms(0.92m, "COO")), new PlanAuthor { Name = "bob", Source = PlanChangeSource.Cli });

        Import(store, April, "retention,grr,2026-Q2,0.9,COO,");

        var changes = store.PlanChanges("acme");
        Assert.Equal(3, changes.Count);
        Assert.Equal(Terms(0.92m, "COO"), changes[2].Before);
        Assert.Equal(April, changes[2].ChangedAt);
        Assert.Equal(0.9m, Assert.Single(store.Load("acme").Plans).Target);
    }

    [Fact]
    public void Migration_RecordsThePlansOfAnOlderStoreAsKnownFromTheStart()
    {
        using (var store = DuckDbStore.Open(Db, _clock))
        {
            Import(store, March, "new_business,bookings,2026-Q2,100000,President,type=new_business", "retention,grr,2026-Q2,0.9,COO,");
        }

        // As a store made before the log: without the plan log, the engagement events' columns, the contract terms or the import fingerprints, at schema version 3.
        Sql("DROP TABLE plan_changes; DROP TABLE import_fingerprints; ALTER TABLE engagement DROP COLUMN event_id; ALTER TABLE engagement DROP COLUMN occurrence; ALTER TABLE opportunities DROP COLUMN contract_start; ALTER TABLE opportunities DROP COLUMN contract_end; ALTER TABLE opportunities DROP COLUMN term_months; DELETE FROM schema_migrations WHERE version >= 4");

        using var reopened = DuckDbStore.Open(Db, _clock);
        var changes = reopened.PlanChanges("acme");
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Null(c.ChangedAt));
        Assert.Equal(
            new PlanBook(changes).Current().Select(PlanKey.Of).OrderBy(k => k.Metric),
            reopened.Load("acme").Plans.Select(PlanKey.Of).OrderBy(k => k.Metric));
    }

    public void Dispose() => _temp.Dispose();

    private static PlanKey Key(string metric, string period, string slice) => new() { Pillar = Pillar.NewBusiness, Metric = metric, Period = period, Slice = slice };

    private static PlanTerms Terms(decimal target, string owner) => new() { Target = target, Owner = owner };

    private static void Import(DuckDbStore store, DateTimeOffset asOf, params string[] plans)
    {
        var source = InMemorySource.Of(("reps.csv", Reps), ("opportunities.csv", Deals), ("plans.csv", "pillar,metric,period,target,owner,slice\n" + string.Join("\n", plans)));
        using var session = store.BeginImport("acme");
        var result = new ImportRunner(session).Run(source, new ImportOptions { StartedAt = asOf, AsOf = asOf });
        Assert.True(result.Stored, string.Join("\n", result.Errors));
    }

    /// <summary>Runs SQL on the store file directly, not through the store's code.</summary>
    private void Sql(string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={Db}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
