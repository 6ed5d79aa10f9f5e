namespace Bellwether.Core.Time;

/// <summary>
/// A fast, strict reader of the ISO 8601 forms the data format allows, written by hand because import reads tens of
/// millions of them: <c>2025-03-31</c>, <c>2025-03-31T14:05</c>, <c>2025-03-31T14:05:00</c>, optional fractions, and
/// an optional <c>Z</c> or <c>±hh:mm</c> offset (none means UTC). A space may stand for the <c>T</c>, as many exports write it.
/// </summary>
public static class IsoDate
{
    public static bool TryParseDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Reads <c>YYYY-MM</c> as the first day of that month.</summary>
    public static bool TryParseMonth(ReadOnlySpan<char> s, out DateOnly firstDay)
    {
        firstDay = default;
        if (s.Length != 7 || s[4] != '-' || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12)
        {
            return false;
        }

        firstDay = new DateOnly(year, month, 1);
        return true;
    }

    /// <summary>Reads a date or a date and time as UTC ticks; a bare date is that day's first instant.</summary>
    public static bool TryParseInstant(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if (s.Length < 10 || !TryParseDate(s[..10], out var date))
        {
            return false;
        }

        var ticks = date.DayNumber * TimeSpan.TicksPerDay;
        if (s.Length == 10)
        {
            utcTicks = ticks;
            return true;
        }

        if (s[10] is not ('T' or 't' or ' ') || s.Length < 16 || s[13] != ':')
        {
            return false;
        }

        if (!TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks += (hour * 60L + minute) * TimeSpan.TicksPerMinute;
        var i = 16;
        if (i < s.Length && s[i] == ':')
        {
            if (s.Length < i + 3 || !TryDigits(s.Slice(i + 1, 2), out var second) || second > 59)
            {
                return false;
            }

            ticks += second * TimeSpan.TicksPerSecond;
            i += 3;
            if (i < s.Length && s[i] is '.' or ',')
            {
                i++;
                var start = i;
                long fraction = 0;
                var digits = 0;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    if (digits < 7)
                    {
                        fraction = fraction * 10 + (s[i] - '0');
                        digits++;
                    }

                    i++;
                }

                if (i == start)
                {
                    return false;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }

                ticks += fraction;
            }
        }

        if (i == s.Length)
        {
            utcTicks = ticks;
            return true;
        }

        if (s[i] is 'Z' or 'z')
        {
            if (i + 1 != s.Length)
            {
                return false;
            }

            utcTicks = ticks;
            return true;
        }

        if (s[i] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[i] == '+' ? 1 : -1;
        var offset = s[(i + 1)..];
        int offsetHours, offsetMinutes;
        if (offset.Length == 5 && offset[2] == ':' && TryDigits(offset[..2], out offsetHours) && TryDigits(offset.Slice(3, 2), out offsetMinutes))
        {
        }
        else if (offset.Length == 4 && TryDigits(offset[..2], out offsetHours) && TryDigits(offset.Slice(2, 2), out offsetMinutes))
        {
        }
        else if (offset.Length == 2 && TryDigits(offset, out offsetHours))
        {
            offsetMinutes = 0;
        }
        else
        {
            return false;
        }

        if (offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }

        // Local time = UTC + offset, so UTC = local − offset.
        utcTicks = ticks - sign * (offsetHours * 60L + offsetMinutes) * TimeSpan.TicksPerMinute;
        return utcTicks >= 0;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return s.Length > 0;
    }
}
