using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>The deals, open at t, that can still close won in a period, per group.</summary>
internal sealed class ClosableStats(int groups)
{
    public int[] Count { get; } = new int[groups];

    public decimal[] Amount { get; } = new decimal[groups];

    /// <summary>The group's 10th-percentile won cycle in days (NaN when it has no won deals to learn it from).</summary>
    public double[] P10CycleDays { get; } = new double[groups];

    /// <summary>Deals without an expected date that could not be judged because the group has no won cycle.</summary>
    public int[] Unjudged { get; } = new int[groups];
}

/// <summary>
/// closable_deals as indicators.md defines it: as of t, open deals whose expected_close_date (as known at t) is inside P
/// or earlier, or, without one, created at least the slice's 10th-percentile won cycle before P's end. The cycle is
/// learned from the slice's won deals of the trailing 4 fiscal quarters before t, or from all its won deals before t
/// when that window has none.
/// </summary>
internal static class Closable
{
    public static ClosableStats In(Scope s, Period target, bool excludeEarlier = false) => s.Memo($"closable:{target.Label}:{excludeEarlier}", () =>
    {
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var stats = new ClosableStats(s.Groups);
        var trailing = DealStats.WonCycles(s, Window.Trailing(s.Calendar, s.T, Grain.Quarter, 4));
        List<double>[]? everything = null;
        for (var g = 0; g < s.Groups; g++)
        {
            if (trailing[g].Count == 0)
            {
                everything ??= DealStats.WonCycles(s, new Window(0, s.T, "all"));
            }

            stats.P10CycleDays[g] = DealStats.Quantile(trailing[g].Count > 0 ? trailing[g] : everything![g], 0.1);
        }

        var endDay = target.End.DayNumber;
        var startDay = target.Start.DayNumber;
        var endTicks = target.EndInstant.UtcTicks;
        var startTicks = target.StartInstant.UtcTicks;
        var open = s.Cache.Open(s.T);
        for (var k = 0; k < open.Rows.Length; k++)
        {
            var i = open.Rows[k];
            var g = of[i];
            if (g < 0)
            {
                continue;
            }

            var expected = open.Expected[k];
            bool closable;
            if (expected != DealTable.NoDay)
            {
                closable = expected < endDay && (!excludeEarlier || expected >= startDay);
            }
            else if (double.IsNaN(stats.P10CycleDays[g]))
            {
                stats.Unjudged[g]++;
                closable = false;
            }
            else
            {
                var cycle = (long)(stats.P10CycleDays[g] * TimeSpan.TicksPerDay);
                closable = deals.Created[i] <= endTicks - cycle && (!excludeEarlier || deals.Created[i] > startTicks - cycle);
            }

            if (closable)
            {
                stats.Count[g]++;
                stats.Amount[g] += open.Amount[k];
            }
        }

        return stats;
    });

    public static string? UnjudgedReason(ClosableStats stats, int g) => stats.Unjudged[g] == 0
        ? null
        : $"{stats.Unjudged[g]} open deals without an expected close date were not counted: the slice has no won deals to learn its cycle from";
}
