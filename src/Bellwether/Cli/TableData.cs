namespace Bellwether.Cli;

/// <summary>Rows to print as a table or CSV: column names and the cells of each row.</summary>
public sealed record TableData(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public string? Title { get; init; }
}
