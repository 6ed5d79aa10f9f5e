namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Rep-months (indicators.md): each active rep counts once per month, prorated by active days. A rep's productivity
/// rises linearly from 0 on start_date to full after the ramp months; a ramped rep is one past ramp. Days are day
/// numbers, ranges [from, to).
/// </summary>
internal static class RepMonths
{
    /// <summary>The first day of full productivity for a rep starting on the day.</summary>
    public static int RampEnd(int startDay, int rampMonths) =>
        startDay == RepTable.Always ? RepTable.Always : DateOnly.FromDayNumber(startDay).AddMonths(rampMonths).DayNumber;

    /// <summary>Past ramp on the day (with the settings' ramp months the table was built with).</summary>
    public static bool IsRamped(RepTable reps, int rep, int day) => day >= reps.RampEndDay[rep];

    /// <summary>Rep-months in which the rep was active and past ramp.</summary>
    public static double Ramped(RepTable reps, int rep, int from, int to)
    {
        var start = Math.Max(from, reps.RampEndDay[rep]);
        return Prorated(start, Math.Min(to, EndExclusive(reps, rep)), _ => 1);
    }

    /// <summary>The same for someone starting on <paramref name="startDay"/> (Always: ramped since forever) and staying.</summary>
    public static double RampWeighted(int startDay, int to, int from, int rampMonths)
    {
        if (startDay == RepTable.Always)
        {
            return Prorated(from, to, _ => 1);
        }

        var rampEnd = RampEnd(startDay, rampMonths);
        var rampDays = (double)(rampEnd - startDay);
        return Prorated(Math.Max(from, startDay), to, day => day >= rampEnd ? 1 : (day - startDay) / rampDays);
    }

    /// <summary>Calendar months in [from, to): each day counts 1 / the days of its month (July 1–15 is 15/31).</summary>
    public static double Calendar(int from, int to) => Prorated(from, to, _ => 1);

    /// <summary>Σ over days of weight(day) / days in the day's month.</summary>
    private static double Prorated(int from, int to, Func<int, double> weight)
    {
        var total = 0.0;
        var day = from;
        while (day < to)
        {
            var date = DateOnly.FromDayNumber(day);
            var monthDays = DateTime.DaysInMonth(date.Year, date.Month);
            var monthEnd = Math.Min(to, new DateOnly(date.Year, date.Month, 1).AddMonths(1).DayNumber);
            var sum = 0.0;
            for (var d = day; d < monthEnd; d++)
            {
                sum += weight(d);
            }

            total += sum / monthDays;
            day = monthEnd;
        }

        return total;
    }

    private static int EndExclusive(RepTable reps, int rep) => reps.EndDay[rep] == RepTable.Forever ? int.MaxValue : reps.EndDay[rep] + 1;
}
