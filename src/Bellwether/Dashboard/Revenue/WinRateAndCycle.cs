using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Win rate and sales cycle of the period's new-business deals, rep by rep and across the dimension chosen (vertical by
/// default), each against its benchmark: the same figure over the trailing four fiscal quarters before the period, for
/// every rep together — what a rep or a vertical is compared with when coaching.
/// </summary>
public static class WinRateAndCycle
{
    private static readonly (string Heading, string Indicator)[] Columns =
    [
        ("Win rate", "win_rate"), ("Cycle", "cycle_days"), ("Won deals", "won_deals"), ("Lost deals", "lost_deals"), ("Deal size", "avg_deal_size"), ("Bookings", "bookings"),
    ];

    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = Columns.Select(c => c.Indicator).ToList();
        var (span, winBenchmark, cycleBenchmark) = Benchmark(context);
        var byRep = Part(context, Dimension.Rep, names, winBenchmark, cycleBenchmark);
        var byDimension = Part(context, context.Dimension, names, winBenchmark, cycleBenchmark);
        var against = $"the benchmark: every rep over {span} ({Formats.Value(winBenchmark, Unit.Ratio, context.Currency)} win rate, {Formats.Value(cycleBenchmark, Unit.Days, context.Currency)} cycle)";
        return new RevenueSectionView
        {
            Title = "Win rate and cycle",
            Lede = $"New-business deals closed in {context.Period.Label}, by rep and by {MetricNames.Of(context.DimensionName).ToLowerInvariant()}, against {against}. A rep or a slice leads to its deals.",
            Headlines = [.. new[] { byRep.Headline, byDimension.Headline }.OfType<string>()],
            Charts = [.. byRep.Charts, .. byDimension.Charts],
            Tables = [byRep.Table, byDimension.Table],
            Currency = context.Currency,
        };
    }

    /// <summary>
    /// The benchmark: the new-business win rate and won cycle over the four fiscal quarters before the period's quarter,
    /// pooled (won over won and lost; each quarter's mean cycle weighted by its won deals).
    /// </summary>
    private static (string Span, decimal? WinRate, decimal? Cycle) Benchmark(RevenueContext context)
    {
        var quarter = context.Calendar.Containing(context.Period.Start, Core.Time.Grain.Quarter);
        var quarters = Enumerable.Range(1, 4).Select(k => context.Calendar.Shift(quarter, -k)).Reverse().ToList();
        var rows = quarters.Select(q => IndicatorPivot.ByPeriod(context.Rows(["won_deals", "lost_deals", "cycle_days"], within: context.NewBusiness, period: q)))
            .Zip(quarters, (pivot, q) => (Won: pivot.Value(q.Label, "won_deals") ?? 0, Lost: pivot.Value(q.Label, "lost_deals") ?? 0, Cycle: pivot.Value(q.Label, "cycle_days")))
            .ToList();
        var won = rows.Sum(r => r.Won);
        var closed = won + rows.Sum(r => r.Lost);
        var cycleWeight = rows.Where(r => r.Cycle is not null).Sum(r => r.Won);
        return (
            $"{quarters[0].Label} to {quarters[^1].Label}",
            closed == 0 ? null : won / closed,
            cycleWeight == 0 ? null : rows.Where(r => r.Cycle is not null).Sum(r => r.Cycle!.Value * r.Won) / cycleWeight);
    }

    private static (IReadOnlyList<RevenueChart> Charts, TableData Table, string? Headline) Part(RevenueContext context, Dimension dimension,
        IReadOnlyList<string> names, decimal? winBenchmark, decimal? cycleBenchmark)
    {
        var name = Core.Text.SnakeCase.Name(dimension);
        var pivot = IndicatorPivot.BySlice(context.Rows(names, by: [dimension], within: context.NewBusiness), name);

        // Only those who closed a deal in the period have a win rate; the best first.
        var keys = pivot.Keys.Where(k => pivot.Value(k, "win_rate") is not null)
            .OrderByDescending(k => pivot.Value(k, "win_rate")).ThenBy(k => Label(context, dimension, k), StringComparer.Ordinal).ToList();
        var heading = MetricNames.Of(name);
        var table = IndicatorTables.Of($"win-rate-by-{name.Replace('_', '-')}", $"Win rate and cycle by {heading.ToLowerInvariant()}, {context.Period.Label}", pivot, heading,
            k => TableCell.Link(Label(context, dimension, k), Href(context, dimension, k)), Columns, context.Currency, keys);
        var labels = keys.Select(k => Label(context, dimension, k)).ToList();
        var id = name.Replace('_', '-');
        var win = new SeriesChartData
        {
            Categories = labels,
            Horizontal = true,
            Series = [new ChartSeries { Name = "Win rate", Values = [.. keys.Select(k => pivot.Value(k, "win_rate"))] }],
            References = winBenchmark is { } w ? [new ChartReference("Benchmark", w)] : [],
            Format = ChartFormat.Percent,
            Description = $"Win rate by {heading.ToLowerInvariant()} in {context.Period.Label} against a benchmark of {Formats.Value(winBenchmark, Unit.Ratio, context.Currency)}: "
                + string.Join("; ", keys.Zip(labels).Select(p => $"{p.Second} {Formats.Value(pivot.Value(p.First, "win_rate"), Unit.Ratio, context.Currency)}")) + ".",
            Table = ChartTables.Of(table),
        };
        var cycle = win with
        {
            Series = [new ChartSeries { Name = "Cycle", Values = [.. keys.Select(k => pivot.Value(k, "cycle_days"))], Role = "plan" }],
            References = cycleBenchmark is { } c ? [new ChartReference("Benchmark", c)] : [],
            Format = ChartFormat.Days,
            Description = $"Days from creation to win by {heading.ToLowerInvariant()} in {context.Period.Label} against a benchmark of {Formats.Value(cycleBenchmark, Unit.Days, context.Currency)}: "
                + string.Join("; ", keys.Zip(labels).Select(p => $"{p.Second} {Formats.Value(pivot.Value(p.First, "cycle_days"), Unit.Days, context.Currency)}")) + ".",
        };
        var height = RevenueChart.HeightFor(keys.Count);
        var below = winBenchmark is { } benchmark ? keys.Where(k => pivot.Value(k, "win_rate") < benchmark).ToList() : [];
        var headline = keys.Count == 0 ? null
            : $"{below.Count} of {keys.Count} {(dimension == Dimension.Rep ? "reps" : heading.ToLowerInvariant() + "s")} win less often than the benchmark"
              + (below.Count == 0 ? "." : $": {string.Join(", ", below.TakeLast(3).Reverse().Select(k => $"{Label(context, dimension, k)} {Formats.Value(pivot.Value(k, "win_rate"), Unit.Ratio, context.Currency)}"))}{(below.Count > 3 ? " and more" : "")}.");
        return (
            [new RevenueChart($"win-rate-{id}", $"Win rate by {heading.ToLowerInvariant()}", win, height), new RevenueChart($"cycle-{id}", $"Cycle by {heading.ToLowerInvariant()}", cycle, height)],
            table, headline);
    }

    private static string Label(RevenueContext context, Dimension dimension, string key) => context.Names.SliceValue(dimension, key);

    private static string Href(RevenueContext context, Dimension dimension, string key) =>
        dimension == Dimension.Rep ? Links.Rep(key) : Links.Slice(dimension, key, context.NewBusiness);
}
