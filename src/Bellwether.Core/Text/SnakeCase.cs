using System.Collections.Frozen;
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
        where T : struct, Enum => Names<T>.ToText[value];

    public static bool TryParse<T>(ReadOnlySpan<char> text, out T value)
        where T : struct, Enum => Names<T>.FromText.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text.Trim(), out value);

    public static T Parse<T>(string text)
        where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"\"{text}\" is not one of {string.Join(", ", AllNames<T>())}");

    public static IReadOnlyList<string> AllNames<T>()
        where T : struct, Enum => Names<T>.All;

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> ToText =
            Enum.GetValues<T>().ToFrozenDictionary(v => v, v => From(v.ToString()));

        public static readonly FrozenDictionary<string, T> FromText =
            Enum.GetValues<T>().ToFrozenDictionary(v => From(v.ToString()), v => v, StringComparer.OrdinalIgnoreCase);

        public static readonly IReadOnlyList<string> All = [.. Enum.GetValues<T>().Select(v => ToText[v])];
    }
}
