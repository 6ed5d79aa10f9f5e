using Bellwether.Core.Import;
using Bellwether.Core.Indicators;
using Bellwether.Storage;

namespace Bellwether.Status;

/// <summary>Whether an indicator can be computed from the files a workspace holds, and if not, why.</summary>
public sealed record IndicatorAvailability(string Name, bool Available, string? Reason)
{
    /// <summary>The indicators a workspace can compute from the files it holds rows of.</summary>
    public static IReadOnlyList<IndicatorAvailability> For(StoreStatus status)
    {
        var files = status.Tables.Where(t => t.Rows > 0).Select(t => t.File).ToHashSet(StringComparer.Ordinal);
        if (status.RecordedHistoryOnly)
        {
            // History recorded by comparing exports is not the CRM's full history.
            files.Remove(FileSchemas.OpportunityHistory.FileName);
        }

        return For(files);
    }

    public static IReadOnlyList<IndicatorAvailability> For(IReadOnlySet<string> files) =>
        [
            .. IndicatorCatalog.All.Select(d =>
            {
                // Missing files in the folder format's order, so that indicators missing the same files share one reason.
                var missing = d.Needs.Where(f => !files.Contains(f)).OrderBy(FileOrder).ToList();
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

    private static int FileOrder(string file)
    {
        for (var i = 0; i < FileSchemas.All.Count; i++)
        {
            if (FileSchemas.All[i].FileName == file)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
