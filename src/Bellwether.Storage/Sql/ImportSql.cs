using Bellwether.Core.Import;

namespace Bellwether.Storage.Sql;

/// <summary>
/// The SQL of an import, written once in standard SQL from a file's <see cref="FileSchema"/>: staging tables, the
/// set-wide checks, and the merge. A staging table has the file's columns plus <c>_file</c> and <c>_line</c> (where
/// each row came from) and <c>attributes</c>. Keys compare with IS NOT DISTINCT FROM, because some key columns may be
/// empty (an expense's team).
/// </summary>
public sealed class ImportSql(SqlDialect dialect)
{
    private static string Q(string identifier) => SqlDialect.Quote(identifier);

    private string Ws => dialect.Parameter("ws");

    public static string Staging(FileSchema schema) => "stg_" + schema.Table;

    public string CreateStaging(FileSchema schema) =>
        $"CREATE TEMP TABLE {Staging(schema)} (_file INTEGER NOT NULL, _line INTEGER NOT NULL, "
        + string.Join(", ", schema.Columns.Select(c => $"{Q(c.Name)} {dialect.TypeOf(c.Kind)}"))
        + ", attributes VARCHAR)";

    public static string DropStaging(FileSchema schema) => $"DROP TABLE IF EXISTS {Staging(schema)}";

    /// <summary>Rows whose key an earlier row of the same file has: (_file, _line, key as text, first line).</summary>
    public static string Duplicates(FileSchema schema)
    {
        var keys = string.Join(", ", schema.Key.Select(Q));
        var keyText = schema.Key.Count == 1
            ? $"CAST({Q(schema.Key[0])} AS VARCHAR)"
            : string.Join(" || ', ' || ", schema.Key.Select(k => $"COALESCE(CAST({Q(k)} AS VARCHAR), '')"));
        return $"""
            SELECT _file, _line, key_text, first_line FROM (
                SELECT _file, _line, {keyText} AS key_text,
                       min(_line) OVER (PARTITION BY {keys}) AS first_line,
                       row_number() OVER (PARTITION BY {keys} ORDER BY _file, _line) AS rn
                FROM {Staging(schema)}) d
            WHERE rn > 1
            ORDER BY _file, _line
            """;
    }

    /// <summary>Rows naming a key of <paramref name="target"/> that neither the import nor the store has.</summary>
    public string UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target, bool targetStaged)
    {
        var col = $"s.{Q(column.Name)}";
        var targetKey = Q(target.Key[0]);
        var except = column.ReferenceUnless.Count == 0
            ? ""
            : $" AND lower({col}) NOT IN ({string.Join(", ", column.ReferenceUnless.Select(v => $"'{v}'"))})";
        var inImport = targetStaged ? $" AND NOT EXISTS (SELECT 1 FROM {Staging(target)} t WHERE t.{targetKey} = {col})" : "";
        return $"""
            SELECT s._file, s._line, {col} FROM {Staging(schema)} s
            WHERE {col} IS NOT NULL{except}{inImport}
              AND NOT EXISTS (SELECT 1 FROM {Q(target.Table)} m WHERE m.workspace_id = {Ws} AND m.{targetKey} = {col})
            ORDER BY s._file, s._line
            """;
    }

    private static string KeyMatch(FileSchema schema, string left, string right) =>
        string.Join(" AND ", schema.Key.Select(k => $"{left}.{Q(k)} IS NOT DISTINCT FROM {right}.{Q(k)}"));

    private static string AllEqual(FileSchema schema, string left, string right) =>
        string.Join(" AND ", schema.Columns.Select(c => c.Name).Append("attributes").Select(c => $"{left}.{Q(c)} IS NOT DISTINCT FROM {right}.{Q(c)}"));

    /// <summary>Counts of staged rows that are new, changed and unchanged against the store: (kind, n).</summary>
    public string ClassifyCounts(FileSchema schema) => $"""
        SELECT CASE WHEN m.workspace_id IS NULL THEN 'new' WHEN {AllEqual(schema, "s", "m")} THEN 'same' ELSE 'changed' END AS kind, count(*) AS n
        FROM {Staging(schema)} s LEFT JOIN {Q(schema.Table)} m ON m.workspace_id = {Ws} AND {KeyMatch(schema, "s", "m")}
        GROUP BY 1
        """;

    /// <summary>Stored rows of the file that the import does not list.</summary>
    public string CountAbsent(FileSchema schema) => $"""
        SELECT count(*) FROM {Q(schema.Table)} m
        WHERE m.workspace_id = {Ws} AND NOT EXISTS (SELECT 1 FROM {Staging(schema)} s WHERE {KeyMatch(schema, "s", "m")})
        """;

    /// <summary>Deletes stored rows that a staged row changes; the insert that follows writes their new state.</summary>
    public string DeleteChanged(FileSchema schema) => $"""
        DELETE FROM {Q(schema.Table)} m
        WHERE m.workspace_id = {Ws}
          AND EXISTS (SELECT 1 FROM {Staging(schema)} s WHERE {KeyMatch(schema, "s", "m")} AND NOT ({AllEqual(schema, "s", "m")}))
        """;

    /// <summary>Inserts every staged row: for a table that holds nothing of the workspace yet, no comparison is needed.</summary>
    public string InsertAll(FileSchema schema) => Insert(schema, "");

    /// <summary>Inserts staged rows that the store does not have (new ones, and changed ones just deleted).</summary>
    public string InsertMissing(FileSchema schema) =>
        Insert(schema, $"WHERE NOT EXISTS (SELECT 1 FROM {Q(schema.Table)} m WHERE m.workspace_id = {Ws} AND {KeyMatch(schema, "s", "m")})");

    private string Insert(FileSchema schema, string where)
    {
        var columns = string.Join(", ", schema.Columns.Select(c => Q(c.Name)).Append("attributes"));
        var selected = string.Join(", ", schema.Columns.Select(c => "s." + Q(c.Name)).Append("s.attributes"));
        return $"INSERT INTO {Q(schema.Table)} (workspace_id, {columns}) SELECT {Ws}, {selected} FROM {Staging(schema)} s {where}";
    }

    /// <summary>
    /// The staged deals whose history an import without a history file records: those the store does not have yet,
    /// and those whose stage, status, amount or expected close date differ from the store's.
    /// </summary>
    private string DealsToRecord()
    {
        var s = Staging(FileSchemas.Opportunities);
        return $"""
            SELECT s.* FROM {s} s LEFT JOIN opportunities m ON m.workspace_id = {Ws} AND m.opportunity_id = s.opportunity_id
            WHERE m.opportunity_id IS NULL
               OR m.stage IS DISTINCT FROM s.stage OR m.status IS DISTINCT FROM s.status
               OR m.amount IS DISTINCT FROM s.amount OR m.expected_close_date IS DISTINCT FROM s.expected_close_date
            """;
    }

    /// <summary>
    /// Replaces recorded rows at the export's own instant: an export with the same instant as the last one but other
    /// values is a later reading of the same moment.
    /// </summary>
    public string DeleteRecordedHistoryAtAsOf() => $"""
        DELETE FROM opportunity_history h
        WHERE h.workspace_id = {Ws} AND h.derived AND h.changed_at = {dialect.Parameter("as_of")}
          AND h.opportunity_id IN (SELECT opportunity_id FROM ({DealsToRecord()}) d)
        """;

    /// <summary>
    /// History rows recorded by comparison (no history file in the import): each deal of <see cref="DealsToRecord"/>
    /// gets a row with its new state, dated with the export's instant. Run before the deals themselves are merged.
    /// </summary>
    public string InsertRecordedHistory() => $"""
        INSERT INTO opportunity_history (workspace_id, opportunity_id, changed_at, stage, status, amount, expected_close_date, forecast_category, derived)
        SELECT {Ws}, d.opportunity_id, {dialect.Parameter("as_of")}, d.stage, d.status, d.amount, d.expected_close_date, d.forecast_category, true
        FROM ({DealsToRecord()}) d
        WHERE NOT EXISTS (SELECT 1 FROM opportunity_history h
                          WHERE h.workspace_id = {Ws} AND h.opportunity_id = d.opportunity_id AND h.changed_at = {dialect.Parameter("as_of")})
        """;

    /// <summary>Accounts for ids the staged rows name that no stored account has (imports without accounts.csv).</summary>
    public string InsertDerivedAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references)
    {
        var ids = string.Join(" UNION ", references.Select(r => $"SELECT {Q(r.Column.Name)} AS id FROM {Staging(r.Schema)}"));
        return $"""
            INSERT INTO {Staging(FileSchemas.Accounts)} (_file, _line, account_id, name, vertical)
            SELECT DISTINCT -1, 0, id, id, 'unknown' FROM ({ids}) r
            WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts m WHERE m.workspace_id = {Ws} AND m.account_id = r.id)
            """;
    }
}
