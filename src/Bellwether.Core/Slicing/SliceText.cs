using Bellwether.Core.Text;

namespace Bellwether.Core.Slicing;

/// <summary>
/// The written form of a slice: <c>dimension=value</c> pairs joined by <c>;</c> (plans.csv), e.g.
/// <c>vertical=finance;type=new_business</c>. Normalised with dimensions in the enum's order, so that two spellings of
/// one slice are one key.
/// </summary>
public static class SliceText
{
    public static bool TryParse(string? text, out IReadOnlyDictionary<string, string> slice, out string reason)
    {
        var result = new SortedDictionary<Dimension, string>();
        slice = new Dictionary<string, string>();
        reason = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == part.Length - 1)
            {
                reason = $"is not a slice: \"{part}\" is not dimension=value";
                return false;
            }

            var name = part[..eq].Trim();
            if (!SnakeCase.TryParse<Dimension>(name, out var dimension))
            {
                reason = $"is not a slice: \"{name}\" is not a dimension ({string.Join(", ", SnakeCase.AllNames<Dimension>())})";
                return false;
            }

            if (!result.TryAdd(dimension, part[(eq + 1)..].Trim()))
            {
                reason = $"is not a slice: {SnakeCase.Name(dimension)} appears twice";
                return false;
            }
        }

        slice = result.ToDictionary(kv => SnakeCase.Name(kv.Key), kv => kv.Value);
        return true;
    }

    public static string Format(IReadOnlyDictionary<string, string> slice) =>
        string.Join(';', slice
            .OrderBy(kv => SnakeCase.TryParse<Dimension>(kv.Key, out var d) ? (int)d : int.MaxValue)
            .Select(kv => $"{kv.Key}={kv.Value}"));
}
