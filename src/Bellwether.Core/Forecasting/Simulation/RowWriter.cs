using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>Turns simulated draws into forecast rows: quantiles of the totals, means of the parts.</summary>
internal sealed class RowWriter(string indicator, DateTimeOffset asOf, string? scenario, bool distribution, string? provisional)
{
    private static readonly double[] Percentiles = [.. Enumerable.Range(1, 99).Select(p => p / 100.0)];

    /// <summary>
    /// One row per period and group (groups with nothing in any period are left out, unless they are the only group).
    /// Without part names (ratios) the row has no parts; futures without a value (NaN: no cohort) are left out, and a
    /// row none of whose futures has one is missing.
    /// </summary>
    public IEnumerable<ForecastRow> Rows(Draws draws, IReadOnlyList<Period> periods, Slicer slicer, string? knownPart, string? firstPart, string? secondPart, int decimals)
    {
        var groups = Enumerable.Range(0, draws.Groups)
            .Where(g => draws.Groups == 1 || Enumerable.Range(0, draws.Periods).Any(p => Matters(draws, g, p)))
            .OrderBy(g => string.Join('\u001f', slicer.Slice(g).Values), StringComparer.Ordinal)
            .ToList();
        for (var p = 0; p < periods.Count; p++)
        {
            foreach (var g in groups)
            {
                var totals = draws.Totals(g, p).Where(v => !double.IsNaN(v)).ToArray();
                Array.Sort(totals);
                if (totals.Length == 0)
                {
                    yield return new ForecastRow
                    {
                        Indicator = indicator,
                        Period = periods[p].Label,
                        AsOf = asOf,
                        Slice = slicer.Slice(g),
                        Unit = ForecastIndicators.UnitOf(indicator),
                        MissingReason = "no account had revenue in the period before",
                        Scenario = scenario,
                    };
                    continue;
                }

                var known = draws.Known[(g * draws.Periods) + p];
                var first = draws.Mean(draws.First, g, p);
                var second = draws.Mean(draws.Second, g, p);
                var mean = knownPart is null ? Round(totals.Average(), decimals) : Round(known, decimals) + Round(first, decimals) + Round(second, decimals);
                yield return new ForecastRow
                {
                    Indicator = indicator,
                    Period = periods[p].Label,
                    AsOf = asOf,
                    Slice = slicer.Slice(g),
                    P10 = Round(Quantiles.Of(totals, 0.1), decimals),
                    P50 = Round(Quantiles.Of(totals, 0.5), decimals),
                    P90 = Round(Quantiles.Of(totals, 0.9), decimals),
                    Mean = mean,
                    Unit = ForecastIndicators.UnitOf(indicator),
                    Parts = knownPart is null || firstPart is null || secondPart is null ? null : new Dictionary<string, decimal>
                    {
                        [knownPart] = Round(known, decimals),
                        [firstPart] = Round(first, decimals),
                        [secondPart] = Round(second, decimals),
                    },
                    Provisional = provisional is not null,
                    ProvisionalReason = provisional,
                    Scenario = scenario,
                    Distribution = distribution ? [.. Percentiles.Select(q => Round(Quantiles.Of(totals, q), decimals))] : null,
                };
            }
        }
    }

    public static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    private static bool Matters(Draws draws, int g, int p)
    {
        if (draws.Known[(g * draws.Periods) + p] != 0)
        {
            return true;
        }

        var at = draws.At(g, p, 0);
        for (var s = 0; s < draws.Simulations; s++)
        {
            if (draws.First[at + s] != 0 || (draws.Second[at + s] != 0 && !double.IsNaN(draws.Second[at + s])))
            {
                return true;
            }
        }

        return false;
    }
}
