using System.Globalization;
using Bellwether.Core.Reporting;

namespace Bellwether.Dashboard;

/// <summary>The few ways pages write what <see cref="Readable"/> does not: a missing value, an instant, a date.</summary>
public static class Formats
{
    /// <summary>A value in its unit and the company's currency (<see cref="Readable.Value(decimal, Unit, string)"/>), or a dash for none.</summary>
    public static string Value(decimal? value, Unit unit, string currency) => value is { } v ? Readable.Value(v, unit, currency) : "—";

    /// <summary>An instant in UTC to the minute: <c>2026-07-01 14:00 UTC</c>.</summary>
    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Instant(DateTimeOffset? instant) => instant is { } t ? Instant(t) : "—";

    public static string Day(DateTimeOffset? instant) => instant is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static string Count(long count) => Readable.Count(count);
}
