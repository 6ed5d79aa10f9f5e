using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>Per-group figures of the deals closed in a window (before t): one pass over a closed_at range.</summary>
internal sealed class ClosedStats
{
    public ClosedStats(int groups)
    {
        WonCount = new int[groups];
        LostCount = new int[groups];
        WonAmount = new decimal[groups];
        LostAmount = new decimal[groups];
        CycleDays = new double[groups];
        WonByType = new decimal[groups * 3];
        NewLogos = new int[groups];
    }

    public int[] WonCount { get; }

    public int[] LostCount { get; }

    public decimal[] WonAmount { get; }

    public decimal[] LostAmount { get; }

    /// <summary>Σ (closed_at − created_at) in days over won deals.</summary>
    public double[] CycleDays { get; }

    /// <summary>Won amount by group × 3 + (int)OpportunityType.</summary>
    public decimal[] WonByType { get; }

    public int[] NewLogos { get; }

    public decimal Booked(int group, OpportunityType type) => WonByType[(group * 3) + (int)type];
}

/// <summary>Per-group figures of the deals created in a window (before t).</summary>
internal sealed class CreatedStats(int groups)
{
    public int[] Count { get; } = new int[groups];

    /// <summary>Σ amount as first recorded.</summary>
    public decimal[] Amount { get; } = new decimal[groups];
}

/// <summary>Per-group figures of the deals open at an instant.</summary>
internal sealed class OpenStats(int groups)
{
    public int[] Count { get; } = new int[groups];

    public decimal[] Amount { get; } = new decimal[groups];
}

/// <summary>The shared deal figures, memoized per query so every indicator of a dashboard reuses them.</summary>
internal static class DealStats
{
    /// <summary>Deals closed in [from, to) and before t.</summary>
    public static ClosedStats Closed(Scope s, Window w) => s.Memo($"closed:{w.From}:{w.To}", () =>
    {
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var stats = new ClosedStats(s.Groups);
        var (a, b) = ClosedRange(s, w);
        for (var i = a; i < b; i++)
        {
            var g = of[i];
            if (g < 0)
            {
                continue;
            }

            if (deals.Status[i] == OpportunityStatus.Won)
            {
                stats.WonCount[g]++;
                stats.WonAmount[g] += deals.Amount[i];
                stats.CycleDays[g] += (deals.Closed[i] - deals.Created[i]) / (double)TimeSpan.TicksPerDay;
                stats.WonByType[(g * 3) + deals.Codes[Slicing.Dimension.Type]![i]] += deals.Amount[i];
                if (deals.FirstWin[i])
                {
                    stats.NewLogos[g]++;
                }
            }
            else
            {
                stats.LostCount[g]++;
                stats.LostAmount[g] += deals.Amount[i];
            }
        }

        return stats;
    });

    /// <summary>The won cycles (days) of each group's deals closed in the window before t, sorted ascending.</summary>
    public static List<double>[] WonCycles(Scope s, Window w) => s.Memo($"cycles:{w.From}:{w.To}", () =>
    {
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var cycles = new List<double>[s.Groups];
        for (var g = 0; g < cycles.Length; g++)
        {
            cycles[g] = [];
        }

        var (a, b) = ClosedRange(s, w);
        for (var i = a; i < b; i++)
        {
            if (of[i] >= 0 && deals.Status[i] == OpportunityStatus.Won)
            {
                cycles[of[i]].Add((deals.Closed[i] - deals.Created[i]) / (double)TimeSpan.TicksPerDay);
            }
        }

        foreach (var list in cycles)
        {
            list.Sort();
        }

        return cycles;
    });

    /// <summary>Deals created in [from, to) and before t, with their first recorded amount.</summary>
    public static CreatedStats Created(Scope s, Window w) => s.Memo($"created:{w.From}:{w.To}", () =>
    {
        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var stats = new CreatedStats(s.Groups);
        var a = Sorted.LowerBound(deals.CreatedSorted, w.From);
        var b = Sorted.LowerBound(deals.CreatedSorted, Math.Min(w.To, s.T));
        for (var k = a; k < b; k++)
        {
            var i = deals.ByCreated[k];
            var g = of[i];
            if (g >= 0)
            {
                stats.Count[g]++;
                stats.Amount[g] += deals.FirstAmount[i];
            }
        }

        return stats;
    });

    /// <summary>Deals open at the instant (which must not be after t), with their amount then.</summary>
    public static OpenStats Open(Scope s, long at) => s.Memo($"open:{at}", () =>
    {
        var set = s.Cache.Open(at);
        var of = s.Space.Map(Source.Deals).Of;
        var stats = new OpenStats(s.Groups);
        for (var k = 0; k < set.Rows.Length; k++)
        {
            var g = of[set.Rows[k]];
            if (g >= 0)
            {
                stats.Count[g]++;
                stats.Amount[g] += set.Amount[k];
            }
        }

        return stats;
    });

    /// <summary>The closed_at-ordered rows closed in [from, min(to, t)).</summary>
    public static (int From, int To) ClosedRange(Scope s, Window w)
    {
        var closed = s.Data.Deals.Closed;
        var a = Sorted.LowerBound(closed, w.From);
        var b = Sorted.LowerBound(closed, Math.Max(w.From, Math.Min(w.To, s.T)));
        return (a, b);
    }

    /// <summary>The q-quantile (0–1) of sorted values by linear interpolation, or NaN when there are none.</summary>
    public static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
