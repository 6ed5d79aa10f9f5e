namespace Bellwether.Core.Import;

/// <summary>One column of a file of the folder format.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required = false)
{
    /// <summary>For <see cref="ColumnKind.Enum"/>: the allowed words.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];

    /// <summary>
    /// For an <see cref="ColumnKind.Enum"/> whose words are too many to list in an error ("is not one of …"): what the
    /// words are, completing "VALUE is not …".
    /// </summary>
    public string? AllowedText { get; init; }

    /// <summary>The value an empty cell takes (already normalised), or null for none.</summary>
    public string? Default { get; init; }

    /// <summary>The file whose key this column names (e.g. <c>reps.csv</c>), or null.</summary>
    public string? References { get; init; }

    /// <summary>Values that are not references even though the column has <see cref="References"/> (standards.csv: a role name or a rep_id).</summary>
    public IReadOnlyList<string> ReferenceUnless { get; init; } = [];

    /// <summary>The largest number of digits after the decimal point that is stored exactly.</summary>
    public const int MoneyScale = 6;
}
