namespace Bellwether.Core.Import;

/// <summary>A file the user gave: what errors call it, and where to read it again to copy rejected rows out unchanged.</summary>
public sealed record SourceFile(string Name, string? Path);

/// <summary>One row of input, its values in the order of its table's header, and where it came from.</summary>
public readonly record struct SourceRow(string?[] Values, int File, int Line)
{
    /// <summary>
    /// Values a preset or mapping could not read as its definition says (e.g. <c>1.234</c> where the decimal separator
    /// is a comma): the import rejects the row with these reasons instead of reading the values in its own way.
    /// </summary>
    public IReadOnlyList<CellProblem>? Problems { get; init; }
}

/// <summary>A value, by its index in the row, that its source could not read, and why ("is not a number as …").</summary>
public readonly record struct CellProblem(int Value, string Reason);

/// <summary>
/// One table of the folder format being imported, wherever it came from: a file of a folder, or a preset's reading
/// of a CRM export. Rows are streamed once.
/// </summary>
public sealed class SourceTable
{
    public required FileSchema Schema { get; init; }

    /// <summary>Names of the rows' values: canonical names for the schema's columns; other names are kept as attributes.</summary>
    public required IReadOnlyList<string> Header { get; init; }

    public required IEnumerable<SourceRow> Rows { get; init; }

    /// <summary>The file (index into <see cref="ImportSource.Files"/>) whose header problems are reported at line 1.</summary>
    public int HeaderFile { get; init; }

    /// <summary>How errors name a canonical column; a preset names the source column it came from.</summary>
    public Func<string, string>? ColumnLabel { get; init; }

    /// <summary>
    /// What identifies the table's rows without reading them — its file's content hash and how it is read — or null
    /// where that cannot be told (a preset or mapping reading several files): then the table is always read. Called at
    /// most once per import.
    /// </summary>
    public Func<string>? Fingerprint { get; init; }
}

/// <summary>Everything one import reads: the tables, the files they came from, and notes on repairs a preset made.</summary>
public sealed record ImportSource
{
    /// <summary>What was imported, for the import log: a folder path, with the preset's name where there is one.</summary>
    public required string Description { get; init; }

    public required IReadOnlyList<SourceFile> Files { get; init; }

    public required IReadOnlyList<SourceTable> Tables { get; init; }

    /// <summary>Problems found before any row was read (an unreadable file, an empty one).</summary>
    public IReadOnlyList<ImportError> Problems { get; init; } = [];

    /// <summary>Things worth telling the user that are not errors: files ignored, rows a preset repaired.</summary>
    public ImportNotes Notes { get; init; } = new();

    public string? Preset { get; init; }

    /// <summary>The stage a preset says a deal had before anything is known of it; null keeps the workspace's.</summary>
    public string? HistoryFallbackStage { get; init; }

    /// <summary>Total bytes of the files read, and a counter of bytes read so far, for progress.</summary>
    public long TotalBytes { get; init; }

    public Func<long>? BytesRead { get; init; }
}

/// <summary>Notes gathered while a source is read (its rows are streamed, so notes appear as they are read).</summary>
public sealed class ImportNotes
{
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, int> _repaired = new(StringComparer.Ordinal);

    public IReadOnlyList<string> All => _notes;

    /// <summary>Rows repaired per canonical file, shown in the import summary.</summary>
    public IReadOnlyDictionary<string, int> Repaired => _repaired;

    public void Add(string note) => _notes.Add(note);

    public void Repair(string canonicalFile, string note)
    {
        _repaired[canonicalFile] = _repaired.GetValueOrDefault(canonicalFile) + 1;
        _notes.Add(note);
    }
}
