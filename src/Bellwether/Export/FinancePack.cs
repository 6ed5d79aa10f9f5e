using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Export;

/// <summary>
/// What a finance team takes away from Bellwether for one period: every indicator over the period and the four before
/// it, the period by rep, team, vertical and service line, the forecasts of the period and its fiscal year with their
/// parts, and every plan line of the fiscal year against the forecast. Built from the engine and the forecaster in
/// process; written as a workbook or a folder of CSV files by the caller.
/// </summary>
public static class FinancePack
{
    private const int TrendPeriods = 5;

    private static readonly (string Sheet, Dimension Dimension)[] Breakdowns =
    [
        ("By rep", Dimension.Rep), ("By team", Dimension.Team), ("By vertical", Dimension.Vertical), ("By service line", Dimension.ServiceLine),
    ];

    private static readonly string[] PartNames = ["closed", "open_pipeline", "not_yet_created", "existing_book", "new_bookings"];

    public sealed record Request
    {
        public required Period Period { get; init; }

        public required DateTimeOffset AsOf { get; init; }

        /// <summary>The forecaster fitted at <see cref="AsOf"/>, for the Forecast and Plans sheets; none leaves them out.</summary>
        public ForecastModel? Model { get; init; }

        /// <summary>The plans as they stood at <see cref="AsOf"/> (<see cref="PlanBook.AsOf"/>); null takes the data's current plans.</summary>
        public IReadOnlyList<PlanLine>? Plans { get; init; }

        /// <summary>Where the data came from, for the About sheet (a store path and workspace).</summary>
        public string Source { get; init; } = "";
    }

    public static IReadOnlyList<Sheet> Build(Dataset data, IndicatorEngine engine, Request request)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        var calendar = data.Settings.Calendar;
        var periods = Trend(request.Period, calendar);
        var sheets = new List<Sheet> { About(request, periods), Indicators(engine, periods, request.AsOf) };
        var names = NameBook.Of(data);
        foreach (var (name, dimension) in Breakdowns)
        {
            sheets.Add(Breakdown(name, engine, request.Period, dimension, request.AsOf, names));
        }

        if (request.Model is { } model)
        {
            var year = calendar.Containing(request.Period.Start, Grain.Year);
            sheets.Add(Forecast(model, ForecastPeriod(request.Period, calendar), year));
            var plans = PlanRollup.Items(request.Plans ?? data.Plans, calendar, PlanScope.Within(year));
            sheets.Add(Plans(PlanEvaluation.Of(plans, new PlanReading { Engine = engine, AsOf = request.AsOf, Model = model })));
        }

        return sheets;
    }

    /// <summary>The period itself when it can be forecast (a month or longer), else the fiscal quarter holding it.</summary>
    public static Period ForecastPeriod(Period period, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return period.Grain >= Grain.Month ? period : calendar.Containing(period.Start, Grain.Quarter);
    }

    /// <summary>The trend's periods: the requested one and the ones before it, oldest first.</summary>
    public static IReadOnlyList<Period> Trend(Period period, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var periods = new List<Period> { period };
        while (periods.Count < TrendPeriods)
        {
            periods.Insert(0, calendar.Previous(periods[0]));
        }

        return periods;
    }

    private static Sheet About(Request request, IReadOnlyList<Period> periods) => new(
        "About",
        ["item", "value"],
        [
            [Cell.Text("what"), Cell.Text("Bellwether export: leading indicators, forecasts and plans")],
            [Cell.Text("source"), Cell.Text(request.Source)],
            [Cell.Text("period"), Cell.Text(request.Period.Label)],
            [Cell.Text("trend periods"), Cell.Text(string.Join(", ", periods.Select(p => p.Label)))],
            [Cell.Text("as of"), Cell.Text(Instants.Format(request.AsOf))],
            [Cell.Text("units"), Cell.Text("money in the data's currency; ratios as percentages (in CSV as fractions: 0.25 = 25%); days as days")],
            [Cell.Text("empty cells"), Cell.Text("a value that cannot be computed is left empty, never 0; the note column says why")],
            [Cell.Text("definitions"), Cell.Text("every indicator's definition is in the Indicators sheet and in indicators.md")],
        ]);

    /// <summary>Rows = indicators, columns = the trend's periods: the shape finance reads a KPI pack in.</summary>
    private static Sheet Indicators(IndicatorEngine engine, IReadOnlyList<Period> periods, DateTimeOffset asOf)
    {
        var values = periods
            .Select(p => engine.Run(new IndicatorQuery { Indicators = IndicatorCatalog.Names, Period = p, AsOf = asOf })
                .GroupBy(r => r.Indicator)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
            .ToList();
        var columns = new List<string> { "indicator", "unit" };
        columns.AddRange(periods.Select(p => p.Label));
        columns.AddRange([$"note ({periods[^1].Label})", "definition"]);
        var rows = IndicatorCatalog.All.Select(definition =>
        {
            var unit = SnakeCase.Name(definition.Unit);
            var row = new List<Cell> { Cell.Text(definition.Name), Cell.Text(unit) };
            row.AddRange(values.Select(v => v.TryGetValue(definition.Name, out var r) ? Cell.Of(r.Value, r.Unit) : Cell.Empty));
            row.Add(Cell.Text(values[^1].TryGetValue(definition.Name, out var current) ? Note(current.MissingReason, current.Provisional ? current.ProvisionalReason : null) : null));
            row.Add(Cell.Text(definition.Definition));
            return (IReadOnlyList<Cell>)row;
        });
        return new Sheet("Indicators", columns, [.. rows]);
    }

    /// <summary>
    /// Rows = the dimension's values, columns = every indicator that has a value for at least one of them. Reps come
    /// with their names beside their ids (the id to join on, the name to read).
    /// </summary>
    private static Sheet Breakdown(string name, IndicatorEngine engine, Period period, Dimension dimension, DateTimeOffset asOf, NameBook names)
    {
        var rows = engine.Run(new IndicatorQuery { Indicators = IndicatorCatalog.Names, Period = period, By = [dimension], AsOf = asOf });
        var key = SnakeCase.Name(dimension);
        var named = dimension is Dimension.Rep or Dimension.Manager or Dimension.Account;
        var indicators = IndicatorCatalog.Names.Where(n => rows.Any(r => r.Indicator == n && r.Value is not null)).ToList();
        var units = rows.Where(r => r.Value is not null).GroupBy(r => r.Indicator).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.Ordinal);
        var bySlice = rows
            .Where(r => r.Slice.ContainsKey(key))
            .GroupBy(r => r.Slice[key], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var cells = g.GroupBy(r => r.Indicator).ToDictionary(x => x.Key, x => x.First(), StringComparer.Ordinal);
                var row = new List<Cell> { Cell.Text(g.Key) };
                if (named)
                {
                    row.Add(Cell.Text(names.SliceValue(dimension, g.Key)));
                }

                row.AddRange(indicators.Select(n => cells.TryGetValue(n, out var r) ? Cell.Of(r.Value, units[n]) : Cell.Empty));
                return (IReadOnlyList<Cell>)row;
            });
        return new Sheet(name, named ? [key + "_id", key, .. indicators] : [key, .. indicators], [.. bySlice]);
    }

    private static Sheet Forecast(ForecastModel model, Period period, Period year)
    {
        var rows = new List<ForecastRow>();
        foreach (var p in period.Label == year.Label ? [year] : new[] { period, year })
        {
            rows.AddRange(model.Forecast(new ForecastQuery { Indicators = ForecastIndicators.Names, Period = p }));
        }

        var parts = PartNames.Where(n => rows.Any(r => r.Parts?.ContainsKey(n) == true)).ToList();
        return new Sheet(
            "Forecast",
            ["indicator", "period", "unit", "p10", "p50", "p90", "mean", .. parts, "note"],
            [
                .. rows.Select(r => (IReadOnlyList<Cell>)
                [
                    Cell.Text(r.Indicator), Cell.Text(r.Period), Cell.Text(r.Unit),
                    Cell.Of(r.P10, r.Unit), Cell.Of(r.P50, r.Unit), Cell.Of(r.P90, r.Unit), Cell.Of(r.Mean, r.Unit),
                    .. parts.Select(n => r.Parts is { } p && p.TryGetValue(n, out var v) ? Cell.Of(v, r.Unit) : Cell.Empty),
                    Cell.Text(Note(r.MissingReason, r.Provisional ? r.ProvisionalReason : null)),
                ]),
            ]);
    }

    private static Sheet Plans(IReadOnlyList<PlanStatusRow> rows) => new(
        "Plans",
        ["pillar", "owner", "metric", "period", "slice", "target", "rolled up from", "actual", "projected", "basis", "p10", "p50", "p90", "attainment", "variance", "status", "note"],
        [
            .. rows.Select(p => (IReadOnlyList<Cell>)
            [
                Cell.Text(SnakeCase.Name(p.Pillar)), Cell.Text(p.Owner), Cell.Text(p.Metric), Cell.Text(p.Period), Cell.Text(SliceText.Format(p.Slice)),
                Cell.Of(p.Target, p.Unit), Cell.Text(string.Join(", ", p.RolledUpFrom)), Cell.Of(p.Actual, p.Unit), Cell.Of(p.Projected, p.Unit),
                Cell.Text(p.Basis is { } basis ? SnakeCase.Name(basis) : null),
                Cell.Of(p.P10, p.Unit), Cell.Of(p.P50, p.Unit), Cell.Of(p.P90, p.Unit),
                Cell.Number(p.Attainment, CellKind.Ratio), Cell.Of(p.Variance, p.Unit),
                Cell.Text(p.Status is { } status ? SnakeCase.Name(status) : null), Cell.Text(p.MissingReason),
            ]),
        ]);

    private static string? Note(string? missing, string? provisional) =>
        missing ?? (provisional is null ? null : "provisional: " + provisional);
}
