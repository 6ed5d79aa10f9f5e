using System.Globalization;

namespace Bellwether.Core.Time;

/// <summary>
/// The company's calendar: where its fiscal year starts, and so what <c>2026</c> and <c>2026-Q1</c> mean. A fiscal
/// year is named by the calendar year in which it ends: with an April start, <c>2026</c> runs from April 2025 to
/// March 2026 and <c>2026-Q1</c> is April–June 2025. Days, ISO weeks and months do not depend on it. All period
/// arithmetic lives here.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Every period is made by the calendar, including those that do not depend on it.")]
public sealed record FiscalCalendar
{
    /// <summary>Fiscal year = calendar year, the default.</summary>
    public static readonly FiscalCalendar Default = new(1);

    public FiscalCalendar(int firstMonth)
    {
        if (firstMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(firstMonth), firstMonth, "The fiscal year's first month is 1 to 12.");
        }

        FirstMonth = firstMonth;
    }

    /// <summary>The fiscal year's first calendar month, 1 (January) to 12.</summary>
    public int FirstMonth { get; }

    public int FiscalYearOf(DateOnly day) => FirstMonth == 1 || day.Month < FirstMonth ? day.Year : day.Year + 1;

    public DateOnly FiscalYearStart(int fiscalYear) => FirstMonth == 1 ? new DateOnly(fiscalYear, 1, 1) : new DateOnly(fiscalYear - 1, FirstMonth, 1);

    public Period Day(DateOnly day) => new(Grain.Day, day, day.AddDays(1), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public Period Week(int isoYear, int week)
    {
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new(Grain.Week, monday, monday.AddDays(7), $"{isoYear:D4}-W{week:D2}");
    }

    public Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(Grain.Month, start, start.AddMonths(1), $"{year:D4}-{month:D2}");
    }

    public Period Quarter(int fiscalYear, int quarter)
    {
        var start = FiscalYearStart(fiscalYear).AddMonths(3 * (quarter - 1));
        return new(Grain.Quarter, start, start.AddMonths(3), $"{fiscalYear:D4}-Q{quarter}");
    }

    public Period Year(int fiscalYear)
    {
        var start = FiscalYearStart(fiscalYear);
        return new(Grain.Year, start, start.AddYears(1), fiscalYear.ToString("D4", CultureInfo.InvariantCulture));
    }

    /// <summary>The period of the given grain that contains the day.</summary>
    public Period Containing(DateOnly day, Grain grain)
    {
        switch (grain)
        {
            case Grain.Day:
                return Day(day);
            case Grain.Week:
                var dt = day.ToDateTime(TimeOnly.MinValue);
                return Week(ISOWeek.GetYear(dt), ISOWeek.GetWeekOfYear(dt));
            case Grain.Month:
                return Month(day.Year, day.Month);
            case Grain.Quarter:
                var fiscalYear = FiscalYearOf(day);
                var monthsIn = ((day.Year * 12) + day.Month - 1) - ((FiscalYearStart(fiscalYear).Year * 12) + FirstMonth - 1);
                return Quarter(fiscalYear, (monthsIn / 3) + 1);
            case Grain.Year:
                return Year(FiscalYearOf(day));
            default:
                throw new ArgumentOutOfRangeException(nameof(grain), grain, null);
        }
    }

    /// <summary>The period of the given grain in which the instant falls.</summary>
    public Period Containing(DateTimeOffset instant, Grain grain) => Containing(Instants.DayOf(instant), grain);

    public Period Next(Period period) => Containing(period.End, period.Grain);

    public Period Previous(Period period) => Containing(period.Start.AddDays(-1), period.Grain);

    /// <summary>The period <paramref name="count"/> steps after (or, negative, before) this one.</summary>
    public Period Shift(Period period, int count)
    {
        var p = period;
        for (var i = 0; i < Math.Abs(count); i++)
        {
            p = count > 0 ? Next(p) : Previous(p);
        }

        return p;
    }

    /// <summary>The same period one year earlier (for a week, the same ISO week number where it exists).</summary>
    public Period YearEarlier(Period period) => period.Grain switch
    {
        Grain.Day => Day(period.Start.AddYears(-1)),
        Grain.Week => Containing(period.Start.AddDays(-364), Grain.Week),
        _ => Containing(period.Start.AddYears(-1), period.Grain),
    };

    /// <summary>
    /// Breaks a period into consecutive sub-periods of a finer or equal grain: those that overlap it, whole. Weeks
    /// do not nest in months or quarters, so a month split into weeks includes the weeks that straddle its ends.
    /// </summary>
    public IReadOnlyList<Period> Split(Period period, Grain grain)
    {
        if (grain > period.Grain)
        {
            throw new ArgumentException($"A {period.Grain.ToString().ToLowerInvariant()} cannot be split into {grain.ToString().ToLowerInvariant()}s.", nameof(grain));
        }

        var result = new List<Period>();
        for (var p = Containing(period.Start, grain); p.Start < period.End; p = Next(p))
        {
            result.Add(p);
        }

        return result;
    }

    /// <summary>Parses a period label, or throws <see cref="FormatException"/> with the reason.</summary>
    public Period Parse(string text) =>
        TryParse(text, out var period, out var reason) ? period : throw new FormatException($"\"{text}\" {reason}");

    public bool TryParse(ReadOnlySpan<char> text, out Period period) => TryParse(text, out period, out _);

    /// <summary>
    /// Reads <c>2025-03-31</c>, <c>2025-W14</c>, <c>2025-03</c>, <c>2025-Q1</c> or <c>2025</c>. On failure,
    /// <paramref name="reason"/> completes the sentence "VALUE …", e.g. "is not a period (…)".
    /// </summary>
    public bool TryParse(ReadOnlySpan<char> text, out Period period, out string reason)
    {
        period = default;
        reason = "is not a period (expected 2025-03-31, 2025-W14, 2025-03, 2025-Q1 or 2025)";
        text = text.Trim();
        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        if (year is < SupportedDates.FirstYear or > SupportedDates.LastYear)
        {
            reason = $"is outside the years Bellwether supports ({SupportedDates.FirstYear} to {SupportedDates.LastYear})";
            return false;
        }

        var rest = text[4..];
        if (rest.Length == 0)
        {
            period = Year(year);
            return true;
        }

        if (rest[0] != '-' || rest.Length < 2)
        {
            return false;
        }

        rest = rest[1..];
        if (rest[0] is 'Q' or 'q')
        {
            if (rest.Length == 2 && rest[1] is >= '1' and <= '4')
            {
                period = Quarter(year, rest[1] - '0');
                return true;
            }

            reason = "is not a period: a quarter is Q1 to Q4";
            return false;
        }

        if (rest[0] is 'W' or 'w')
        {
            if (rest.Length == 3 && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var week))
            {
                if (week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
                {
                    period = Week(year, week);
                    return true;
                }

                reason = $"is not a period: {year} has ISO weeks 1 to {ISOWeek.GetWeeksInYear(year)}";
            }

            return false;
        }

        if (IsoDate.TryParseDate(text, out var day))
        {
            period = Day(day);
            return true;
        }

        if (IsoDate.TryParseMonth(text, out var firstDay))
        {
            period = Month(firstDay.Year, firstDay.Month);
            return true;
        }

        return false;
    }

    public static bool TryParseGrain(string text, out Grain grain)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "day": grain = Grain.Day; return true;
            case "week": grain = Grain.Week; return true;
            case "month": grain = Grain.Month; return true;
            case "quarter": grain = Grain.Quarter; return true;
            case "year": grain = Grain.Year; return true;
            default: grain = default; return false;
        }
    }
}
