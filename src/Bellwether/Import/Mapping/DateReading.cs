using System.Globalization;
using Bellwether.Core.Import;
using Bellwether.Core.Time;

namespace Bellwether.Import.Mapping;

/// <summary>
/// How a mapping reads the dates of an export: .NET custom format strings (<c>MM/dd/yyyy</c>, <c>dd.MM.yyyy HH:mm</c>),
/// tried in order, then ISO 8601. A time without an offset is in <see cref="Zone"/> (UTC unless the mapping names a
/// zone); a date without a time is that calendar day, whatever the zone, as in the folder format.
/// </summary>
internal sealed class DateReading
{
    private const string PatternLetters = "dfFghHKmMstyz";
    private const string TimeLetters = "fFhHmst";
    private readonly (string Format, bool HasTime, bool HasOffset)[] _formats;

    public DateReading(IReadOnlyList<string> formats, TimeZoneInfo? zone)
    {
        Formats = formats;
        Zone = zone;
        _formats = [.. formats.Select(f => (f, Letters(f).Any(c => TimeLetters.Contains(c)), Letters(f).Any(c => c is 'z' or 'K')))];
    }

    public IReadOnlyList<string> Formats { get; }

    public TimeZoneInfo? Zone { get; }

    /// <summary>Why a format string cannot read dates, or null when it can.</summary>
    /// <param name="format">A .NET custom date and time format string.</param>
    /// <param name="monthOnly">Whether the format reads a month column, so that it may leave out the day.</param>
    public static string? Check(string format, bool monthOnly)
    {
        if (format.Trim().Length == 0)
        {
            return "is empty";
        }

        foreach (var c in Letters(format))
        {
            if (!PatternLetters.Contains(c))
            {
                return $"{c} is not a date pattern letter (use yyyy for the year, MM the month, dd the day, HH:mm:ss the time; quote literal text)";
            }
        }

        var letters = Letters(format).ToHashSet();
        if (!letters.Contains('y') || !letters.Contains('M') || (!monthOnly && !letters.Contains('d')))
        {
            return monthOnly ? "needs a year (yyyy) and a month (MM)" : "needs a year (yyyy), a month (MM) and a day (dd)";
        }

        var sample = new DateTime(2024, 11, 23, 13, 45, 56, DateTimeKind.Unspecified);
        try
        {
            var written = sample.ToString(format, CultureInfo.InvariantCulture);
            if (!DateTime.TryParseExact(written, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back)
                || back.Year != sample.Year || back.Month != sample.Month || (letters.Contains('d') && back.Day != sample.Day))
            {
                return $"cannot read back the dates it writes (2024-11-23 is written \"{written}\")";
            }
        }
        catch (FormatException e)
        {
            return e.Message;
        }

        return null;
    }

    /// <summary>
    /// Converts a value to the folder format's form for a column of <paramref name="kind"/> (instant, date or month).
    /// False when no format reads it; the caller then passes the value on as written, for the import to report.
    /// </summary>
    public bool TryConvert(string text, ColumnKind kind, out string converted)
    {
        converted = "";
        foreach (var (format, hasTime, hasOffset) in _formats)
        {
            if (hasOffset)
            {
                if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    converted = Write(withOffset.DateTime, withOffset.UtcDateTime, kind, hasTime: true);
                    return true;
                }

                continue;
            }

            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                continue;
            }

            var utc = local;
            if (hasTime && Zone is not null)
            {
                if (Zone.IsInvalidTime(local))
                {
                    // A wall-clock time skipped by a daylight-saving change names no instant.
                    continue;
                }

                utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
            }

            converted = Write(local, utc, kind, hasTime);
            return true;
        }

        if (kind != ColumnKind.Instant && IsoDate.TryParseInstant(text, out var ticks))
        {
            // An ISO instant in a date or month column: the calendar day as written (before any offset is applied).
            var written = text.Length >= 10 && IsoDate.TryParseDate(text.AsSpan(0, 10), out var day) ? day : DateOnly.FromDateTime(new DateTime(ticks));
            converted = kind == ColumnKind.Month ? written.ToString("yyyy-MM", CultureInfo.InvariantCulture) : written.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }

    private static string Write(DateTime local, DateTime utc, ColumnKind kind, bool hasTime) => kind switch
    {
        ColumnKind.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ColumnKind.Date => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ when !hasTime => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Instants.Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))),
    };

    /// <summary>The pattern letters of a format, skipping quoted literals and escaped characters.</summary>
    private static IEnumerable<char> Letters(string format)
    {
        char? quote = null;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (char.IsAsciiLetter(c))
            {
                yield return c;
            }
        }
    }
}
