using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>A driver of an explanation: its stable name, what a person reads, and the unit of its own value.</summary>
internal sealed record DriverDefinition(string Name, string Label, Unit Unit);

/// <summary>A driver's own value at the comparison and at the actual (a win rate, a count of deals), where it has one.</summary>
internal readonly record struct DriverValues(decimal? From, decimal? To);

/// <summary>One slice of an explanation: its identity and each driver's own values in it.</summary>
internal sealed record SlicePart(IReadOnlyDictionary<string, string> Slice, string Label, IIdentity Identity, IReadOnlyDictionary<string, DriverValues> Values);

/// <summary>The gap split into cells that add up to it exactly, with slice and driver totals.</summary>
internal sealed record Decomposition(decimal Actual, decimal Comparison, IReadOnlyList<Contribution> Cells, IReadOnlyList<SliceGap> Slices, IReadOnlyList<Contribution> Drivers)
{
    public decimal Gap => Actual - Comparison;
}

/// <summary>
/// Turns slices' identities into an explanation's cells at a resolution (a cent, a millionth of a ratio): the actual is
/// rounded once and its slices apportioned to it, the comparison's slices are apportioned to the comparison's total (a
/// plan's target, exactly, or the rounded sum), and each slice's Shapley contributions are apportioned to its rounded gap. So cells add up to their slice's gap, slices
/// to the company's, and the driver totals (sums of cells) to it too — exactly, never "about".
/// </summary>
internal static class Decomposer
{
    /// <param name="parts">The slices; their identities add up to the metric (less <paramref name="constant"/>).</param>
    /// <param name="drivers">Every driver the identities name, in the order ties are shown.</param>
    /// <param name="totals">Each driver's own values over all slices, for the driver totals.</param>
    /// <param name="constant">A part of the metric that no driver moves (the 1 of grr = 1 − churn − contraction).</param>
    /// <param name="comparisonTotal">The comparison's exact total (a plan's target), or null for the sum of the slices' comparisons.</param>
    /// <param name="resolution">The unit everything is rounded to.</param>
    public static Decomposition Run(
        IReadOnlyList<SlicePart> parts,
        IReadOnlyList<DriverDefinition> drivers,
        IReadOnlyDictionary<string, DriverValues> totals,
        decimal constant,
        decimal? comparisonTotal,
        decimal resolution)
    {
        // The total is rounded once (as the indicator rounds it) and the slices apportioned to it, on both sides.
        var actual = Apportion.Round(constant + parts.Sum(p => p.Identity.To), resolution);
        var actualSlices = Apportion.ToTotal([.. parts.Select(p => p.Identity.To)], actual - constant, resolution);
        var comparison = comparisonTotal ?? Apportion.Round(constant + parts.Sum(p => p.Identity.From), resolution);
        var comparisonSlices = Apportion.ToTotal([.. parts.Select(p => p.Identity.From)], comparison - constant, resolution);
        var byName = drivers.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var cells = new List<Contribution>();
        var slices = new List<SliceGap>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var gap = actualSlices[i] - comparisonSlices[i];
            slices.Add(new SliceGap { Slice = part.Slice, Label = part.Label, Comparison = comparisonSlices[i], Actual = actualSlices[i], Gap = gap });
            var shapley = part.Identity.Contributions();
            var names = drivers.Select(d => d.Name).Where(shapley.ContainsKey).ToArray();
            var amounts = Apportion.ToTotal([.. names.Select(n => shapley[n])], gap, resolution);
            for (var k = 0; k < names.Length; k++)
            {
                cells.Add(Cell(byName[names[k]], part.Slice, part.Label, amounts[k], part.Values.GetValueOrDefault(names[k])));
            }
        }

        var driverTotals = drivers
            .Where(d => cells.Any(c => c.Driver == d.Name))
            .Select(d => Cell(d, new Dictionary<string, string>(), "", cells.Where(c => c.Driver == d.Name).Sum(c => c.Amount), totals.GetValueOrDefault(d.Name)))
            .ToList();
        return new Decomposition(actual, comparison, Ranked(cells), slices, Ranked(driverTotals));
    }

    /// <summary>Largest first (by size, whichever the sign); ties keep their order.</summary>
    public static IReadOnlyList<Contribution> Ranked(IEnumerable<Contribution> cells) => [.. cells.OrderByDescending(c => Math.Abs(c.Amount))];

    public static Contribution Cell(DriverDefinition driver, IReadOnlyDictionary<string, string> slice, string label, decimal amount, DriverValues values) => new()
    {
        Driver = driver.Name,
        DriverLabel = driver.Label,
        Slice = slice,
        SliceLabel = label,
        Amount = amount,
        DriverUnit = driver.Unit,
        From = values.From,
        To = values.To,
        Change = values.To - values.From,
        ChangeRatio = driver.Unit != Unit.Ratio && values.From is { } from && from != 0 && values.To is { } to ? Math.Round((to - from) / Math.Abs(from), 6) : null,
    };
}
