using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>How one canonical file is built from one source file.</summary>
public sealed record TableMapping
{
    public required FileSchema Schema { get; init; }

    /// <summary>Where the table is in the mapping file, for messages.</summary>
    public required string Key { get; init; }

    /// <summary>The source file's name, or a pattern with <c>*</c> and <c>?</c> that exactly one file must match.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// One row per distinct key (the schema's key columns), the first row with it winning; rows whose key is empty
    /// are left out. Derives reps from deal owners or accounts from company names.
    /// </summary>
    public bool Distinct { get; init; }

    public required IReadOnlyList<ColumnRule> Columns { get; init; }

    /// <summary>Source columns kept as attributes; <c>*</c> keeps every column no rule reads.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>Date formats for this file, replacing the mapping's; null keeps the mapping's.</summary>
    public IReadOnlyList<string>? Dates { get; init; }

    /// <summary>How numbers are written in this file; null keeps the mapping's.</summary>
    internal NumberReading? Numbers { get; init; }
}
