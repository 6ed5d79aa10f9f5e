using Bellwether.Core.Import;

namespace Bellwether.Storage.Sql;

/// <summary>
/// Where DuckDB and PostgreSQL differ in the SQL this project writes. Everything else is standard SQL written once
/// (<see cref="ImportSql"/>).
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The column type that holds a folder-format column of this kind.</summary>
    public abstract string TypeOf(ColumnKind kind);

    /// <summary>A named parameter as written in a statement.</summary>
    public abstract string Parameter(string name);

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string TypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Id or ColumnKind.Text or ColumnKind.Enum or ColumnKind.Period or ColumnKind.Slice => "VARCHAR",
        ColumnKind.Instant => "TIMESTAMP",
        ColumnKind.Date or ColumnKind.Month => "DATE",
        ColumnKind.Money or ColumnKind.SignedNumber => "DECIMAL(18,6)",
        ColumnKind.Count => "BIGINT",
        ColumnKind.Probability => "DOUBLE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public override string Parameter(string name) => "$" + name;
}
