using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// The stage-weighted baseline of indicators.md: what closed in P by t plus Σ amount × p over the closable deals, p as
/// weighted_pipeline defines it (stages.csv's probability, else the deal's own, else the stage's historical win rate:
/// deals closed before t that ever reached the stage, won / (won + lost)). Computed on the as-of view the model was
/// fitted on, so it sees exactly what the forecast saw.
/// </summary>
/// <remarks>
/// The indicators engine computes closable_deals and weighted_pipeline but not their product per deal; this repeats
/// their definitions on the forecaster's deal table.
/// </remarks>
internal static class StageWeighted
{
    public static double? Value(FittedParts m, Period period, IReadOnlyDictionary<Dimension, string> filter, bool count)
    {
        var facts = m.Facts;
        var end = period.End.DayNumber;
        bool Inside(int i) => filter.All(f => facts.Value(f.Key, i) == f.Value);
        var stageProbability = m.View.Stages.Where(s => s.Probability is not null).ToDictionary(s => s.Name, s => s.Probability!.Value, StringComparer.Ordinal);
        var rates = HistoricalRates(facts);
        var crm = m.View.Opportunities.Where(o => o.Probability is not null).ToDictionary(o => o.OpportunityId, o => o.Probability!.Value, StringComparer.Ordinal);
        var overallWon = Enumerable.Range(0, facts.RealCount).Count(i => facts.Status[i] == OpportunityStatus.Won);
        var overallClosed = Enumerable.Range(0, facts.RealCount).Count(i => !facts.IsOpen(i));
        var p10Cycle = P10WonCycle(m, filter);
        double total = 0;
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (!Inside(i))
            {
                continue;
            }

            if (facts.Status[i] == OpportunityStatus.Won && period.Contains(DateOnly.FromDayNumber(facts.ClosedDay[i])))
            {
                total += count ? 1 : (double)facts.Amount[i];
                continue;
            }

            if (!facts.IsOpen(i))
            {
                continue;
            }

            var expected = facts.Expected[i];
            var closable = expected != DealFacts.NoDay
                ? expected < end
                : !double.IsNaN(p10Cycle) && facts.CreatedTicks[i] <= period.EndInstant.UtcTicks - (long)(p10Cycle * TimeSpan.TicksPerDay);
            if (!closable)
            {
                continue;
            }

            var stage = facts.Stages.Value(facts.Stage[i]);
            var p = stageProbability.TryGetValue(stage, out var sp) ? sp
                : crm.TryGetValue(facts.Id[i], out var cp) ? cp
                : rates.TryGetValue(facts.Stage[i], out var hr) ? hr
                : overallClosed > 0 ? (double)overallWon / overallClosed : double.NaN;
            if (double.IsNaN(p))
            {
                return null;
            }

            total += p * (count ? 1 : (double)facts.Amount[i]);
        }

        return total;
    }

    /// <summary>Each stage's win rate over deals closed before t that ever reached it (final stage or a history row).</summary>
    private static Dictionary<int, double> HistoricalRates(DealFacts facts)
    {
        var won = new Dictionary<int, int>();
        var closed = new Dictionary<int, int>();
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.IsOpen(i))
            {
                continue;
            }

            var stages = new HashSet<int> { facts.Stage[i] };
            for (var r = facts.HistStart[i]; r < facts.HistStart[i] + facts.HistCount[i]; r++)
            {
                stages.Add(facts.History[r].Stage);
            }

            if (facts.HistCount[i] == 0)
            {
                stages.Add(facts.FallbackStage);
            }

            foreach (var s in stages)
            {
                closed[s] = closed.GetValueOrDefault(s) + 1;
                won[s] = won.GetValueOrDefault(s) + (facts.Status[i] == OpportunityStatus.Won ? 1 : 0);
            }
        }

        return closed.ToDictionary(kv => kv.Key, kv => (double)won[kv.Key] / kv.Value);
    }

    /// <summary>The slice's 10th-percentile won cycle in days over the trailing 4 fiscal quarters before t, else all won deals before t.</summary>
    private static double P10WonCycle(FittedParts m, IReadOnlyDictionary<Dimension, string> filter)
    {
        var facts = m.Facts;
        var last = m.Calendar.Containing(DateOnly.FromDayNumber(m.Day0 - 1), Grain.Quarter);
        if (last.End.DayNumber > m.Day0)
        {
            last = m.Calendar.Previous(last);
        }

        var from = m.Calendar.Shift(last, -3).Start.DayNumber;
        List<double> Cycles(int since, long until) => [.. Enumerable.Range(0, facts.RealCount)
            .Where(i => facts.Status[i] == OpportunityStatus.Won && facts.ClosedDay[i] >= since && facts.ClosedTicks[i] < until
                && filter.All(f => facts.Value(f.Key, i) == f.Value))
            .Select(i => (facts.ClosedTicks[i] - facts.CreatedTicks[i]) / (double)TimeSpan.TicksPerDay)
            .Order()];
        var cycles = Cycles(from, last.EndInstant.UtcTicks);
        if (cycles.Count == 0)
        {
            cycles = Cycles(int.MinValue, long.MaxValue);
        }

        if (cycles.Count == 0)
        {
            return double.NaN;
        }

        var position = 0.1 * (cycles.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, cycles.Count - 1);
        return cycles[lower] + ((position - lower) * (cycles[upper] - cycles[lower]));
    }
}
