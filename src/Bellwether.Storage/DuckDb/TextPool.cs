using System.Data.Common;

namespace Bellwether.Storage.DuckDb;

/// <summary>
/// One instance of each text a table's rows repeat, for one read of one table (one thread). A data reader hands out a
/// new string per cell, and a company repeats them: a rep's id on each of millions of activity days, a stage's name on
/// every history row, a deal's id on each of its history rows. Held once, a million-deal company takes over a gigabyte
/// less for as long as it is served.
/// </summary>
internal sealed class TextPool
{
    /// <summary>
    /// How many distinct texts a category keeps. Categories (stages, service lines, verticals, reps) have a few
    /// thousand at most; a column with more is not one, and past the cap its texts are handed out as read — a
    /// dictionary of millions would cost a cache miss per cell to save little.
    /// </summary>
    public const int MaxCategories = 1 << 16;

    private readonly Dictionary<string, string> _categories = new(StringComparer.Ordinal);
    private string? _last;

    /// <summary>A text of a column of few distinct values: the one instance this read holds of it.</summary>
    public string Category(DbDataReader reader, int column)
    {
        var text = reader.GetString(column);
        if (_categories.TryGetValue(text, out var held))
        {
            return held;
        }

        if (_categories.Count < MaxCategories)
        {
            _categories.Add(text, text);
        }

        return text;
    }

    /// <summary><see cref="Category"/>, or null for a null cell.</summary>
    public string? CategoryOrNull(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : Category(reader, column);

    /// <summary>
    /// A text of the one column the rows are sorted by (a deal's id on its history rows): the same instance as the row
    /// before when it repeats it.
    /// </summary>
    public string Run(DbDataReader reader, int column)
    {
        var text = reader.GetString(column);
        if (string.Equals(text, _last, StringComparison.Ordinal))
        {
            return _last!;
        }

        _last = text;
        return text;
    }
}
