using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Deals;

/// <summary>
/// One value of a dimension (a vertical, a service line, a lead source…), optionally within a fixed slice (the
/// new-business plan's <c>type=new_business</c>): its figures for a period beside everything else within the slice,
/// its reps, its open deals, and its bookings and new pipeline month by month — the page a pillar's breakdown leads to.
/// Figures are the indicator rows <c>bellwether indicators --slice</c> prints.
/// </summary>
public sealed class SliceDetails(IStore store, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    private static readonly (string Heading, string Indicator)[] Figures =
    [
        ("Bookings", "bookings"), ("Won deals", "won_deals"), ("Win rate", "win_rate"), ("Deal size", "avg_deal_size"), ("Cycle", "cycle_days"),
        ("Open pipeline", "open_pipeline"), ("Open deals", "open_deals"), ("New pipeline", "new_pipeline"), ("Sales velocity", "sales_velocity"),
    ];

    private static readonly (string Heading, string Indicator)[] RepFigures =
    [
        ("Bookings", "bookings"), ("Won deals", "won_deals"), ("Win rate", "win_rate"), ("Open pipeline", "open_pipeline"), ("Open deals", "open_deals"),
    ];

    /// <summary>The slice's page; a dimension deals cannot be sliced by, or a slice that does not read, is the user's mistake.</summary>
    public SliceView Read(string dimensionName, string value, string? within, string? periodKey, CancellationToken cancellation = default)
    {
        if (!SnakeCase.TryParse<Dimension>(dimensionName, out var dimension) || !Attributes.DealsHave(dimension))
        {
            throw new Cli.UserErrorException($"{dimensionName}: not a dimension deals are sliced by ({string.Join(", ", SnakeCase.AllNames<Dimension>().Where(d => d != "activity_type"))})");
        }

        if (!SliceText.TryParse(within, out var outer, out var reason))
        {
            throw new Cli.UserErrorException($"within \"{within}\" {reason}");
        }

        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var currency = settings.Currency;
        var period = PeriodChoices.Resolve(periodKey, settings.Calendar, asOf);
        var data = indicators.Data(workspace);
        var names = NameBook.Of(data);
        var slice = new Dictionary<string, string>(outer) { [SnakeCase.Name(dimension)] = value };
        var filter = IndicatorQuery.FilterOf(slice);
        var outerFilter = IndicatorQuery.FilterOf(outer);
        var label = names.SliceValue(dimension, value);
        var outerLabel = outer.Count == 0 ? "the company" : string.Join(", ", outer.Values.Select(v => v.Replace('_', ' ')));

        IndicatorQuery Query(IReadOnlyList<string> wanted, IReadOnlyDictionary<Dimension, string> f, Period p, Grain? grain = null, IReadOnlyList<Dimension>? by = null) =>
            new() { Indicators = wanted, Period = p, Grain = grain, By = by ?? [], Filter = f, AsOf = asOf };

        var mine = indicators.Run(workspace, Query([.. Figures.Select(f => f.Indicator)], filter, period));
        var all = indicators.Run(workspace, Query([.. Figures.Select(f => f.Indicator)], outerFilter, period));
        cancellation.ThrowIfCancellationRequested();
        var figures = new TableData
        {
            Id = "figures",
            Caption = $"{label} against {outerLabel}, {period.Label}",
            Columns = [new("Figure"), new(label, true), new(outerLabel.Length > 0 ? char.ToUpperInvariant(outerLabel[0]) + outerLabel[1..] : outerLabel, true)],
            Rows = [.. Figures.Select(f => new TableRow(
            [
                TableCell.Of(f.Heading),
                IndicatorTables.Cell(mine.FirstOrDefault(r => r.Indicator == f.Indicator), f.Indicator, currency),
                IndicatorTables.Cell(all.FirstOrDefault(r => r.Indicator == f.Indicator), f.Indicator, currency),
            ]))],
        };

        var byRep = IndicatorPivot.BySlice(indicators.Run(workspace, Query([.. RepFigures.Select(f => f.Indicator)], filter, period, by: [Dimension.Rep])), "rep");
        var active = byRep.Keys.Where(k => RepFigures.Any(f => byRep.Value(k, f.Indicator) is > 0)).OrderByDescending(k => byRep.Value(k, "open_pipeline") ?? 0).ThenByDescending(k => byRep.Value(k, "bookings") ?? 0).ToList();
        var reps = IndicatorTables.Of("reps", $"Reps in {label}, {period.Label}", byRep, "Rep", id => TableCell.Link(names.Rep(id), Links.Rep(id)), RepFigures, currency, active);

        var attributes = new Attributes(data);
        var open = data.Opportunities
            .Where(d => d.Status == OpportunityStatus.Open && d.CreatedAt < asOf && attributes.DealIn(d, filter))
            .OrderByDescending(d => d.Amount).ThenBy(d => d.OpportunityId, StringComparer.Ordinal)
            .ToList();
        var deals = DealTables.Of("open-deals", $"Open deals in {label} ({open.Count}, {Readable.Money(open.Sum(d => d.Amount), currency)})", open, names, currency, asOf);

        var year = settings.Calendar.Containing(asOf.AddTicks(-1), Grain.Year);
        var monthly = IndicatorPivot.ByPeriod(indicators.Run(workspace, Query(["bookings", "new_pipeline"], filter, year, Grain.Month)));
        var months = monthly.Keys.ToList();
        var trend = new SeriesChartData
        {
            Categories = months,
            Series =
            [
                new ChartSeries { Name = "New pipeline", Values = [.. months.Select(m => monthly.Value(m, "new_pipeline"))] },
                new ChartSeries { Name = "Bookings", Values = [.. months.Select(m => monthly.Value(m, "bookings"))], Role = "actual" },
            ],
            Format = ChartFormat.Money,
            Description = $"Bookings and new pipeline of {label} by month, {year.Label}: "
                + string.Join("; ", months.Select(m => $"{m} bookings {Formats.Value(monthly.Value(m, "bookings"), Unit.Money, currency)}, new pipeline {Formats.Value(monthly.Value(m, "new_pipeline"), Unit.Money, currency)}")) + ".",
            Table = new ChartTable($"{label} by month, {year.Label}", ["Month", "New pipeline", "Bookings"],
                [.. months.Select(m => (IReadOnlyList<string>)[m, Formats.Value(monthly.Value(m, "new_pipeline"), Unit.Money, currency), Formats.Value(monthly.Value(m, "bookings"), Unit.Money, currency)])]),
        };

        return new SliceView
        {
            AsOf = asOf,
            Currency = currency,
            Title = $"{MetricNames.Of(SnakeCase.Name(dimension))}: {label}",
            Within = outer.Count == 0 ? null : outerLabel,
            Period = period.Label,
            Figures = figures,
            Reps = reps,
            OpenDeals = deals,
            Trend = trend,
            Explain = Links.Variance("bookings", period.Label, "previous", slice),
        };
    }
}

/// <summary>A slice's page: its figures beside the rest, its reps, its open deals and its months.</summary>
public sealed record SliceView
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    public required string Title { get; init; }

    /// <summary>The fixed slice the value is read within, in words; null for the whole company.</summary>
    public string? Within { get; init; }

    public required string Period { get; init; }

    public required TableData Figures { get; init; }

    public required TableData Reps { get; init; }

    public required TableData OpenDeals { get; init; }

    public required SeriesChartData Trend { get; init; }

    /// <summary>The slice's bookings against the period before, explained by driver.</summary>
    public required string Explain { get; init; }
}
