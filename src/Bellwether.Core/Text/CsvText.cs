namespace Bellwether.Core.Text;

/// <summary>
/// Writing CSV fields (RFC 4180): the one quoting rule of every CSV Bellwether writes, and the one guard against
/// formula injection for text that came from a user's data (a rep named <c>=HYPERLINK(…)</c> must not become a
/// formula when the file is opened in a spreadsheet).
/// </summary>
public static class CsvText
{
    /// <summary>A field with a comma, quote or line break is quoted, its quotes doubled; any other is written as is.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A text field (never a number): neutralised, then quoted.</summary>
    public static string Text(string field) => Quote(Neutral(field));

    /// <summary>
    /// Text that a spreadsheet would read as a formula — beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
    /// a carriage return — gets a leading apostrophe, as OWASP recommends, unless it is a plain number (<c>-5</c>);
    /// anything else is unchanged. Numbers are written with <see cref="Quote"/> and stay numbers.
    /// </summary>
    public static string Neutral(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(text) ? "'" + text : text;

    /// <summary>A plain number such as <c>-5</c> or <c>+1.5</c> is no formula: a spreadsheet reads it as the number it is.</summary>
    private static bool IsNumber(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);
}
