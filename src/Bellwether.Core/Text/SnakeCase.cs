using System.Text;

namespace Bellwether.Core.Text;

/// <summary>
/// Enumerations travel as lower-case snake_case words (<c>new_business</c>), matched case-insensitively on import.
/// This is the one mapping between those words and the C# enums.
/// </summary>
public static class SnakeCase
{
    public static string From(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string Name<T>(T value)
        where T : struct, Enum => Names<T>.Text[Names<T>.IndexOf(value)];

    public static bool TryParse<T>(ReadOnlySpan<char> text, out T value)
        where T : struct, Enum
    {
        var trimmed = text.Trim();
        var names = Names<T>.Text;
        for (var i = 0; i < names.Length; i++)
        {
            if (trimmed.Equals(names[i], StringComparison.OrdinalIgnoreCase))
            {
                value = Names<T>.Values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"\"{text}\" is not one of {string.Join(", ", AllNames<T>())}");

    public static IReadOnlyList<string> AllNames<T>()
        where T : struct, Enum => Names<T>.Text;

    /// <summary>
    /// Each enum's values and words in two arrays, searched in order: an enum has a handful of values, and arrays cost
    /// nothing to build, where frozen dictionaries — one pair per enum, built on first use — were a tenth of a second
    /// of every command's start.
    /// </summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();

        public static readonly string[] Text = [.. Values.Select(v => From(v.ToString()))];

        public static int IndexOf(T value)
        {
            var i = Array.IndexOf(Values, value);
            return i >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a value of {typeof(T).Name}");
        }
    }
}
