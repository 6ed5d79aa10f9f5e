namespace Bellwether.Core.Import;

public sealed record ImportOptions
{
    /// <summary>Store the valid rows and reject the rest, instead of rejecting the whole import on any error.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The export's instant; by default the newest created_at, closed_at, occurred_at or changed_at in the files.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>
    /// Read every file, even one given again byte for byte since the last import stored it (by default such a file is
    /// not read again: its rows are in the store already).
    /// </summary>
    public bool ReadAll { get; init; }

    /// <summary>When the import started (from the caller's clock).</summary>
    public required DateTimeOffset StartedAt { get; init; }
}
