using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Pillars;

/// <summary>
/// What is behind a pillar's numbers, slice by slice, from the same indicator rows <c>bellwether indicators --by</c>
/// prints: new business by vertical (pipeline, bookings, win rate — each vertical leading to its open deals and reps);
/// retention by vertical and expansion by service line for the latest quarter over (each leading to its gap explained,
/// client by client); the cost model month by month.
/// </summary>
public sealed class PillarBreakdowns(IStore store, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    public PillarBreakdownView Read(Pillar pillar, CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var data = indicators.Data(workspace);
        var settings = store.Settings(workspace);
        var quarter = settings.Calendar.Containing(asOf.AddTicks(-1), Grain.Quarter);
        cancellation.ThrowIfCancellationRequested();
        return pillar switch
        {
            Pillar.NewBusiness => NewBusiness(workspace, data, quarter, asOf, settings.Currency),
            Pillar.Retention => BySlice(workspace, settings.Calendar.Previous(quarter), asOf, settings.Currency, Dimension.Vertical, "grr",
                [("GRR", "grr"), ("NRR", "nrr"), ("Logo churn", "logo_churn")], "Retention by vertical"),
            Pillar.Expansion => BySlice(workspace, settings.Calendar.Previous(quarter), asOf, settings.Currency, Dimension.ServiceLine, "expansion_revenue",
                [("Expansion revenue", "expansion_revenue"), ("NRR", "nrr"), ("Revenue", "revenue")], "Expansion by service line"),
            _ => CostModel(workspace, settings.Calendar, asOf, settings.Currency),
        };
    }

    /// <summary>
    /// The deals the new-business pillar watches in a period: its bookings plan's slice (the fewest dimensions), else the
    /// new-business deals — as its signals read them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NewBusinessDeals(Dataset data, Period period)
    {
        ArgumentNullException.ThrowIfNull(data);
        var calendar = data.Settings.Calendar;
        return data.Plans
            .Where(p => p.Pillar == Pillar.NewBusiness && string.Equals(p.Metric.Trim(), "bookings", StringComparison.OrdinalIgnoreCase)
                && calendar.TryParse(p.Period, out var planned) && planned.Start == period.Start && planned.End == period.End)
            .OrderBy(p => p.Slice.Count)
            .Select(p => p.Slice)
            .FirstOrDefault() ?? new Dictionary<string, string> { ["type"] = "new_business" };
    }

    private PillarBreakdownView NewBusiness(string workspace, Dataset data, Period quarter, DateTimeOffset asOf, string currency)
    {
        var within = NewBusinessDeals(data, quarter);
        (string Heading, string Indicator)[] columns =
        [
            ("Open pipeline", "open_pipeline"), ("Open deals", "open_deals"), ("New pipeline", "new_pipeline"), ("Bookings", "bookings"),
            ("Win rate", "win_rate"), ("Deal size", "avg_deal_size"), ("Cycle", "cycle_days"),
        ];
        var rows = indicators.Run(workspace, new IndicatorQuery
        {
            Indicators = [.. columns.Select(c => c.Indicator)],
            Period = quarter,
            By = [Dimension.Vertical],
            Filter = IndicatorQuery.FilterOf(within),
            AsOf = asOf,
        });
        var pivot = IndicatorPivot.BySlice(rows, "vertical");
        var keys = pivot.Keys.OrderByDescending(k => pivot.Value(k, "open_pipeline") ?? -1).ToList();
        var slice = string.Join(", ", within.Values.Select(v => v.Replace('_', ' ')));
        var table = IndicatorTables.Of("by-vertical", $"Pipeline by vertical, {slice}, {quarter.Label}", pivot, "Vertical",
            v => TableCell.Link(v, Links.Slice(Dimension.Vertical, v, within)).WithTitle($"The open deals, reps and figures of {v}"), columns, currency, keys);
        var chart = new SeriesChartData
        {
            Categories = keys,
            Horizontal = true,
            Series =
            [
                new ChartSeries { Name = "Open pipeline", Values = [.. keys.Select(k => pivot.Value(k, "open_pipeline"))] },
                new ChartSeries { Name = $"New pipeline in {quarter.Label}", Values = [.. keys.Select(k => pivot.Value(k, "new_pipeline"))] },
                new ChartSeries { Name = $"Bookings in {quarter.Label}", Values = [.. keys.Select(k => pivot.Value(k, "bookings"))], Role = "actual" },
            ],
            Format = ChartFormat.Money,
            Description = $"Open pipeline, new pipeline and bookings of {quarter.Label} by vertical ({slice}): "
                + string.Join("; ", keys.Select(k => $"{k} open {Formats.Value(pivot.Value(k, "open_pipeline"), Unit.Money, currency)}")) + ".",
            Table = ChartTables.Of(table),
        };
        return new PillarBreakdownView
        {
            Currency = currency,
            Title = "Pipeline by vertical",
            Lede = $"Where the {slice} pipeline is, vertical by vertical, as of now; bookings, win rate, deal size and cycle of {quarter.Label} so far. A vertical leads to its open deals and its reps.",
            Table = table,
            Chart = chart,
            ChartId = "pipeline-by-vertical",
        };
    }

    private PillarBreakdownView BySlice(string workspace, Period period, DateTimeOffset asOf, string currency, Dimension dimension, string explained,
        IReadOnlyList<(string Heading, string Indicator)> columns, string title)
    {
        var name = Core.Text.SnakeCase.Name(dimension);
        var rows = indicators.Run(workspace, new IndicatorQuery
        {
            Indicators = [.. columns.Select(c => c.Indicator)],
            Period = period,
            By = [dimension],
            AsOf = asOf,
        });
        var pivot = IndicatorPivot.BySlice(rows, name);
        var keys = pivot.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var table = IndicatorTables.Of($"by-{name.Replace('_', '-')}", $"{title}, {period.Label}", pivot, MetricNames.Of(name),
            v => TableCell.Link(v, Links.Variance(explained, period.Label, "previous", new Dictionary<string, string> { [name] = v }))
                .WithTitle($"Why {MetricNames.Of(explained).ToLowerInvariant()} of {v} moved from the quarter before, client by client"),
            columns, currency, keys);
        var first = columns[0];
        var unit = IndicatorCatalog.Find(first.Indicator)?.Unit ?? Unit.Count;
        var chart = new SeriesChartData
        {
            Categories = keys,
            Horizontal = true,
            Series = [new ChartSeries { Name = first.Heading, Values = [.. keys.Select(k => pivot.Value(k, first.Indicator))] }],
            Format = ChartFormat.For(unit),
            Description = $"{first.Heading} by {MetricNames.Of(name).ToLowerInvariant()} in {period.Label}: "
                + string.Join("; ", keys.Select(k => $"{k} {Formats.Value(pivot.Value(k, first.Indicator), unit, currency)}")) + ".",
            Table = ChartTables.Of(table),
        };
        return new PillarBreakdownView
        {
            Currency = currency,
            Title = title,
            Lede = $"{period.Label}, the latest quarter over. Each {MetricNames.Of(name).ToLowerInvariant()} leads to its change from the quarter before explained by driver, with the clients behind it.",
            Table = table,
            Chart = chart,
            ChartId = $"{name.Replace('_', '-')}-chart",
        };
    }

    private PillarBreakdownView CostModel(string workspace, FiscalCalendar calendar, DateTimeOffset asOf, string currency)
    {
        // The six months over before now: the cost indicators are monthly and leave a month not over out.
        var thisMonth = calendar.Containing(asOf.AddTicks(-1), Grain.Month);
        var months = Enumerable.Range(1, 6).Select(k => calendar.Shift(thisMonth, -k)).Reverse().ToList();
        (string Heading, string Indicator)[] columns =
        [
            ("Revenue", "revenue"), ("Sales expense", "sales_expense"), ("Sales expense %", "sales_expense_pct"),
            ("Sales contribution %", "sales_contribution_pct"), ("CAC", "cac"), ("Operating margin", "operating_margin"),
        ];
        var span = $"{months[0].Label} to {months[^1].Label}";
        var rows = months.SelectMany(m => indicators.Run(workspace, new IndicatorQuery { Indicators = [.. columns.Select(c => c.Indicator)], Period = m, AsOf = asOf })).ToList();
        var pivot = IndicatorPivot.ByPeriod(rows);
        var table = IndicatorTables.Of("by-month", $"The cost model by month, {span}", pivot, "Month",
            m => TableCell.Link(m, Links.Variance("operating_margin", m, "previous")).WithTitle($"Why the operating margin of {m} moved from the month before"),
            columns, currency);
        string[] ratios = ["operating_margin", "sales_expense_pct", "sales_contribution_pct"];
        var chart = new SeriesChartData
        {
            Categories = pivot.Keys,
            Series = [.. ratios.Select(r => new ChartSeries { Name = MetricNames.Of(r), Kind = "line", Values = [.. pivot.Keys.Select(k => pivot.Value(k, r))] })],
            Format = ChartFormat.Percent,
            Description = $"Operating margin, sales expense % and sales contribution % by month, {span}: "
                + string.Join("; ", pivot.Keys.Select(k => $"{k} margin {Formats.Value(pivot.Value(k, "operating_margin"), Unit.Ratio, currency)}")) + ".",
            Table = ChartTables.Of(table),
        };
        return new PillarBreakdownView
        {
            Currency = currency,
            Title = "The cost model by month",
            Lede = "The last six months over. Each month leads to its operating margin's change from the month before, split into the expense categories and the revenue that moved it.",
            Table = table,
            Chart = chart,
            ChartId = "cost-by-month",
        };
    }
}

/// <summary>What is behind a pillar's numbers: a table whose rows lead further, and a chart of the same figures.</summary>
public sealed record PillarBreakdownView
{
    public required string Title { get; init; }

    public required string Currency { get; init; }

    public required string Lede { get; init; }

    public required TableData Table { get; init; }

    public required IChartData Chart { get; init; }

    public required string ChartId { get; init; }
}
