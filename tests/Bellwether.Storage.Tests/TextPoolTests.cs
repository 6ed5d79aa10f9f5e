using Bellwether.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Bellwether.Storage.Tests;

/// <summary>The pool a table's read keeps its repeated texts in, over rows a real DuckDB query returns.</summary>
public sealed class TextPoolTests
{
    [Fact]
    public void ACategory_IsOneInstancePerValue_AndAColumnOfMoreValuesThanTheCap_IsStillReadRight()
    {
        // Cycling through more distinct values than the pool keeps: the first ones are pooled, the rest handed out as read.
        var distinct = TextPool.MaxCategories + 5_000;
        var rows = Read($"SELECT 'v' || (i % {distinct}) FROM range({2 * distinct}) t(i) ORDER BY i", (pool, r) => pool.Category(r, 0));

        Assert.Equal(2 * distinct, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal($"v{i % distinct}", rows[i]);
        }

        Assert.Same(rows[0], rows[distinct]);
        Assert.Same(rows[TextPool.MaxCategories - 1], rows[distinct + TextPool.MaxCategories - 1]);
        Assert.NotSame(rows[TextPool.MaxCategories], rows[distinct + TextPool.MaxCategories]);
    }

    [Fact]
    public void ARun_SharesAnInstanceWithTheRowBefore_OnlyWhenItRepeatsIt()
    {
        var rows = Read("SELECT v FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('a', 4)) t(v, n) ORDER BY n", (pool, r) => pool.Run(r, 0));

        Assert.Equal(["a", "a", "b", "a"], rows);
        Assert.Same(rows[0], rows[1]);
        Assert.NotSame(rows[1], rows[3]);
    }

    private static List<string> Read(string sql, Func<TextPool, System.Data.Common.DbDataReader, string> read)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var pool = new TextPool();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(read(pool, reader));
        }

        return rows;
    }
}
