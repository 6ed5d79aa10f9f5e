using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;

namespace Bellwether.Core.Digest;

/// <summary>The words and figures a digest is written in, the same for Markdown and HTML.</summary>
internal static class DigestText
{
    public static string Status(SignalStatus status) => SnakeCase.Name(status).Replace('_', ' ');

    public static string Value(decimal value, string unit, string currency) => Readable.Value(value, unit, currency);

    public static string Change(decimal change, string unit, string currency) =>
        Readable.Change(change, SnakeCase.TryParse<Unit>(unit, out var u) ? u : Unit.Count, currency);

    public static string Change(decimal change, Unit unit, string currency) => Readable.Change(change, unit, currency);

    /// <summary>The P10–P90 range in short money, or in the unit's own figures.</summary>
    public static string Range(decimal low, decimal high, string unit, string currency) => unit == "money"
        ? $"{Readable.MoneyShort(low, currency)}–{Readable.MoneyShort(high, currency)}"
        : $"{Value(low, unit, currency)}–{Value(high, unit, currency)}";

    public static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
