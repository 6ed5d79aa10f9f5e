namespace Bellwether.Core.Text;

/// <summary>Writing CSV fields (RFC 4180): the one quoting rule of every CSV Bellwether writes.</summary>
public static class CsvText
{
    /// <summary>A field with a comma, quote or line break is quoted, its quotes doubled; any other is written as is.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
