using Bellwether.Core.Import;

namespace Bellwether.Storage.Sql;

/// <summary>
/// The SQL of an import, written once in standard SQL from a file's <see cref="FileSchema"/>: staging tables, the
/// set-wide checks, and the merge. A staging table has the file's columns plus <c>_file</c> and <c>_line</c> (where
/// each row came from), <c>attributes</c>, and <c>_rejected</c> and <c>_key_read</c>: rows rejected by a check are
/// staged too (their bad cells null) so that their keys and references are checked and rows naming them are told so,
/// and they are deleted before the merge. Keys compare with IS NOT DISTINCT FROM, because some key columns may be
/// empty (an expense's team). A file whose key is optional (<see cref="FileSchema.OptionalKey"/>: engagement.csv's
/// event_id) matches rows with the id by it, and rows without by every value and their occurrence among identical rows.
/// </summary>
public sealed class ImportSql(SqlDialect dialect)
{
    private static string Q(string identifier) => SqlDialect.Quote(identifier);

    private string Ws => dialect.Parameter("ws");

    public static string Staging(FileSchema schema) => "stg_" + schema.Table;

    public string CreateStaging(FileSchema schema) =>
        $"CREATE TEMP TABLE {Staging(schema)} (_file INTEGER NOT NULL, _line INTEGER NOT NULL, "
        + string.Join(", ", schema.Columns.Select(c => $"{Q(c.Name)} {dialect.TypeOf(c.Kind)}"))
        + ", attributes VARCHAR, _rejected BOOLEAN NOT NULL DEFAULT false, _key_read BOOLEAN NOT NULL DEFAULT true)";

    public static string DropStaging(FileSchema schema) => $"DROP TABLE IF EXISTS {Staging(schema)}";

    /// <summary>
    /// Rows, rejected ones with a key included, whose key an earlier row of the same file has:
    /// (_file, _line, key as text, first row's _file, first row's _line).
    /// </summary>
    public static string Duplicates(FileSchema schema)
    {
        var keys = string.Join(", ", schema.Key.Select(Q));
        var keyText = schema.Key.Count == 1
            ? KeyText(schema, schema.Key[0])
            : string.Join(" || ', ' || ", schema.Key.Select(k => $"COALESCE({KeyText(schema, k)}, '')"));
        return $"""
            SELECT _file, _line, key_text, first_file, first_line FROM (
                SELECT _file, _line, {keyText} AS key_text,
                       first_value(_file) OVER w AS first_file,
                       first_value(_line) OVER w AS first_line,
                       row_number() OVER w AS rn
                FROM {Staging(schema)}
                WHERE _key_read{(schema.OptionalKey ? $" AND {Q(schema.Key[0])} IS NOT NULL" : "")}
                WINDOW w AS (PARTITION BY {keys} ORDER BY _file, _line)) d
            WHERE rn > 1
            ORDER BY _file, _line
            """;
    }

    /// <summary>
    /// A key value as the files write it: a month as 2025-03 (it is stored as its first day) and an instant as
    /// 2025-03-31T14:05:00Z, as the other errors write instants.
    /// </summary>
    private static string KeyText(FileSchema schema, string column) => schema.Column(column).Kind switch
    {
        ColumnKind.Month => $"substr(CAST({Q(column)} AS VARCHAR), 1, 7)",
        ColumnKind.Instant => $"replace(CAST({Q(column)} AS VARCHAR), ' ', 'T') || 'Z'",
        _ => $"CAST({Q(column)} AS VARCHAR)",
    };

    /// <summary>
    /// Rows, rejected ones included, naming a key of <paramref name="target"/> that neither the import's valid rows
    /// nor the store have: (_file, _line, value, and the _file and _line of the first rejected row of
    /// <paramref name="target"/> with that key, or nulls).
    /// </summary>
    public string UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target, bool targetStaged)
    {
        var col = $"s.{Q(column.Name)}";
        var targetKey = Q(target.Key[0]);
        var except = column.ReferenceUnless.Count == 0
            ? ""
            : $" AND lower({col}) NOT IN ({string.Join(", ", column.ReferenceUnless.Select(v => $"'{v}'"))})";
        var inImport = targetStaged ? $" AND NOT EXISTS (SELECT 1 FROM {Staging(target)} t WHERE NOT t._rejected AND t.{targetKey} = {col})" : "";
        var rejected = targetStaged
            ? $"""
              LEFT JOIN (SELECT t.{targetKey} AS id, t._file, t._line, row_number() OVER (PARTITION BY t.{targetKey} ORDER BY t._file, t._line) AS rn
                         FROM {Staging(target)} t WHERE t._rejected) r ON r.id = {col} AND r.rn = 1
              """
            : "";
        var rejectedRow = targetStaged ? "r._file, r._line" : "CAST(NULL AS INTEGER), CAST(NULL AS INTEGER)";
        return $"""
            SELECT s._file, s._line, {col}, {rejectedRow} FROM {Staging(schema)} s
            {rejected}
            WHERE {col} IS NOT NULL{except}{inImport}
              AND NOT EXISTS (SELECT 1 FROM {Q(target.Table)} m WHERE m.workspace_id = {Ws} AND m.{targetKey} = {col})
            ORDER BY s._file, s._line
            """;
    }

    /// <summary>Marks the staged rows listed in <c>rejected_rows</c> rejected.</summary>
    public static string MarkRejected(FileSchema schema) =>
        $"UPDATE {Staging(schema)} SET _rejected = true WHERE EXISTS (SELECT 1 FROM rejected_rows r WHERE r._file = {Staging(schema)}._file AND r._line = {Staging(schema)}._line)";

    /// <summary>Deletes the rejected rows before the merge: what is left is exactly what is stored.</summary>
    public static string DeleteRejected(FileSchema schema) => $"DELETE FROM {Staging(schema)} WHERE _rejected";

    /// <summary>
    /// Numbers the staged rows without a key of a file whose key is optional: the n-th of a set of identical rows (every
    /// value and the attributes equal, in file and line order) gets occurrence n, and is the same event as the stored
    /// row with the same values and occurrence. Run on the rows to be stored, after the rejected ones are deleted.
    /// </summary>
    public static string NumberOccurrences(FileSchema schema)
    {
        var staging = Staging(schema);
        var values = string.Join(", ", ValueColumns(schema).Select(Q));
        return $"""
            ALTER TABLE {staging} ADD COLUMN {Q(FileSchema.OccurrenceColumn)} BIGINT;
            UPDATE {staging} SET {Q(FileSchema.OccurrenceColumn)} = o.n
            FROM (SELECT _file, _line, row_number() OVER (PARTITION BY {values} ORDER BY _file, _line) AS n
                  FROM {staging} WHERE {Q(schema.Key[0])} IS NULL) o
            WHERE {staging}._file = o._file AND {staging}._line = o._line
            """;
    }

    /// <summary>Every column of a file with an optional key but the key, and the attributes: what makes two rows identical.</summary>
    private static IEnumerable<string> ValueColumns(FileSchema schema) =>
        schema.Columns.Select(c => c.Name).Where(c => c != schema.Key[0]).Append("attributes");

    /// <summary>
    /// How a staged row and a stored row are the same row: for most files one match, on the key; for a file whose key
    /// is optional two, each for its own staged rows — by the id where the row has one, else by every value and the
    /// occurrence. Each is a conjunction of equalities, never OR-ed inside a join, so that staged and stored rows are
    /// always compared by hash joins.
    /// </summary>
    private static IReadOnlyList<KeyMatch> Matches(FileSchema schema, string staged, string stored)
    {
        if (!schema.OptionalKey)
        {
            return [new KeyMatch("true", Equal(schema.Key, staged, stored))];
        }

        var id = Q(schema.Key[0]);
        return
        [
            new KeyMatch($"{staged}.{id} IS NOT NULL", $"{staged}.{id} = {stored}.{id}"),
            new KeyMatch($"{staged}.{id} IS NULL", $"{stored}.{id} IS NULL AND {Equal([.. ValueColumns(schema), FileSchema.OccurrenceColumn], staged, stored)}"),
        ];
    }

    private static string Equal(IEnumerable<string> columns, string left, string right) =>
        string.Join(" AND ", columns.Select(k => $"{left}.{Q(k)} IS NOT DISTINCT FROM {right}.{Q(k)}"));

    /// <summary>A way staged rows match stored ones: which staged rows it is for, and the condition.</summary>
    private readonly record struct KeyMatch(string StagedRows, string Condition);

    private static string AllEqual(FileSchema schema, string left, string right) =>
        string.Join(" AND ", schema.Columns.Select(c => c.Name).Append("attributes").Select(c => $"{left}.{Q(c)} IS NOT DISTINCT FROM {right}.{Q(c)}"));

    /// <summary>Counts of staged rows that are new, changed and unchanged against the store: (kind, n).</summary>
    public string ClassifyCounts(FileSchema schema)
    {
        var parts = Matches(schema, "s", "m").Select(k => $"""
            SELECT CASE WHEN m.workspace_id IS NULL THEN 'new' WHEN {AllEqual(schema, "s", "m")} THEN 'same' ELSE 'changed' END AS kind, count(*) AS n
            FROM {Staging(schema)} s LEFT JOIN {Q(schema.Table)} m ON m.workspace_id = {Ws} AND {k.Condition}
            WHERE {k.StagedRows}
            GROUP BY 1
            """);
        return $"SELECT kind, CAST(sum(n) AS BIGINT) AS n FROM ({string.Join("\nUNION ALL\n", parts)}) c GROUP BY kind";
    }

    /// <summary>Stored rows of the file that the import does not list.</summary>
    public string CountAbsent(FileSchema schema) => $"""
        SELECT count(*) FROM {Q(schema.Table)} m
        WHERE m.workspace_id = {Ws}
          AND {string.Join(" AND ", Matches(schema, "s", "m").Select(k => $"NOT EXISTS (SELECT 1 FROM {Staging(schema)} s WHERE {k.StagedRows} AND {k.Condition})"))}
        """;

    /// <summary>Deletes stored rows that a staged row changes; the insert that follows writes their new state.</summary>
    public string DeleteChanged(FileSchema schema) => $"""
        DELETE FROM {Q(schema.Table)} m
        WHERE m.workspace_id = {Ws}
          AND ({string.Join(" OR ", Matches(schema, "s", "m").Select(k => $"EXISTS (SELECT 1 FROM {Staging(schema)} s WHERE {k.StagedRows} AND {k.Condition} AND NOT ({AllEqual(schema, "s", "m")}))"))})
        """;

    /// <summary>Inserts every staged row: for a table that holds nothing of the workspace yet, no comparison is needed.</summary>
    public string InsertAll(FileSchema schema) => Insert(schema, "");

    /// <summary>Inserts staged rows that the store does not have (new ones, and changed ones just deleted).</summary>
    public string InsertMissing(FileSchema schema) => Insert(
        schema,
        "WHERE " + string.Join(" OR ", Matches(schema, "s", "m").Select(k => $"({k.StagedRows} AND NOT EXISTS (SELECT 1 FROM {Q(schema.Table)} m WHERE m.workspace_id = {Ws} AND {k.Condition}))")));

    private string Insert(FileSchema schema, string where)
    {
        var stored = schema.Columns.Select(c => c.Name).Append("attributes").Concat(schema.OptionalKey ? [FileSchema.OccurrenceColumn] : []).ToList();
        var columns = string.Join(", ", stored.Select(Q));
        var selected = string.Join(", ", stored.Select(c => "s." + Q(c)));
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

    /// <summary>
    /// The plan log's entries for an import of plans.csv, run before the plans are merged (it compares the staged plans
    /// with the stored ones): a row for every staged plan that is new or whose target or owner differ from the store's,
    /// with the stored terms as before and the staged ones as after. A key the log has never seen is recorded as known
    /// from the start (changed_at NULL: plans.csv has no date); any other change at the import's as-of instant. Plans
    /// the file leaves out are kept, as the importer keeps absent rows, so they get no entry.
    /// </summary>
    public string InsertPlanChanges()
    {
        var s = Staging(FileSchemas.Plans);
        var asOf = dialect.Parameter("as_of");
        return $"""
            INSERT INTO plan_changes (workspace_id, seq, pillar, metric, period, slice, target_before, owner_before, target_after, owner_after, changed_by, changed_at, source, import_id)
            SELECT {Ws},
                   (SELECT coalesce(max(seq), 0) FROM plan_changes WHERE workspace_id = {Ws})
                       + row_number() OVER (ORDER BY s.pillar, s.metric, s.period, coalesce(s.slice, '')),
                   s.pillar, s.metric, s.period, coalesce(s.slice, ''), m.target, m.owner, s.target, s.owner, 'import',
                   CASE WHEN m.workspace_id IS NULL AND NOT EXISTS (
                            SELECT 1 FROM plan_changes c
                            WHERE c.workspace_id = {Ws} AND c.pillar = s.pillar AND c.metric = s.metric AND c.period = s.period
                              AND c.slice = coalesce(s.slice, ''))
                        THEN NULL ELSE {asOf} END,
                   'import', {dialect.Parameter("import_id")}
            FROM {s} s LEFT JOIN plans m ON m.workspace_id = {Ws} AND {Equal(FileSchemas.Plans.Key, "s", "m")}
            WHERE m.workspace_id IS NULL OR m.target IS DISTINCT FROM s.target OR m.owner IS DISTINCT FROM s.owner
            """;
    }

    /// <summary>Accounts for ids the staged rows name that no stored account has (imports without accounts.csv).</summary>
    public string InsertDerivedAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references)
    {
        var ids = string.Join(" UNION ", references.Select(r => $"SELECT {Q(r.Column.Name)} AS id FROM {Staging(r.Schema)} WHERE NOT _rejected"));
        return $"""
            INSERT INTO {Staging(FileSchemas.Accounts)} (_file, _line, account_id, name, vertical)
            SELECT DISTINCT -1, 0, id, id, 'unknown' FROM ({ids}) r
            WHERE id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM accounts m WHERE m.workspace_id = {Ws} AND m.account_id = r.id)
            """;
    }
}
