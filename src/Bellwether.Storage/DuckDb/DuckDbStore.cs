using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Storage.Migrations;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>
/// The embedded store: one DuckDB file, opened by one process at a time. Migrations are applied on open. Every write
/// happens in an import's single transaction, so a crash at any point leaves the file as it was before the import.
/// </summary>
public sealed partial class DuckDbStore : IStore
{
    public const string DefaultPath = "bellwether.duckdb";

    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _clock;

    private DuckDbStore(string path, DuckDBConnection connection, TimeProvider clock, long memoryAvailable)
    {
        Path = path;
        _connection = connection;
        _clock = clock;
        MemoryAvailable = memoryAvailable;
    }

    public string Path { get; }

    /// <summary>The memory this process may use, in bytes: a company whose <see cref="CompanyFootprint"/> would not fit is refused before it loads.</summary>
    public long MemoryAvailable { get; }

    public string Description => $"DuckDB file {Path}";

    internal DuckDBConnection Connection => _connection;

    /// <summary>Deletes a closed store file and its write-ahead log, if they exist.</summary>
    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(path + ".wal");
    }

    /// <summary>Opens (creating it if needed) the store file and brings its schema up to date.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="clock">The clock imports are logged by.</param>
    /// <param name="memoryAvailable">The memory the process may use, in bytes; null: what the runtime says it may
    /// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's, a container's limit or the hard heap limit).</param>
    public static DuckDbStore Open(string path, TimeProvider? clock = null, long? memoryAvailable = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new StoreException($"{path}: the folder {folder} does not exist");
        }

        RefuseForeignFile(path, full);
        var connection = new DuckDBConnection($"Data Source={full}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            var pid = HolderPid().Match(e.Message);
            throw new StoreException($"{path} is in use by another process{(pid.Success ? $" (pid {pid.Groups[1].Value})" : "")} (is `bellwether serve` running on it?)", e)
            {
                InUse = true,
                HeldByPid = pid.Success ? int.Parse(pid.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : null,
            };
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            throw new StoreException($"{path} cannot be opened as a Bellwether store: {FirstLine(e.Message)}", e);
        }

        var store = new DuckDbStore(path, connection, clock ?? TimeProvider.System, memoryAvailable ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        try
        {
            RefuseUnlessOnDisk(path, connection);
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    public IImportSession BeginImport(string workspace)
    {
        EnsureWorkspace(workspace);
        return new DuckDbImportSession(this, workspace, _clock);
    }

    public Dataset Load(string workspace, Dataset? previous = null, IReadOnlySet<string>? tables = null)
    {
        var rows = new DuckDbStatusReader(_connection, workspace, CompanySettings.Default.Calendar).RowCounts(tables);
        new CompanyFootprint { Rows = rows }.EnsureFits(MemoryAvailable, $"The company of workspace {workspace} in {Description}");
        return new DuckDbDatasetReader(_connection, workspace, Settings(workspace)).Read(previous, tables);
    }

    public StoreStatus Status(string workspace) => new DuckDbStatusReader(_connection, workspace, Settings(workspace).Calendar).Read();

    // The log's read needs no calendar; the workspace's own is passed only because the reader takes one.
    public IReadOnlyList<ImportLogEntry> Imports(string workspace) => new DuckDbStatusReader(_connection, workspace, CompanySettings.Default.Calendar).Imports();

    public IReadOnlyDictionary<string, long> Versions(string workspace)
    {
        using var command = Command("SELECT table_name, version FROM table_versions WHERE workspace_id = $ws", workspace);
        using var reader = command.ExecuteReader();
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return versions;
    }

    public CompanySettings Settings(string workspace)
    {
        using var command = Command(
            "SELECT fiscal_year_start_month, ramp_months, qualification_window_days, history_fallback_stage, currency FROM workspaces WHERE workspace_id = $ws",
            workspace);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return CompanySettings.Default;
        }

        return new CompanySettings
        {
            Calendar = new FiscalCalendar(reader.GetInt32(0)),
            RampMonths = reader.GetInt32(1),
            QualificationWindowDays = reader.GetInt32(2),
            HistoryFallbackStage = reader.GetString(3),
            Currency = reader.IsDBNull(4) ? CompanySettings.Default.Currency : reader.GetString(4),
        };
    }

    public IReadOnlyDictionary<string, string> Scenarios(string workspace)
    {
        using var command = Command("SELECT name, definition FROM scenarios WHERE workspace_id = $ws ORDER BY name", workspace);
        using var reader = command.ExecuteReader();
        var scenarios = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            scenarios[reader.GetString(0)] = reader.GetString(1);
        }

        return scenarios;
    }

    public void SaveScenario(string workspace, string name, string definition)
    {
        EnsureWorkspace(workspace);
        var now = _clock.GetUtcNow().UtcDateTime;
        using var transaction = _connection.BeginTransaction();
        using (var update = Command("UPDATE scenarios SET definition = $d, updated_at = $now WHERE workspace_id = $ws AND name = $n", workspace))
        {
            update.Parameters.Add(new DuckDBParameter("d", definition));
            update.Parameters.Add(new DuckDBParameter("now", now));
            update.Parameters.Add(new DuckDBParameter("n", name));
            if (update.ExecuteNonQuery() == 0)
            {
                using var insert = Command("INSERT INTO scenarios VALUES ($ws, $n, $d, $now, $now)", workspace);
                insert.Parameters.Add(new DuckDBParameter("n", name));
                insert.Parameters.Add(new DuckDBParameter("d", definition));
                insert.Parameters.Add(new DuckDBParameter("now", now));
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public bool DeleteScenario(string workspace, string name)
    {
        using var command = Command("DELETE FROM scenarios WHERE workspace_id = $ws AND name = $n", workspace);
        command.Parameters.Add(new DuckDBParameter("n", name));
        return command.ExecuteNonQuery() > 0;
    }

    public void SaveSettings(string workspace, CompanySettings settings)
    {
        EnsureWorkspace(workspace);
        using var transaction = _connection.BeginTransaction();
        using (var command = Command(
            """
            UPDATE workspaces SET fiscal_year_start_month = $fy, ramp_months = $ramp, qualification_window_days = $window,
                   history_fallback_stage = $stage, currency = $currency
            WHERE workspace_id = $ws
            """,
            workspace))
        {
            command.Parameters.Add(new DuckDBParameter("fy", settings.Calendar.FirstMonth));
            command.Parameters.Add(new DuckDBParameter("ramp", settings.RampMonths));
            command.Parameters.Add(new DuckDBParameter("window", settings.QualificationWindowDays));
            command.Parameters.Add(new DuckDBParameter("stage", settings.HistoryFallbackStage));
            command.Parameters.Add(new DuckDBParameter("currency", settings.Currency));
            command.ExecuteNonQuery();
        }

        BumpVersion(workspace, "workspaces");
        transaction.Commit();
    }

    public void Dispose() => _connection.Dispose();

    internal DuckDBCommand Command(string sql, string? workspace = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        if (workspace is not null)
        {
            command.Parameters.Add(new DuckDBParameter("ws", workspace));
        }

        return command;
    }

    internal void BumpVersion(string workspace, string table)
    {
        using var update = Command("UPDATE table_versions SET version = version + 1 WHERE workspace_id = $ws AND table_name = $t", workspace);
        update.Parameters.Add(new DuckDBParameter("t", table));
        if (update.ExecuteNonQuery() == 0)
        {
            using var insert = Command("INSERT INTO table_versions VALUES ($ws, $t, 1)", workspace);
            insert.Parameters.Add(new DuckDBParameter("t", table));
            insert.ExecuteNonQuery();
        }
    }

    private void EnsureWorkspace(string workspace)
    {
        using var command = Command(
            "INSERT INTO workspaces (workspace_id, created_at) SELECT $ws, $now WHERE NOT EXISTS (SELECT 1 FROM workspaces WHERE workspace_id = $ws)",
            workspace);
        command.Parameters.Add(new DuckDBParameter("now", _clock.GetUtcNow().UtcDateTime));
        command.ExecuteNonQuery();
    }

    private void Migrate()
    {
        using (var create = Command("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }

        // Every migration not yet recorded is applied, in order: a store that missed one (two branches' migrations
        // merged out of the order they were written in) still gets it, and a newer store than this build is refused.
        var applied = new HashSet<int>();
        using (var versions = Command("SELECT version FROM schema_migrations"))
        using (var reader = versions.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var migrations = Migration.For("DuckDb");
        if (applied.Count > 0 && applied.Max() > migrations[^1].Version)
        {
            throw new StoreException($"{Path} has schema version {applied.Max()}, newer than this bellwether knows ({migrations[^1].Version}): upgrade bellwether");
        }

        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            using var transaction = _connection.BeginTransaction();
            using (var apply = Command(migration.Sql))
            {
                apply.ExecuteNonQuery();
            }

            using (var record = Command("INSERT INTO schema_migrations VALUES ($v, $n, $at)"))
            {
                record.Parameters.Add(new DuckDBParameter("v", migration.Version));
                record.Parameters.Add(new DuckDBParameter("n", migration.Name));
                record.Parameters.Add(new DuckDBParameter("at", _clock.GetUtcNow().UtcDateTime));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>
    /// Refuses an existing file that is not a DuckDB database. DuckDB opens an existing CSV, JSON or Parquet file as an
    /// in-memory database with a view over it: every write would then vanish on exit while the import said it stored
    /// its rows. A DuckDB file says "DUCK" in bytes 8 to 11 of its header, whatever its name.
    /// </summary>
    private static void RefuseForeignFile(string path, string full)
    {
        if (!File.Exists(full))
        {
            return;
        }

        Span<byte> header = stackalloc byte[12];
        int read;
        using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header[8..12].SequenceEqual("DUCK"u8))
        {
            throw new StoreException($"{path} cannot be opened as a Bellwether store: the file exists and is not a DuckDB database (it was left as it is)");
        }
    }

    /// <summary>
    /// A second guard for the same silent loss: whatever DuckDB decides about a path (a new file named .csv is a real
    /// DuckDB file, which is fine), the store must be that file on disk, never an in-memory database.
    /// </summary>
    private static void RefuseUnlessOnDisk(string path, DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(path, '') FROM duckdb_databases() WHERE database_name = current_database()";
        if (command.ExecuteScalar() is not string file || file.Length == 0)
        {
            throw new StoreException($"{path} cannot be opened as a Bellwether store: DuckDB did not open it as a database file");
        }
    }

    /// <summary>DuckDB's lock error names the holder: "Conflicting lock is held in /usr/bin/dotnet (PID 1234)".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\(PID (\d+)\)")]
    private static partial System.Text.RegularExpressions.Regex HolderPid();

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
