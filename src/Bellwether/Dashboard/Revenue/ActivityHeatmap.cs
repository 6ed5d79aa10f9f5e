using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;
using Bellwether.Export;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Activities against standards, rep by rep and week by week (or the grain chosen): each cell is how much of their
/// standards the rep reached in that step — 100% when they met every one, else the share of the minimum reached on the
/// standard they fell furthest short of (activity_standard_met's own shortfall, as <c>bellwether indicators</c> gives
/// it), so that a rep at 50% did half of what one standard asks.
/// </summary>
public static class ActivityHeatmap
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows(["activity_standard_met"], context.Grain, [Dimension.Rep]);
        var steps = context.Steps;
        var byRep = rows.Where(r => r.Value is not null && r.Slice.ContainsKey("rep")).GroupBy(r => r.Slice["rep"])
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Period, StringComparer.Ordinal), StringComparer.Ordinal);

        decimal? Reached(string rep, string step) => byRep[rep].TryGetValue(step, out var row) ? Reach(row) : null;
        var reps = byRep.Keys
            .OrderBy(rep => steps.Select(s => Reached(rep, s)).OfType<decimal>().DefaultIfEmpty(1).Average())
            .ThenBy(rep => context.Names.Rep(rep), StringComparer.Ordinal).ToList();
        string? Note(string rep, string step) => byRep[rep].TryGetValue(step, out var row) ? Why(row) : null;
        string RepLink(string rep) => $"{Links.Rep(rep)}?period={Uri.EscapeDataString(context.PeriodKey)}";

        var table = new TableData
        {
            Id = "activity-by-rep",
            Caption = $"Activity standards reached by rep and {context.GrainWord}, {context.Period.Label}",
            Columns = [new("Rep"), new($"{Capital(context.GrainWord)}s meeting every standard", true), .. steps.Select(s => new TableColumn(s, true))],
            Rows = [.. reps.Select(rep => new TableRow(
            [
                TableCell.Link(context.Names.Rep(rep), RepLink(rep)).WithTitle($"{context.Names.Rep(rep)}'s figures, activity and deals"),
                TableCell.Count(steps.Count(s => Reached(rep, s) == 1)),
                .. steps.Select(s => Reached(rep, s) is { } v
                    ? new TableCell { Text = Readable.Percent(v, 0), Raw = Cell.Number(v, CellKind.Ratio), Title = Note(rep, s) }
                    : TableCell.Of(null).WithTitle("no standard or no working day")),
            ]))],
            EmptyText = $"No rep has an activity standard (standards.csv) and a working day in {context.Period.Label}.",
        };
        var chart = new HeatmapChartData
        {
            Columns = steps,
            Rows = [.. reps.Select(context.Names.Rep)],
            Values = [.. reps.Select(rep => (IReadOnlyList<decimal?>)[.. steps.Select(s => Reached(rep, s))])],
            Notes = [.. reps.Select(rep => (IReadOnlyList<string?>)[.. steps.Select(s => Note(rep, s))])],
            RowLinks = [.. reps.Select(RepLink)],
            Min = 0,
            Max = 1,
            Format = ChartFormat.Percent,
            Description = $"Activity standards reached by {reps.Count} reps, {context.GrainWord} by {context.GrainWord} in {context.Period.Label}: "
                + string.Join("; ", reps.Take(5).Select(rep => $"{context.Names.Rep(rep)} met every standard in {steps.Count(s => Reached(rep, s) == 1)} of {steps.Count}"))
                + (reps.Count > 5 ? "; the rest in the table." : "."),
            Table = ChartTables.Of(table),
        };

        var latest = steps.LastOrDefault(s => reps.Any(rep => Reached(rep, s) is not null));
        var below = latest is null ? [] : reps.Where(rep => Reached(rep, latest) is < 1).ToList();
        return new RevenueSectionView
        {
            Title = "Activities against standards",
            Lede = $"Each cell is how much of their activity standards a rep reached in a {context.GrainWord}: 100% when they met every one, else the share of the minimum reached on the one they fell furthest short of. A rep, or any of their cells, leads to their activity and deals in the same period.",
            Headlines = latest is null ? [] : [below.Count == 0
                ? $"Every rep with a standard met all of them in {latest}."
                : $"{below.Count} of {reps.Count(rep => Reached(rep, latest) is not null)} reps fell short in {latest}: {string.Join(", ", below.Take(4).Select(context.Names.Rep))}{(below.Count > 4 ? $" and {below.Count - 4} more" : "")}."],
            Charts = [new RevenueChart("activity-heatmap", "Activity standards reached, rep by " + context.GrainWord, chart, RevenueChart.HeightFor(reps.Count, 26) + 40)],
            Tables = [table],
            Currency = context.Currency,
        };
    }

    /// <summary>1 when the rep met every standard; else the share of the minimum reached on the worst-missed standard.</summary>
    private static decimal? Reach(IndicatorRow row) => row.Value is null ? null
        : row.Detail is ActivityStandardDetail { BelowStandard.Count: > 0 } detail ? Math.Max(0, 1 - detail.BelowStandard.Max(b => b.ShortfallShare)) : 1;

    private static string? Why(IndicatorRow row) => row.Detail is ActivityStandardDetail { BelowStandard.Count: > 0 } detail
        ? string.Join("; ", detail.BelowStandard.Select(b => $"{b.ActivityType.Replace('_', ' ')}s {Readable.Count(b.Actual)} a {b.Per} against {Readable.Count(b.Minimum)}"))
        : row.Value is null ? row.MissingReason : "met every standard";

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
