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

/// <summary>
/// One table: its folder-format file, rows, and its time range — for a table with dates (<see cref="DateColumn"/> a
/// date column), the span of that column in <see cref="From"/> and <see cref="To"/>; for one keyed by period (quotas
/// and plans, whose <see cref="DateColumn"/> is <c>period</c>), the labels of its first and last period in
/// <see cref="FirstPeriod"/> and <see cref="LastPeriod"/>: the one starting first and the one ending last, the finest
/// on a tie (so months rather than the year they make up: <c>2024-01</c> to <c>2027-12</c>). Null when empty or without
/// either.
/// </summary>
public sealed record TableStatus(
    string File,
    string Table,
    long Rows,
    string? DateColumn,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? FirstPeriod = null,
    string? LastPeriod = null);

public sealed record ImportLogEntry(long ImportId, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Source, string? Preset, DateTimeOffset AsOf);
