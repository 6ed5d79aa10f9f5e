namespace Bellwether.Queries;

/// <summary>
/// The known values nearest a mistyped one, for messages such as <c>"retial" is not a vertical (nearest: retail)</c>:
/// by edit distance ignoring case (a value differing only in case comes first), then by name; at most
/// <see cref="Shown"/>. When nothing is close the message lists the first values instead, so it always helps.
/// </summary>
public static class Nearest
{
    public const int Shown = 3;

    /// <summary><c>nearest: a, b, c</c>, or <c>values: a, b, c, … (N in all)</c> when none is close; <c>none</c> when nothing is known.</summary>
    public static string Describe(string wanted, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(known);
        var values = known.Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return "none in this workspace";
        }

        var close = Of(wanted, values);
        if (close.Count > 0)
        {
            return "nearest: " + string.Join(", ", close);
        }

        var sorted = values.Order(StringComparer.Ordinal).ToList();
        return sorted.Count <= Shown * 2
            ? "values: " + string.Join(", ", sorted)
            : $"values: {string.Join(", ", sorted.Take(Shown * 2))}, … ({sorted.Count} in all)";
    }

    /// <summary>The values within an edit distance of a third of the longer word (at least 2), nearest first.</summary>
    public static IReadOnlyList<string> Of(string wanted, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        var target = wanted.Trim().ToLowerInvariant();
        return [.. known
            .Select(v => (Value: v, Distance: Distance(target, v.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, Math.Max(target.Length, x.Value.Length) / 3))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Value, StringComparer.Ordinal)
            .Take(Shown)
            .Select(x => x.Value)];
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }
}
