using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>
/// The shape of one canonical table that a preset or mapping builds from a source file: which canonical columns it
/// fills, which source column each came from (so that errors name the column the user knows), and which source
/// columns are kept as attributes.
/// </summary>
internal sealed class TableLayout
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _labels = new(StringComparer.Ordinal);
    private readonly int _sourceWidth;

    /// <param name="schema">The canonical file.</param>
    /// <param name="columns">The canonical columns filled, each with the source column it comes from.</param>
    /// <param name="attributes">Names of source values kept as attributes; none may be a column of the schema.</param>
    /// <param name="sourceWidth">How many fields the source file's header has.</param>
    public TableLayout(FileSchema schema, IReadOnlyList<(string Column, string Label)> columns, IReadOnlyList<string> attributes, int sourceWidth)
    {
        Schema = schema;
        _sourceWidth = sourceWidth;
        var header = new List<string>();
        foreach (var (column, label) in columns)
        {
            if (schema.IndexOf(column) < 0)
            {
                throw new ArgumentException($"{column} is not a column of {schema.FileName}", nameof(columns));
            }

            _indexes.Add(column, header.Count);
            _labels.Add(column, label);
            header.Add(column);
        }

        foreach (var attribute in attributes)
        {
            if (!CanKeep(schema, attribute))
            {
                throw new ArgumentException($"attribute {attribute} is a column of {schema.FileName}", nameof(attributes));
            }

            _indexes.Add(attribute, header.Count);
            header.Add(attribute);
        }

        // RowReader names a row with a wrong number of fields by comparing it with the header's width. Padding the
        // header to the source's width (with names no value ever fills) keeps those numbers the source file's own.
        for (var pad = 1; header.Count < sourceWidth; pad++)
        {
            header.Add($"(unused {pad})");
        }

        Header = header;
    }

    public FileSchema Schema { get; }

    /// <summary>Whether a source column can be kept as an attribute: its name must not be a column of the canonical file.</summary>
    public static bool CanKeep(FileSchema schema, string column) =>
        column.Length > 0 && !schema.Columns.Any(c => string.Equals(c.Name, column, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> Header { get; }

    /// <summary>The index of a canonical column or attribute in a row.</summary>
    public int this[string name] => _indexes[name];

    public bool Has(string name) => _indexes.ContainsKey(name);

    public string Label(string column) => _labels.GetValueOrDefault(column, column);

    public string?[] NewRow() => new string?[Header.Count];

    /// <summary>
    /// A row standing for a source record whose number of fields differs from its header's: it differs from this
    /// layout's width by as much, so that the import rejects it with a message about the fields.
    /// </summary>
    public string?[] Malformed(int fieldCount) => new string?[Header.Count + fieldCount - _sourceWidth];

    public bool IsMalformed(string?[] sourceValues) => sourceValues.Length != _sourceWidth;

    public SourceTable Table(IEnumerable<SourceRow> rows, int headerFile) => new()
    {
        Schema = Schema,
        Header = Header,
        Rows = rows,
        HeaderFile = headerFile,
        ColumnLabel = Label,
    };
}
