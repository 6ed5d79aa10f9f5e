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

    public static bool IsRamped(RepTable reps, int rep, int day, int rampMonths) =>
        reps.StartDay[rep] == RepTable.Always || day >= RampEnd(reps.StartDay[rep], rampMonths);

    /// <summary>Rep-months in which the rep was active and past ramp.</summary>
    public static double Ramped(RepTable reps, int rep, int from, int to, int rampMonths)
    {
        var start = reps.StartDay[rep] == RepTable.Always ? from : Math.Max(from, RampEnd(reps.StartDay[rep], rampMonths));
        return Prorated(start, Math.Min(to, EndExclusive(reps, rep)), _ => 1);
    }

    /// <summary>Rep-months weighted by productivity: what the rep produces over the days, in ramped-rep-months.</summary>
    public static double RampWeighted(RepTable reps, int rep, int from, int to, int rampMonths) =>
        RampWeighted(reps.StartDay[rep], Math.Min(to, EndExclusive(reps, rep)), from, rampMonths);

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
