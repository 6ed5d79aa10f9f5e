using System.Globalization;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Forecasting;

/// <summary>
/// The Forecast page's figures: for bookings and revenue over the fiscal quarter or year containing "now", the forecast
/// by month (<see cref="ForecastModel.Forecast(ForecastQuery, Core.Scenarios.Scenario?)"/>, as <c>bellwether forecast
/// --grain month</c> prints it), the plan by month (plans.csv), the actual to date (as <c>bellwether indicators</c>
/// prints it), and the parts the period's forecast is made of. A metric's plan decides its slice (bookings are planned
/// for new business), so that forecast, actual and plan count the same deals.
/// </summary>
public sealed class ForecastCharts(IStore store, ForecastService forecasts, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    /// <summary>The metrics the page draws, in order.</summary>
    public static readonly IReadOnlyList<string> Metrics = [ForecastIndicators.Bookings, ForecastIndicators.Revenue];

    public ForecastPicture Picture(Grain horizon, CancellationToken cancellation = default)
    {
        if (horizon is not (Grain.Quarter or Grain.Year))
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "the Forecast page shows a fiscal quarter or a fiscal year");
        }

        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var period = settings.Calendar.Containing(asOf, horizon);
        var model = forecasts.Model(workspace, asOf, cancellation);
        var metrics = new List<MetricForecast>();
        foreach (var metric in Metrics)
        {
            cancellation.ThrowIfCancellationRequested();
            metrics.Add(Metric(workspace, model, metric, period, settings.Calendar, settings.Currency, asOf));
        }

        return new ForecastPicture { AsOf = asOf, Period = period.Label, Currency = settings.Currency, Metrics = metrics };
    }

    private MetricForecast Metric(string workspace, ForecastModel model, string metric, Period period, FiscalCalendar calendar, string currency, DateTimeOffset asOf)
    {
        var months = calendar.Split(period, Grain.Month);
        var monthly = model.Known.Plans.Where(l => l.Metric == metric && months.Any(m => m.Label == l.Period)).ToList();
        var slice = monthly.OrderBy(l => l.Slice.Count).Select(l => l.Slice).FirstOrDefault() ?? new Dictionary<string, string>();
        var sliceText = SliceText.Format(slice);
        var filter = IndicatorQuery.FilterOf(slice);
        var rows = model.Forecast(new ForecastQuery { Indicators = [metric], Period = period, Grain = Grain.Month, Filter = filter });
        var total = model.Forecast(new ForecastQuery { Indicators = [metric], Period = period, Filter = filter })[0];
        var actualRows = indicators.Run(workspace, new IndicatorQuery { Indicators = [metric], Period = period, Grain = Grain.Month, AsOf = asOf, Filter = filter });
        var today = Instants.DayOf(asOf);

        var plan = months.Select(m => monthly.FirstOrDefault(l => l.Period == m.Label && SliceText.Format(l.Slice) == sliceText)?.Target).ToList();
        var actual = months.Select(m => m.Start <= today ? actualRows.FirstOrDefault(r => r.Period == m.Label)?.Value : null).ToList();
        var byMonth = months.Select(m => rows.FirstOrDefault(r => r.Period == m.Label)).ToList();
        var unit = ForecastIndicators.UnitOf(metric);
        string Text(decimal? value) => value is { } v ? Readable.Value(v, unit, currency) : "—";
        var title = Title(metric, slice);
        var planTotal = plan.All(p => p is null) ? (decimal?)null : plan.Sum(p => p ?? 0);

        var fan = new FanChartData
        {
            Categories = [.. months.Select(m => m.Start.ToString("MMM yyyy", CultureInfo.InvariantCulture))],
            P10 = [.. byMonth.Select(r => r?.P10)],
            P50 = [.. byMonth.Select(r => r?.P50)],
            P90 = [.. byMonth.Select(r => r?.P90)],
            Plan = planTotal is null ? null : plan,
            Actual = actual,
            Format = ChartFormat.For(unit),
            Description = total.P50 is { } p50
                ? $"{title} by month for {period.Label}: forecast {Text(p50)} for the period (P50), between {Text(total.P10)} and {Text(total.P90)} in 8 futures of 10"
                  + (planTotal is { } target ? $"; plan {Text(target)}." : "; no plan.")
                : $"{title} for {period.Label}: no forecast ({total.MissingReason}).",
            Table = new ChartTable(
                $"{title} by month, {period.Label}",
                ["Month", "P10", "P50", "P90", "Plan", "Actual to date"],
                [.. months.Select((m, i) => (IReadOnlyList<string>)[m.Label, Text(byMonth[i]?.P10), Text(byMonth[i]?.P50), Text(byMonth[i]?.P90), Text(plan[i]), Text(actual[i])])]),
        };

        BarChartData? parts = null;
        if (total.Parts is { Count: > 0 } made)
        {
            var names = made.Keys.ToList();
            parts = new BarChartData
            {
                SeriesName = "Expected",
                Categories = [.. names.Select(PartName)],
                Values = [.. names.Select(n => (decimal?)made[n])],
                Format = ChartFormat.For(unit),
                Description = $"What the {period.Label} forecast of {title} is made of (expected values, adding up to {Text(total.Mean)}): "
                    + string.Join(", ", names.Select(n => $"{PartName(n)} {Text(made[n])}")) + ".",
                Table = new ChartTable(
                    $"What the {period.Label} forecast of {title} is made of",
                    ["Part", "Expected"],
                    [.. names.Select(n => (IReadOnlyList<string>)[PartName(n), Text(made[n])]), ["Total (mean)", Text(total.Mean)]]),
            };
        }

        return new MetricForecast
        {
            Metric = metric,
            Title = title,
            Unit = unit,
            P10 = total.P10,
            P50 = total.P50,
            P90 = total.P90,
            Plan = planTotal,
            MissingReason = total.MissingReason,
            Fan = fan,
            Parts = parts,
        };
    }

    /// <summary>A metric and its slice in words: "Bookings — new business".</summary>
    public static string Title(string metric, IReadOnlyDictionary<string, string> slice)
    {
        var name = MetricNames.Of(metric);
        return slice.Count == 0 ? name : $"{name} — {string.Join(", ", slice.Values.Select(v => v.Replace('_', ' ')))}";
    }

    /// <summary>A forecast part in words: <c>open_pipeline</c> → "Open pipeline".</summary>
    public static string PartName(string part) => part switch
    {
        "closed" => "Closed so far",
        "open_pipeline" => "Open pipeline",
        "not_yet_created" => "Not yet created",
        "existing_book" => "Existing book",
        "new_bookings" => "New bookings",
        _ => char.ToUpperInvariant(part[0]) + part[1..].Replace('_', ' '),
    };
}

/// <summary>The Forecast page's figures for one period.</summary>
public sealed record ForecastPicture
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Period { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<MetricForecast> Metrics { get; init; }
}

/// <summary>One metric's forecast for the period: its range, plan, fan by month and parts.</summary>
public sealed record MetricForecast
{
    public required string Metric { get; init; }

    public required string Title { get; init; }

    /// <summary>The unit's snake_case name, as forecast rows carry it (<c>money</c>, <c>count</c>, <c>ratio</c>).</summary>
    public required string Unit { get; init; }

    public decimal? P10 { get; init; }

    public decimal? P50 { get; init; }

    public decimal? P90 { get; init; }

    public decimal? Plan { get; init; }

    public string? MissingReason { get; init; }

    public required FanChartData Fan { get; init; }

    public BarChartData? Parts { get; init; }
}
