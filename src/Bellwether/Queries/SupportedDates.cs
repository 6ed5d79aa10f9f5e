using System.Globalization;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// The dates a request may name: days from 1970-01-01 to 2100-12-31 (an as-of date means the end of its day, so the
/// last instant is 2101-01-01T00:00:00Z), and periods of fiscal years 1970 to 2100. Beyond them lies no business data,
/// only arithmetic that overflows (<c>--period 9999</c> would ask for the year after 9999).
/// </summary>
public static class SupportedDates
{
    public const int FirstYear = 1970;

    public const int LastYear = 2100;

    public static readonly DateTimeOffset FirstInstant = new(FirstYear, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LastInstant = new(LastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What the range is, for messages: <c>1970-01-01 to 2100-12-31</c>.</summary>
    public const string Days = "1970-01-01 to 2100-12-31";

    /// <summary>Reads an as-of instant (a date is the end of that day) within the range, or says why not.</summary>
    public static bool TryReadAsOf(string text, out DateTimeOffset instant, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        instant = default;
        var trimmed = text.Trim();
        if (IsoDate.TryParseDate(trimmed, out var day))
        {
            if (day.Year is < FirstYear or > LastYear)
            {
                reason = $"{text}: outside the supported dates ({Days})";
                return false;
            }

            instant = Instants.EndOfDay(day);
            reason = "";
            return true;
        }

        if (!IsoDate.TryParseInstant(trimmed, out var ticks))
        {
            reason = $"{text}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
            return false;
        }

        instant = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (instant < FirstInstant || instant > LastInstant)
        {
            reason = $"{text}: outside the supported dates ({Days})";
            return false;
        }

        reason = "";
        return true;
    }

    /// <summary>
    /// Reads a period label of the company's calendar within the range, or says why not, completing the sentence
    /// "VALUE …" as <see cref="FiscalCalendar.TryParse(ReadOnlySpan{char}, out Period, out string)"/> does.
    /// </summary>
    public static bool TryReadPeriod(string text, FiscalCalendar calendar, out Period period, out string reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(calendar);
        var trimmed = text.Trim();
        // Every label starts with its (fiscal or ISO) year: checked first, for the calendar's arithmetic stops at 9999.
        if (trimmed.Length >= 4 && int.TryParse(trimmed.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is < FirstYear or > LastYear && (trimmed.Length == 4 || trimmed[4] == '-'))
        {
            period = default;
            reason = $"is outside the supported years ({FirstYear} to {LastYear})";
            return false;
        }

        return calendar.TryParse(trimmed, out period, out reason);
    }
}
