using Bellwether.Core.Indicators.Engine;

namespace Bellwether.Core.Indicators.Activity;

/// <summary>
/// Activity counts per (rep, type) key over a span of days, and reps' active working days. Activities come per UTC
/// day, so a day counts as of t once it has ended by t (an as-of inside a day leaves that day out): no activity from
/// after t is ever counted.
/// </summary>
internal static class ActivityCounts
{
    /// <summary>The days [from, to) of a window that have ended by t.</summary>
    public static (int From, int To) KnownDays(Scope s, Window w) =>
        (Window.Day(w.From), Math.Min(Window.Day(w.To), (int)(s.T / TimeSpan.TicksPerDay)));

    /// <summary>Activities per key (rep × types + type) on the days [from, to).</summary>
    public static int[] PerKey(Scope s, int from, int to) => s.Memo($"activity_keys:{from}:{to}", () =>
    {
        var table = s.Data.Activities;
        var counts = new int[s.Data.Reps.Count * ActivityTable.TypeCount];
        var a = Sorted.LowerBound(table.Day, from);
        var b = Sorted.LowerBound(table.Day, Math.Max(from, to));
        for (var i = a; i < b; i++)
        {
            counts[ActivityTable.Key(table.Rep[i], table.Type[i])] += table.Activities[i];
        }

        return counts;
    });

    /// <summary>Monday–Friday days in [from, to) on which the rep was active (start_date to end_date inclusive).</summary>
    public static int WorkingDays(RepTable reps, int rep, int from, int to)
    {
        var a = reps.StartDay[rep] == RepTable.Always ? from : Math.Max(from, reps.StartDay[rep]);
        var b = reps.EndDay[rep] == RepTable.Forever ? to : Math.Min(to, reps.EndDay[rep] + 1);
        return Weekdays(a, b);
    }

    /// <summary>Monday–Friday days in [from, to).</summary>
    public static int Weekdays(int from, int to)
    {
        if (to <= from)
        {
            return 0;
        }

        var days = to - from;
        var result = days / 7 * 5;
        for (var d = from + (days / 7 * 7); d < to; d++)
        {
            // Day number 0 (0001-01-01) was a Monday.
            if (d % 7 < 5)
            {
                result++;
            }
        }

        return result;
    }
}
