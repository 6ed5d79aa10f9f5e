namespace Bellwether.Core.Import;

/// <summary>One line of the import summary: what happened to one file.</summary>
public sealed record FileSummary
{
    public required string File { get; init; }

    public long Read { get; init; }

    public long Rejected { get; init; }

    public long Repaired { get; init; }

    public TableCounts Counts { get; init; } = new();
}

/// <summary>The outcome of an import: stored (with counts) or not (with every error).</summary>
public sealed record ImportResult
{
    public required bool Stored { get; init; }

    /// <summary>The errors listed one by one: the first <see cref="ImportErrors.ListedPerColumn"/> of each file and column.</summary>
    public required IReadOnlyList<ImportError> Errors { get; init; }

    /// <summary>Every error, listed or not.</summary>
    public long ErrorCount { get; init; }

    /// <summary>The errors beyond the listed ones, counted by file, column and reason.</summary>
    public IReadOnlyList<UnlistedErrors> UnlistedErrors { get; init; } = [];

    public required IReadOnlyList<FileSummary> Files { get; init; }

    /// <summary>Rejected rows by source file index and line, to copy out unchanged to quarantine.</summary>
    public required IReadOnlyDictionary<int, IReadOnlySet<int>> RejectedLines { get; init; }

    /// <summary>The export's instant the import used (given, or the newest event in the files).</summary>
    public DateTimeOffset? AsOf { get; init; }

    public long? ImportId { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
