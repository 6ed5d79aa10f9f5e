namespace Bellwether.Storage;

/// <summary>What a workspace holds.</summary>
public sealed record StoreStatus
{
    public required string Workspace { get; init; }

    public required IReadOnlyList<TableStatus> Tables { get; init; }

    public required IReadOnlyList<ImportLogEntry> Imports { get; init; }

    /// <summary>True when every history row was recorded by comparing exports: no history file was ever imported.</summary>
    public bool RecordedHistoryOnly { get; init; }
}

/// <summary>One table: its folder-format file, rows, and the span of its main date column (null when empty or dateless).</summary>
public sealed record TableStatus(string File, string Table, long Rows, string? DateColumn, DateTimeOffset? From, DateTimeOffset? To);

public sealed record ImportLogEntry(long ImportId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Source, string? Preset, DateTimeOffset AsOf);
