using System.Text.Json;
using Bellwether.Core.Import;
using Bellwether.Storage.Sql;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>
/// An import into the DuckDB file. Rows are staged in temporary tables, which belong to this connection only and
/// vanish with it, so an import that fails or is killed leaves nothing behind; <see cref="Commit"/> merges them into
/// the store in one transaction.
/// </summary>
internal sealed class DuckDbImportSession : IImportSession
{
    private static readonly ImportSql Sql = new(DuckDbDialect.Instance);

    private readonly DuckDbStore _store;
    private readonly string _workspace;
    private readonly TimeProvider _clock;
    private readonly HashSet<FileSchema> _staged = [];
    private bool _committed;

    public DuckDbImportSession(DuckDbStore store, string workspace, TimeProvider clock)
    {
        _store = store;
        _workspace = workspace;
        _clock = clock;
        foreach (var schema in FileSchemas.All)
        {
            Execute(ImportSql.DropStaging(schema));
        }
    }

    public bool StoreHas(FileSchema schema)
    {
        using var command = _store.Command($"SELECT EXISTS (SELECT 1 FROM {SqlDialect.Quote(schema.Table)} WHERE workspace_id = $ws)", _workspace);
        return (bool)command.ExecuteScalar()!;
    }

    public StoredFingerprint? Fingerprint(FileSchema schema)
    {
        // Only while the table is at the version that import left it: any later writer makes the file worth reading.
        using var command = _store.Command(
            """
            SELECT f.fingerprint, f.newest_at, f.row_count, f.import_id
            FROM import_fingerprints f
            LEFT JOIN table_versions v ON v.workspace_id = f.workspace_id AND v.table_name = f.table_name
            WHERE f.workspace_id = $ws AND f.table_name = $t AND f.table_version = coalesce(v.version, 0)
            """,
            _workspace);
        command.Parameters.Add(new DuckDBParameter("t", schema.Table));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredFingerprint(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1).Ticks, reader.GetInt64(2), reader.GetInt64(3))
            : null;
    }

    public IStagingWriter Stage(FileSchema schema)
    {
        EnsureStaging(schema);
        return new DuckDbStagingWriter(_store.Connection.CreateAppender("temp", "main", ImportSql.Staging(schema)), schema);
    }

    public IReadOnlyList<StagedProblem> Duplicates(FileSchema schema)
    {
        using var command = _store.Command(ImportSql.Duplicates(schema));
        using var reader = command.ExecuteReader();
        var problems = new List<StagedProblem>();
        while (reader.Read())
        {
            problems.Add(new StagedProblem(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? "" : reader.GetString(2), new SourceLine(reader.GetInt32(3), reader.GetInt32(4))));
        }

        return problems;
    }

    public IReadOnlyList<StagedProblem> UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target)
    {
        using var command = _store.Command(Sql.UnknownReferences(schema, column, target, _staged.Contains(target)), _workspace);
        using var reader = command.ExecuteReader();
        var problems = new List<StagedProblem>();
        while (reader.Read())
        {
            var rejected = reader.IsDBNull(3) ? (SourceLine?)null : new SourceLine(reader.GetInt32(3), reader.GetInt32(4));
            problems.Add(new StagedProblem(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), rejected));
        }

        return problems;
    }

    public void Reject(FileSchema schema, IReadOnlyCollection<(int File, int Line)> rows)
    {
        Execute("DROP TABLE IF EXISTS rejected_rows; CREATE TEMP TABLE rejected_rows (_file INTEGER, _line INTEGER)");
        using (var appender = _store.Connection.CreateAppender("temp", "main", "rejected_rows"))
        {
            foreach (var (file, line) in rows)
            {
                appender.CreateRow().AppendValue((int?)file).AppendValue((int?)line).EndRow();
            }
        }

        Execute(ImportSql.MarkRejected(schema));
        Execute("DROP TABLE rejected_rows");
    }

    public int DeriveAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references)
    {
        var staged = references.Where(r => _staged.Contains(r.Schema)).ToList();
        if (staged.Count == 0)
        {
            return 0;
        }

        EnsureStaging(FileSchemas.Accounts);
        using var command = _store.Command(Sql.InsertDerivedAccounts(staged), _workspace);
        return command.ExecuteNonQuery();
    }

    public CommitResult Commit(CommitRequest request, Action<string>? afterTable = null)
    {
        if (_committed)
        {
            throw new InvalidOperationException("An import session commits once.");
        }

        foreach (var schema in _staged)
        {
            Execute(ImportSql.DeleteRejected(schema));
            if (schema.OptionalKey)
            {
                Execute(ImportSql.NumberOccurrences(schema));
            }
        }

        var counts = new Dictionary<string, TableCounts>(StringComparer.Ordinal);
        long derivedHistory = 0;
        using var transaction = _store.Connection.BeginTransaction();
        var importId = NextImportId();
        foreach (var schema in FileSchemas.All.Where(_staged.Contains))
        {
            if (schema == FileSchemas.Opportunities && !request.HistoryInImport)
            {
                // Before the deals are merged: the comparison needs the stored deals as they were.
                derivedHistory = RecordHistory(request.AsOf);
            }

            if (schema == FileSchemas.Plans)
            {
                // Likewise before the plans are merged: the log's "before" is the stored plan.
                RecordPlanChanges(request.AsOf, importId);
            }

            counts[schema.Table] = Merge(schema, request);
            afterTable?.Invoke(schema.Table);
        }

        if (derivedHistory > 0)
        {
            var history = counts.GetValueOrDefault(FileSchemas.OpportunityHistory.Table) ?? new TableCounts();
            counts[FileSchemas.OpportunityHistory.Table] = history with { Derived = derivedHistory };
        }

        foreach (var table in counts.Where(kv => kv.Value.Inserted + kv.Value.Updated + kv.Value.Derived > 0).Select(kv => kv.Key))
        {
            _store.BumpVersion(_workspace, table);
        }

        if (request.HistoryFallbackStage is { } stage)
        {
            using var command = _store.Command("UPDATE workspaces SET history_fallback_stage = $stage WHERE workspace_id = $ws AND history_fallback_stage <> $stage", _workspace);
            command.Parameters.Add(new DuckDBParameter("stage", stage));
            if (command.ExecuteNonQuery() > 0)
            {
                _store.BumpVersion(_workspace, "workspaces");
            }
        }

        LogImport(request, counts, importId);
        RememberFingerprints(request.Fingerprints, importId);
        transaction.Commit();
        _committed = true;
        return new CommitResult(importId, counts);
    }

    public void Dispose()
    {
        foreach (var schema in _staged)
        {
            Execute(ImportSql.DropStaging(schema));
        }

        _staged.Clear();
    }

    private TableCounts Merge(FileSchema schema, CommitRequest request)
    {
        long inserted = 0, changed = 0, same = 0, absent = 0;
        if (!StoreHas(schema))
        {
            // First rows of this table for the workspace: everything is new.
            using var count = _store.Command($"SELECT count(*) FROM {ImportSql.Staging(schema)}");
            inserted = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            Execute(Sql.InsertAll(schema), _workspace);
            return Counts(schema, request, inserted, 0, 0, 0);
        }

        using (var classify = _store.Command(Sql.ClassifyCounts(schema), _workspace))
        using (var reader = classify.ExecuteReader())
        {
            while (reader.Read())
            {
                var n = reader.GetInt64(1);
                switch (reader.GetString(0))
                {
                    case "new": inserted = n; break;
                    case "same": same = n; break;
                    default: changed = n; break;
                }
            }
        }

        if (schema.TracksAbsent && request.FilesGiven.Contains(schema.FileName))
        {
            using var command = _store.Command(Sql.CountAbsent(schema), _workspace);
            absent = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (changed > 0)
        {
            Execute(Sql.DeleteChanged(schema), _workspace);
        }

        if (inserted + changed > 0)
        {
            Execute(Sql.InsertMissing(schema), _workspace);
        }

        return Counts(schema, request, inserted, changed, same, absent);
    }

    private static TableCounts Counts(FileSchema schema, CommitRequest request, long inserted, long changed, long same, long absent)
    {
        // Rows of a file the import did not have (accounts named by other files) were made by the import.
        var made = !request.FilesGiven.Contains(schema.FileName);
        return new TableCounts
        {
            Inserted = made ? 0 : inserted,
            Updated = changed,
            Unchanged = same,
            Absent = absent,
            Derived = made ? inserted : 0,
        };
    }

    private long RecordHistory(DateTimeOffset asOf)
    {
        using (var delete = _store.Command(Sql.DeleteRecordedHistoryAtAsOf(), _workspace))
        {
            delete.Parameters.Add(new DuckDBParameter("as_of", asOf.UtcDateTime));
            delete.ExecuteNonQuery();
        }

        using var insert = _store.Command(Sql.InsertRecordedHistory(), _workspace);
        insert.Parameters.Add(new DuckDBParameter("as_of", asOf.UtcDateTime));
        return insert.ExecuteNonQuery();
    }

    private long NextImportId()
    {
        using var next = _store.Command("SELECT coalesce(max(import_id), 0) + 1 FROM imports WHERE workspace_id = $ws", _workspace);
        return Convert.ToInt64(next.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void RecordPlanChanges(DateTimeOffset asOf, long importId)
    {
        using var insert = _store.Command(Sql.InsertPlanChanges(), _workspace);
        insert.Parameters.Add(new DuckDBParameter("as_of", asOf.UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("import_id", importId));
        insert.ExecuteNonQuery();
    }

    private void LogImport(CommitRequest request, Dictionary<string, TableCounts> counts, long id)
    {
        using var insert = _store.Command("INSERT INTO imports VALUES ($ws, $id, $started, $finished, $source, $preset, $as_of, $summary)", _workspace);
        insert.Parameters.Add(new DuckDBParameter("id", id));
        insert.Parameters.Add(new DuckDBParameter("started", request.StartedAt.UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("finished", _clock.GetUtcNow().UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("source", request.Source));
        insert.Parameters.Add(new DuckDBParameter("preset", (object?)request.Preset ?? DBNull.Value));
        insert.Parameters.Add(new DuckDBParameter("as_of", request.AsOf.UtcDateTime));
        insert.Parameters.Add(new DuckDBParameter("summary", request.SummaryJson ?? JsonSerializer.Serialize(counts)));
        insert.ExecuteNonQuery();
    }

    /// <summary>After the versions are bumped, so that each fingerprint holds the version this import leaves its table at.</summary>
    private void RememberFingerprints(IReadOnlyList<TableFingerprint> fingerprints, long importId)
    {
        foreach (var table in fingerprints)
        {
            using var delete = _store.Command("DELETE FROM import_fingerprints WHERE workspace_id = $ws AND table_name = $t", _workspace);
            delete.Parameters.Add(new DuckDBParameter("t", table.Schema.Table));
            delete.ExecuteNonQuery();
            if (table.Value is null)
            {
                continue;
            }

            using var insert = _store.Command(
                """
                INSERT INTO import_fingerprints
                SELECT $ws, $t, $fingerprint, $newest, $rows, coalesce((SELECT version FROM table_versions WHERE workspace_id = $ws AND table_name = $t), 0), $import
                """,
                _workspace);
            insert.Parameters.Add(new DuckDBParameter("t", table.Schema.Table));
            insert.Parameters.Add(new DuckDBParameter("fingerprint", table.Value));
            insert.Parameters.Add(new DuckDBParameter("newest", table.NewestTicks is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : DBNull.Value));
            insert.Parameters.Add(new DuckDBParameter("rows", table.Rows));
            insert.Parameters.Add(new DuckDBParameter("import", importId));
            insert.ExecuteNonQuery();
        }
    }

    private void EnsureStaging(FileSchema schema)
    {
        if (_staged.Add(schema))
        {
            Execute(Sql.CreateStaging(schema));
        }
    }

    private void Execute(string sql, string? workspace = null)
    {
        using var command = _store.Command(sql, workspace);
        command.ExecuteNonQuery();
    }
}
