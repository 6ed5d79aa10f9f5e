using Bellwether.Core.Import;
using DuckDB.NET.Data;

namespace Bellwether.Tests.Testing;

/// <summary>
/// Every row of every table of a store file, as one comparable text per table, read with plain SQL (not through the
/// store's code), to prove that a failed import changed nothing.
/// </summary>
public static class StoreFingerprint
{
    public static IReadOnlyDictionary<string, string> Of(string dbPath)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(dbPath))
        {
            return result;
        }

        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        foreach (var table in FileSchemas.All.Select(s => s.Table).Concat(["imports", "table_versions", "workspaces"]))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) || ':' || coalesce(md5(string_agg(CAST(t AS VARCHAR), '|' ORDER BY CAST(t AS VARCHAR))), '') FROM {table} t";
            result[table] = (string)command.ExecuteScalar()!;
        }

        return result;
    }

    public static long Count(string dbPath, string table)
    {
        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<object?[]> Query(string dbPath, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
