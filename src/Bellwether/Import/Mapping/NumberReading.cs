using System.Globalization;
using System.Text;

namespace Bellwether.Import.Mapping;

/// <summary>
/// How a mapping reads the numbers of an export: its decimal separator, its thousands separator (checked to group
/// digits by three, so that <c>1,5</c> is never read as fifteen), and text to strip such as a currency symbol.
/// </summary>
internal sealed record NumberReading
{
    public static readonly NumberReading Canonical = new();

    public char Decimal { get; init; } = '.';

    /// <summary>The thousands separator, or null when the export has none.</summary>
    public char? Thousands { get; init; }

    /// <summary>Text removed from the start or end of a value, such as <c>$</c>, <c>USD</c> or <c>%</c>.</summary>
    public IReadOnlyList<string> Strip { get; init; } = [];

    public bool IsCanonical => Decimal == '.' && Thousands is null && Strip.Count == 0;

    /// <summary>An example of a number written this way, shown next to the column's name in errors: <c>1.234,5</c>.</summary>
    public string Example => Thousands is { } t ? $"1{t}234{Decimal}5" : $"1234{Decimal}5";

    /// <summary>
    /// Reads a value and writes it in the folder format's form, multiplied by <paramref name="multiply"/> if given.
    /// False when the value is not a number written this way; the caller passes it on as written.
    /// </summary>
    public bool TryConvert(string text, decimal? multiply, out string converted)
    {
        converted = "";
        var value = text.Trim();
        for (var stripped = true; stripped && value.Length > 0;)
        {
            stripped = false;
            foreach (var token in Strip)
            {
                if (value.StartsWith(token, StringComparison.OrdinalIgnoreCase))
                {
                    value = value[token.Length..].TrimStart();
                    stripped = true;
                }

                if (value.EndsWith(token, StringComparison.OrdinalIgnoreCase))
                {
                    value = value[..^token.Length].TrimEnd();
                    stripped = true;
                }
            }
        }

        if (!TryNormalise(value, out var invariant)
            || !decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (multiply is { } factor)
        {
            number *= factor;
        }

        converted = number.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private bool TryNormalise(string value, out string invariant)
    {
        invariant = "";
        var sb = new StringBuilder(value.Length);
        var start = 0;
        if (value.Length > 0 && value[0] is '-' or '+')
        {
            sb.Append(value[0]);
            start = 1;
        }

        var point = value.IndexOf(Decimal, start);
        var whole = point < 0 ? value[start..] : value[start..point];
        var fraction = point < 0 ? "" : value[(point + 1)..];
        if (whole.Length == 0 && fraction.Length == 0)
        {
            return false;
        }

        if (Thousands is { } separator && whole.Contains(separator, StringComparison.Ordinal))
        {
            var groups = whole.Split(separator);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }

            whole = string.Concat(groups);
        }

        if (!whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        sb.Append(whole.Length == 0 ? "0" : whole);
        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }

        invariant = sb.ToString();
        return true;
    }
}
