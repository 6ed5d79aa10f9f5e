using Bellwether.Core.Indicators;

namespace Bellwether.Status;

/// <summary>Whether an indicator can be computed from the files a workspace holds, and if not, why.</summary>
public sealed record IndicatorAvailability(string Name, bool Available, string? Reason)
{
    public static IReadOnlyList<IndicatorAvailability> For(IReadOnlySet<string> files) =>
        [
            .. IndicatorCatalog.All.Select(d =>
            {
                var missing = d.Needs.Where(f => !files.Contains(f)).ToList();
                return missing.Count == 0
                    ? new IndicatorAvailability(d.Name, true, null)
                    : new IndicatorAvailability(d.Name, false, "no " + string.Join(", no ", missing));
            }),
        ];

    /// <summary>One line per missing file: "no revenue.csv: revenue, grr, nrr unavailable".</summary>
    public static IReadOnlyList<string> Summarise(IReadOnlyList<IndicatorAvailability> availability) =>
        [
            .. availability
                .Where(a => !a.Available)
                .GroupBy(a => a.Reason!)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(a => a.Name))} unavailable"),
        ];
}
