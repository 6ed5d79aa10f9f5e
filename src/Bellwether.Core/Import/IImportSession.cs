namespace Bellwether.Core.Import;

/// <summary>
/// What an import needs from a store: somewhere to stage rows, set-wide checks over them (against the store too), and
/// one atomic commit. Nothing staged is visible, or survives a crash, until <see cref="Commit"/> returns.
/// </summary>
public interface IImportSession : IDisposable
{
    /// <summary>Whether the workspace holds any rows of the file's table already.</summary>
    bool StoreHas(FileSchema schema);

    /// <summary>
    /// What the last stored import read for the file's table, while the table is still as that import left it; null
    /// when there is none or the table has changed since.
    /// </summary>
    StoredFingerprint? Fingerprint(FileSchema schema);

    /// <summary>Starts staging a file's rows; one writer per file.</summary>
    IStagingWriter Stage(FileSchema schema);

    /// <summary>
    /// Staged rows whose key an earlier staged row of the same file already has, rejected rows included where their
    /// key was read; <see cref="StagedProblem.Other"/> is the earliest row with the key.
    /// </summary>
    IReadOnlyList<StagedProblem> Duplicates(FileSchema schema);

    /// <summary>
    /// Staged rows, rejected ones included, whose <paramref name="column"/> names no valid row of
    /// <paramref name="target"/>, staged or stored (values in <see cref="ColumnSpec.ReferenceUnless"/> excepted).
    /// Where the value names a rejected row of <paramref name="target"/>, <see cref="StagedProblem.Other"/> is the
    /// earliest such row.
    /// </summary>
    IReadOnlyList<StagedProblem> UnknownReferences(FileSchema schema, ColumnSpec column, FileSchema target);

    /// <summary>
    /// Marks staged rows rejected by a set-wide check: they are never stored, and later checks see rows that name
    /// them as naming a rejected row.
    /// </summary>
    void Reject(FileSchema schema, IReadOnlyCollection<(int File, int Line)> rows);

    /// <summary>
    /// Stages an account (name = id, vertical unknown) for every id the staged rows name that no stored account has;
    /// used when the import has no accounts.csv. Returns how many were made.
    /// </summary>
    int DeriveAccounts(IReadOnlyList<(FileSchema Schema, ColumnSpec Column)> references);

    /// <summary>Merges every staged file's valid rows into the store in one transaction and logs the import.</summary>
    /// <param name="request">What is imported, and the export's instant.</param>
    /// <param name="afterTable">Called after each table is merged, inside the transaction; a throw rolls everything back.</param>
    CommitResult Commit(CommitRequest request, Action<string>? afterTable = null);
}

/// <summary>A staged row with a problem: where it came from, the value at fault, and the other row the problem is about.</summary>
public readonly record struct StagedProblem(int File, int Line, string Value, SourceLine? Other);

/// <summary>Where a row came from: the index of its source file and its line there.</summary>
public readonly record struct SourceLine(int File, int Line);

/// <summary>Writes rows to a staging area.</summary>
public interface IStagingWriter : IDisposable
{
    /// <summary>Stages a valid row.</summary>
    /// <param name="file">Index of the source file.</param>
    /// <param name="line">Line in that file.</param>
    /// <param name="cells">Parsed cells in schema column order.</param>
    /// <param name="attributes">Unknown columns as a JSON object, or null.</param>
    void Add(int file, int line, ReadOnlySpan<Cell> cells, string? attributes);

    /// <summary>
    /// Stages a row rejected by a check of its own cells, never to be stored: its key and references are still
    /// checked, so that the report has every error of the row, and rows naming it are told it was rejected.
    /// </summary>
    /// <param name="file">Index of the source file.</param>
    /// <param name="line">Line in that file.</param>
    /// <param name="cells">The cells that were read; a bad cell is null.</param>
    /// <param name="keyRead">Whether every key cell was read (a row whose key is bad takes no part in the duplicate check).</param>
    void AddRejected(int file, int line, ReadOnlySpan<Cell> cells, bool keyRead);
}

public sealed record CommitRequest
{
    public required string Source { get; init; }

    public string? Preset { get; init; }

    /// <summary>The export's instant: history rows recorded by comparison are dated with it.</summary>
    public required DateTimeOffset AsOf { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Whether deals' history came in the import; if not, changes are recorded by comparing with the store.</summary>
    public required bool HistoryInImport { get; init; }

    /// <summary>Files whose rows missing from this import are reported as absent (files given in full).</summary>
    public required IReadOnlySet<string> FilesGiven { get; init; }

    public string? HistoryFallbackStage { get; init; }

    /// <summary>The summary a person reads, kept in the import log as JSON.</summary>
    public string? SummaryJson { get; init; }

    /// <summary>The tables read by this import, each with what to remember of it (or null to forget what was).</summary>
    public IReadOnlyList<TableFingerprint> Fingerprints { get; init; } = [];
}

/// <summary>What an import read for a table: its fingerprint, its newest instant (ticks, UTC) and how many rows it had.</summary>
public sealed record StoredFingerprint(string Value, long? NewestTicks, long Rows, long ImportId);

/// <summary>
/// A table this import read, and its fingerprint to remember — null when the next import must read it again (some of
/// its rows were rejected, so a change elsewhere could make them valid; or its source cannot be fingerprinted).
/// </summary>
public sealed record TableFingerprint(FileSchema Schema, string? Value, long? NewestTicks, long Rows);

public sealed record CommitResult(long ImportId, IReadOnlyDictionary<string, TableCounts> Tables);

/// <summary>What an import did to one file's table.</summary>
public sealed record TableCounts
{
    public long Inserted { get; init; }

    public long Updated { get; init; }

    public long Unchanged { get; init; }

    /// <summary>Rows in the store that this import's file did not list; kept as they were.</summary>
    public long Absent { get; init; }

    /// <summary>Rows made by the import itself: accounts named but not listed, history recorded by comparison.</summary>
    public long Derived { get; init; }
}
