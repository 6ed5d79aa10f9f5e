using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Storage.Sql;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>Reads what a workspace holds: rows and date span per table, and the import log.</summary>
internal sealed class DuckDbStatusReader(DuckDBConnection connection, string workspace, FiscalCalendar calendar)
{

    /// <summary>The column whose span describes each table's time range.</summary>
    private static readonly Dictionary<string, string> DateColumns = new(StringComparer.Ordinal)
    {
        ["reps"] = "start_date",
        ["accounts"] = "created_at",
        ["opportunities"] = "created_at",
        ["opportunity_history"] = "changed_at",
        ["leads"] = "created_at",
        ["activities"] = "occurred_at",
        ["revenue"] = "month",
        ["expenses"] = "month",
        ["engagement"] = "occurred_at",
    };

    public StoreStatus Read()
    {
        var tables = new List<TableStatus>();
        foreach (var schema in FileSchemas.All)
        {
            // Quotas and plans are keyed by period, not dated; their periods are fiscal, read with the workspace's calendar.
            if (schema.Columns.FirstOrDefault(c => c.Kind == ColumnKind.Period) is { } periodColumn)
            {
                tables.Add(PeriodTable(schema, periodColumn.Name));
                continue;
            }

            var dateColumn = DateColumns.GetValueOrDefault(schema.Table);
            var span = dateColumn is null ? "NULL, NULL" : $"CAST(min({SqlDialect.Quote(dateColumn)}) AS TIMESTAMP), CAST(max({SqlDialect.Quote(dateColumn)}) AS TIMESTAMP)";
            using var command = Command($"SELECT count(*), {span} FROM {SqlDialect.Quote(schema.Table)} WHERE workspace_id = $ws");
            using var reader = command.ExecuteReader();
            reader.Read();
            tables.Add(new TableStatus(
                schema.FileName,
                schema.Table,
                reader.GetInt64(0),
                dateColumn,
                reader.IsDBNull(1) ? null : Utc(reader.GetDateTime(1)),
                reader.IsDBNull(2) ? null : Utc(reader.GetDateTime(2))));
        }

        var imports = Imports();
        using var history = Command("SELECT count(*) FILTER (WHERE NOT derived) FROM opportunity_history WHERE workspace_id = $ws");
        var fromFiles = Convert.ToInt64(history.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new StoreStatus { Workspace = workspace, Tables = tables, Imports = imports, RecordedHistoryOnly = fromFiles == 0 };
    }

    /// <summary>Rows per table (store names) of the tables given, or of all; one query, no date spans.</summary>
    public IReadOnlyDictionary<string, long> RowCounts(IReadOnlySet<string>? tables)
    {
        var names = FileSchemas.All.Select(s => s.Table).Where(t => tables is null || tables.Contains(t)).ToList();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            return rows;
        }

        using var command = Command(string.Join(
            " UNION ALL ",
            names.Select(t => $"SELECT '{t}', count(*) FROM {SqlDialect.Quote(t)} WHERE workspace_id = $ws")));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    /// <summary>The import log, oldest first.</summary>
    public IReadOnlyList<ImportLogEntry> Imports()
    {
        var imports = new List<ImportLogEntry>();
        using var command = Command("SELECT import_id, started_at, finished_at, source, preset, as_of FROM imports WHERE workspace_id = $ws ORDER BY import_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            imports.Add(new ImportLogEntry(
                reader.GetInt64(0),
                Utc(reader.GetDateTime(1)),
                Utc(reader.GetDateTime(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Utc(reader.GetDateTime(5))));
        }

        return imports;
    }

    private TableStatus PeriodTable(FileSchema schema, string periodColumn)
    {
        var rows = 0L;
        Period? first = null;
        Period? last = null;
        using var command = Command($"SELECT {SqlDialect.Quote(periodColumn)}, count(*) FROM {SqlDialect.Quote(schema.Table)} WHERE workspace_id = $ws GROUP BY 1");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows += reader.GetInt64(1);
            if (!calendar.TryParse(reader.GetString(0), out var period))
            {
                // Import refuses a period that does not parse, so none should be here; one would say nothing of the range.
                continue;
            }

            if (first is not { } f || period.Start < f.Start || (period.Start == f.Start && period.End < f.End))
            {
                first = period;
            }

            if (last is not { } l || period.End > l.End || (period.End == l.End && period.Start > l.Start))
            {
                last = period;
            }
        }

        return new TableStatus(schema.FileName, schema.Table, rows, periodColumn, null, null, first?.Label, last?.Label);
    }

    private DuckDBCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("ws", workspace));
        return command;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
