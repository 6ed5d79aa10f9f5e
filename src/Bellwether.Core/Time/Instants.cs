using System.Globalization;

namespace Bellwether.Core.Time;

/// <summary>
/// Instants are UTC <see cref="DateTimeOffset"/>s. This is the one place that reads and writes them as text:
/// in the files a bare date means the start of that day, and a time without an offset is UTC.
/// </summary>
public static class Instants
{
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The instant a command-line <c>--as-of</c> date stands for: the end of that day, i.e. the next midnight.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>ISO 8601 in UTC with a Z, to the second unless there are fractions: <c>2017-07-01T00:00:00Z</c>.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return utc.Ticks % TimeSpan.TicksPerSecond == 0
            ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a command-line instant: a bare date is the end of that day, a full instant is taken as is.</summary>
    public static bool TryParseAsOf(string text, out DateTimeOffset instant) => TryParseAsOf(text, out instant, out _);

    /// <summary>
    /// Parses a command-line instant, with the reason it is not one ("VALUE …") when it is not: a bare date is the end
    /// of that day, a full instant is taken as is, and either must be within <see cref="SupportedDates"/>.
    /// </summary>
    public static bool TryParseAsOf(string text, out DateTimeOffset instant, out string reason)
    {
        text = text.Trim();
        instant = default;
        var isDate = IsoDate.TryParseDate(text, out var date);
        var ticks = 0L;
        if (!isDate && !IsoDate.TryParseInstant(text, out ticks))
        {
            reason = "is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
            return false;
        }

        // Checked before the end of the day is taken: the day after 9999-12-31 does not exist.
        reason = SupportedDates.Reason;
        if (!(isDate ? SupportedDates.Contains(date) : SupportedDates.Contains(ticks)))
        {
            return false;
        }

        instant = isDate ? EndOfDay(date) : new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Parses an instant as written in the files: a bare date is the start of that day.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        if (IsoDate.TryParseInstant(text, out var ticks))
        {
            instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        instant = default;
        return false;
    }
}
