namespace Bellwether.Core.Import;

/// <summary>
/// One file of the folder format (data-format.md): its columns, the key that makes a row unique (and is the upsert
/// key on a later import), and the rules that tie a row's columns together. The store's table has the same columns.
/// </summary>
public sealed record FileSchema
{
    public required string FileName { get; init; }

    /// <summary>The store's table for this file.</summary>
    public required string Table { get; init; }

    public required IReadOnlyList<ColumnSpec> Columns { get; init; }

    /// <summary>Columns whose values together identify a row.</summary>
    public required IReadOnlyList<string> Key { get; init; }

    /// <summary>
    /// Whether rows may leave the <see cref="Key"/> (a single id column) empty: the file's rows are events, and two
    /// identical rows are two events (engagement.csv: two meetings logged in the same minute). A row with the id is
    /// matched by it; a row without is matched by all its values and its <see cref="OccurrenceColumn"/>, its place
    /// among the identical rows of its import, so the n-th of a set of identical rows is the same event as the n-th
    /// identical row of a later export.
    /// </summary>
    public bool OptionalKey { get; init; }

    /// <summary>The stored column that numbers identical rows without a key (1, 2, …) in a file with <see cref="OptionalKey"/>.</summary>
    public const string OccurrenceColumn = "occurrence";

    /// <summary>Whether a workspace needs this file (reps and opportunities).</summary>
    public bool Required { get; init; }

    /// <summary>
    /// Whether a row missing from a later export is reported as absent (files of things with identities: deals,
    /// leads, accounts, reps). Such rows are kept, never deleted silently.
    /// </summary>
    public bool TracksAbsent { get; init; }

    /// <summary>Cross-column rules, run on a row whose cells all parsed.</summary>
    public RowRule? Rule { get; init; }

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public ColumnSpec Column(string name) => Columns[IndexOf(name)];
}

/// <summary>A cross-column rule: reports each problem through <paramref name="report"/> as (column, reason); the report shows the column's value as written.</summary>
public delegate void RowRule(ReadOnlySpan<Cell> cells, FileSchema schema, Action<string, string> report);
