namespace Bellwether.Import.Mapping;

/// <summary>
/// How one canonical column is filled from a source file (mapping.md): from a source column, renamed, with a value
/// map and a default; or with a constant. Dates and numbers read from the source are converted as the mapping says;
/// a value that does not convert is passed on as written, so that the import reports it at its source line.
/// </summary>
public sealed record ColumnRule
{
    /// <summary>The canonical column filled.</summary>
    public required string Column { get; init; }

    /// <summary>Where the rule is in the mapping file, for messages.</summary>
    public required string Key { get; init; }

    /// <summary>Source column names, the first one the file has being read (exports name a column differently by version).</summary>
    public IReadOnlyList<string> From { get; init; } = [];

    /// <summary>Whether the column is left empty when the file has none of <see cref="From"/>, instead of being a mistake.</summary>
    public bool Optional { get; init; }

    /// <summary>A constant: the column's value on every row.</summary>
    public string? Value { get; init; }

    /// <summary>The value when the source value is empty.</summary>
    public string? Default { get; init; }

    /// <summary>Source values (matched trimmed and case-insensitively) and the canonical values they stand for; a null value empties the column.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    /// <summary>The value for a source value not in <see cref="Values"/>; null passes such values on as written.</summary>
    public string? Otherwise { get; init; }

    /// <summary>Whether <see cref="Otherwise"/> was given (its value may be null, which empties the column).</summary>
    public bool HasOtherwise { get; init; }

    /// <summary>Date formats for this column, replacing the file's and the mapping's.</summary>
    public IReadOnlyList<string>? Formats { get; init; }

    /// <summary>A factor numbers are multiplied by, e.g. 0.01 for a percentage or 1000000 for millions.</summary>
    public decimal? Multiply { get; init; }

    /// <summary>
    /// Conditions on other canonical columns of the same row (their mapped values, matched case-insensitively): the
    /// column is filled only when every condition holds, and empty otherwise.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> When { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
