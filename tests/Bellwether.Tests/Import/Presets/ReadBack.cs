using Bellwether.Core.Import;

namespace Bellwether.Tests.Import.Presets;

/// <summary>
/// Reads every row of an <see cref="ImportSource"/> the way an import does, without a store: each row through
/// <see cref="RowReader"/>, then the checks an import makes across rows (duplicate keys, references between the
/// tables read). Keeps each row's values by canonical column, as the source produced them, with where it came from.
/// </summary>
internal sealed class ReadBack
{
    private ReadBack(ImportSource source)
    {
        Source = source;
    }

    public ImportSource Source { get; }

    public ImportErrors Errors { get; } = new(int.MaxValue);

    public Dictionary<string, List<Row>> Tables { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, Func<string, string>> Labels { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Row> this[string file] => Tables.GetValueOrDefault(file) ?? [];

    /// <summary>The errors as the import report prints them.</summary>
    public IReadOnlyList<string> Messages => [.. Errors.Listed.Select(e => e.ToString())];

    public static ReadBack Of(ImportSource source)
    {
        var read = new ReadBack(source);
        read.Errors.AddRange(source.Problems);
        foreach (var table in source.Tables.OrderBy(t => FileSchemasIndex(t.Schema)))
        {
            var reader = new RowReader(table.Schema, table.Header, table.ColumnLabel);
            foreach (var (column, reason) in reader.HeaderProblems)
            {
                read.Errors.Add(new ImportError(source.Files[table.HeaderFile].Name, 1, column, null, reason));
            }

            var rows = new List<Row>();
            foreach (var row in table.Rows)
            {
                var file = source.Files[row.File].Name;
                if (reader.TryRead(row.Values, file, row.Line, read.Errors, row.Problems))
                {
                    var values = table.Schema.Columns.ToDictionary(c => c.Name, c => Text(reader, c));
                    rows.Add(new Row(file, row.Line, values, reader.Attributes));
                }
            }

            read.Tables[table.Schema.FileName] = rows;
            read.Labels[table.Schema.FileName] = table.ColumnLabel ?? (c => c);
        }

        read.CheckKeysAndReferences();
        return read;
    }

    private static string? Text(RowReader reader, ColumnSpec column)
    {
        var cell = reader.Cells[reader.Schema.IndexOf(column.Name)];
        if (cell.IsNull)
        {
            return null;
        }

        // Text kinds keep their parsed (trimmed, defaulted, lower-cased enum) text; others their value as given.
        return column.Kind is ColumnKind.Id or ColumnKind.Text or ColumnKind.Enum ? cell.Text : reader.RawValue(column.Name)?.Trim() ?? cell.Text;
    }

    private void CheckKeysAndReferences()
    {
        foreach (var schema in FileSchemas.All.Where(s => Tables.ContainsKey(s.FileName)))
        {
            var label = Labels[schema.FileName];
            var seen = new Dictionary<string, Row>(StringComparer.Ordinal);
            foreach (var row in Tables[schema.FileName])
            {
                var key = string.Join("|", schema.Key.Select(k => row[k]));
                if (!seen.TryAdd(key, row))
                {
                    Errors.Add(new ImportError(row.File, row.Line, string.Join(", ", schema.Key.Select(label)), key, $"duplicates line {seen[key].Line}"));
                }
            }

            foreach (var column in schema.Columns.Where(c => c.References is not null))
            {
                if (!Tables.TryGetValue(column.References!, out var targets))
                {
                    continue;
                }

                var target = FileSchemas.ForFile(column.References!)!;
                var keys = targets.Select(t => t[target.Key[0]]).ToHashSet(StringComparer.Ordinal);
                foreach (var row in Tables[schema.FileName])
                {
                    if (row[column.Name] is { } value && !keys.Contains(value) && !column.ReferenceUnless.Contains(value))
                    {
                        Errors.Add(new ImportError(row.File, row.Line, label(column.Name), value, $"is not a {target.Key[0]} in {target.FileName} or the store"));
                    }
                }
            }
        }
    }

    private static int FileSchemasIndex(FileSchema schema) => FileSchemas.All.ToList().IndexOf(schema);

    internal sealed record Row(string File, int Line, IReadOnlyDictionary<string, string?> Values, string? Attributes)
    {
        public string? this[string column] => Values[column];

        public string? Attribute(string name) =>
            Attributes is null ? null : System.Text.Json.JsonDocument.Parse(Attributes).RootElement.TryGetProperty(name, out var v) ? v.GetString() : null;
    }
}
