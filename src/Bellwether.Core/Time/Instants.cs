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
    public static bool TryParseAsOf(string text, out DateTimeOffset instant)
    {
        text = text.Trim();
        if (IsoDate.TryParseDate(text, out var day))
        {
            instant = EndOfDay(day);
            return true;
        }

        if (IsoDate.TryParseInstant(text, out var ticks))
        {
            instant = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        instant = default;
        return false;
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
