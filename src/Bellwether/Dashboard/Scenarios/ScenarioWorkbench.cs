using System.Diagnostics;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Pillars;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Scenarios;

/// <summary>
/// The Scenarios page's work: the forecast and the plans' status under the drivers the sliders set, beside the base
/// forecast — the same <see cref="ForecastModel"/> the API's what-if uses and the same plan report as <c>bellwether
/// scenario show</c> (<see cref="PlanStatusService"/>, which keeps each scenario's reading) — and saving, reading and
/// comparing named scenarios in the store, as <c>bellwether scenario new</c> and <c>compare</c> do.
/// </summary>
public sealed class ScenarioWorkbench(IStore store, ForecastService forecasts, PlanStatusService plans, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    /// <summary>What the page forecasts: bookings and revenue first, then what the pillars plan.</summary>
    public static readonly IReadOnlyList<string> Metrics =
    [
        ForecastIndicators.Bookings, ForecastIndicators.Revenue, ForecastIndicators.ExpansionBookings, ForecastIndicators.WonDeals,
        ForecastIndicators.NewLogos, ForecastIndicators.Grr, ForecastIndicators.Nrr, ForecastIndicators.OperatingMargin,
    ];

    /// <summary>The periods a scenario is read for: those under way, where the forecast has a future to move.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Periods = [("month", "This month"), ("quarter", "This quarter"), ("year", "This fiscal year")];

    public const int MaxNameLength = 60;

    /// <summary>How the page's "Apply to" choice names the whole company.</summary>
    public const string WholeCompany = "company";

    /// <summary>The dimensions a slider acting on deals can be narrowed to: what a sales leader asks "what if" about.</summary>
    private static readonly Dimension[] ScopeDimensions = [Dimension.Type, Dimension.Vertical, Dimension.ServiceLine, Dimension.Source];

    /// <summary>The forecast and the plans under the drivers, beside the base.</summary>
    public ScenarioView Read(ScenarioDrivers drivers, string? periodKey, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        var watch = Stopwatch.StartNew();
        var (workspace, asOf, settings, period) = Setting(periodKey);
        var scenario = drivers.ToScenario("what-if", Instants.DayOf(asOf));
        var problems = ScenarioCheck.Problems(scenario);
        if (problems.Count > 0)
        {
            throw new Cli.UserErrorException(string.Join("; ", problems));
        }

        var model = forecasts.Model(workspace, asOf, cancellation);
        var query = new ForecastQuery { Indicators = Metrics, Period = period };

        // The forecast and the plans under the scenario are independent simulations: side by side, a change shows sooner.
        IReadOnlyList<ForecastRow> baseRows = [], rows = [];
        IReadOnlyList<PlanStatusRow> basePlans = [], scenarioPlans = [];
        Parallel.Invoke(
            new ParallelOptions { CancellationToken = cancellation },
            () => rows = model.Forecast(query, drivers.IsBase ? null : scenario),
            () => scenarioPlans = Plans(workspace, asOf, period, drivers.IsBase ? null : scenario, cancellation),
            () => baseRows = model.Forecast(query),
            () => basePlans = Plans(workspace, asOf, period, null, cancellation));
        var names = NameBook.Of(indicators.Data(workspace));
        return new ScenarioView
        {
            Period = period.Label,
            Currency = settings.Currency,
            Forecast = ForecastTable("scenario-forecast", $"The forecast of {period.Label}: base and what-if", "Base", baseRows, "What-if", rows, settings.Currency),
            Chart = Chart(period, baseRows, rows, settings.Currency),
            Plans = PlanTable("scenario-plans", $"Plans of {period.Label}: status, base and what-if", "Base", basePlans, "What-if", scenarioPlans, names, settings.Currency),
            Moved = Moved(basePlans, scenarioPlans, names),
            Changes = [.. scenario.Changes.Select(c => c.Describe())],
            Milliseconds = watch.ElapsedMilliseconds,
        };
    }

    /// <summary>
    /// What the sliders can act on: the whole company (<see cref="WholeCompany"/>), or one value of a dimension of the
    /// deals (<c>vertical=finance</c>), each with how the page says it.
    /// </summary>
    public IReadOnlyList<(string Value, string Text)> Scopes()
    {
        var engine = indicators.Engine(options.Workspace);
        return
        [
            (WholeCompany, "Whole company"),
            .. ScopeDimensions.SelectMany(d => engine.Values(d).Order(StringComparer.OrdinalIgnoreCase)
                .Select(v => (ScenarioDrivers.Scope(SnakeCase.Name(d), v), $"{MetricNames.Of(SnakeCase.Name(d))}: {v}"))),
        ];
    }

    /// <summary>The saved scenarios' names, in order.</summary>
    public IReadOnlyList<string> Saved() => [.. store.Scenarios(options.Workspace).Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A saved scenario's drivers; a user error when there is none of that name.</summary>
    public ScenarioDrivers Load(string name) => ScenarioDrivers.Of(Scenario(name));

    /// <summary>Saves the drivers under a name (replacing a scenario of the same name); the problem in a sentence, or null.</summary>
    public string? Save(string name, ScenarioDrivers drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        name = (name ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"A scenario needs a name of 1 to {MaxNameLength} characters.";
        }

        if (string.Equals(name, Core.Scenarios.Scenario.Base.Name, StringComparison.OrdinalIgnoreCase))
        {
            return "“base” is the forecast without changes; give the scenario another name.";
        }

        if (drivers.IsBase)
        {
            return "Move a driver first: a scenario without changes is the base forecast.";
        }

        var scenario = drivers.ToScenario(name, Instants.DayOf(ForecastService.Now(clock)));
        var problems = ScenarioCheck.Problems(scenario);
        if (problems.Count > 0)
        {
            return string.Join("; ", problems);
        }

        store.SaveScenario(options.Workspace, name, ScenarioJson.Serialize(scenario));
        return null;
    }

    /// <summary>Two scenarios (saved, or base) side by side: forecast, the difference each change makes, plan status.</summary>
    public ScenarioComparisonView Compare(string first, string second, string? periodKey, CancellationToken cancellation = default)
    {
        var (workspace, asOf, settings, period) = Setting(periodKey);
        var a = Scenario(first);
        var b = Scenario(second);
        var model = forecasts.Model(workspace, asOf, cancellation);
        var comparison = model.Compare(new ForecastQuery { Indicators = Metrics, Period = period }, a, b);
        cancellation.ThrowIfCancellationRequested();
        var names = NameBook.Of(indicators.Data(workspace));
        var currency = settings.Currency;
        var drivers = comparison.Differences.SelectMany(d => d.ByDriver).Select(e => e.Change).Distinct(StringComparer.Ordinal).ToList();
        var byDriver = new TableData
        {
            Id = "scenario-drivers",
            Caption = $"What each change adds to the mean forecast, {a.Name} → {b.Name}, {period.Label}",
            Columns = [new("Forecast"), .. drivers.Select(d => new TableColumn(d, true))],
            Rows = [.. comparison.Differences.Select(d => new TableRow(
            [
                TableCell.Of(MetricNames.Of(d.Indicator)),
                .. drivers.Select(driver => Change(d.ByDriver.FirstOrDefault(e => e.Change == driver)?.MeanChange, ForecastIndicators.UnitOf(d.Indicator), currency)),
            ]))],
            EmptyText = "The two scenarios make no change to tell apart.",
        };
        return new ScenarioComparisonView
        {
            Period = period.Label,
            Currency = currency,
            First = a.Name,
            Second = b.Name,
            FirstChanges = [.. a.Changes.Select(c => c.Describe())],
            SecondChanges = [.. b.Changes.Select(c => c.Describe())],
            Forecast = ForecastTable("comparison-forecast", $"The forecast of {period.Label}: {a.Name} and {b.Name}", a.Name, comparison.FirstRows, b.Name, comparison.SecondRows, currency),
            ByDriver = byDriver,
            Plans = PlanTable("comparison-plans", $"Plans of {period.Label}: {a.Name} and {b.Name}", a.Name, Plans(workspace, asOf, period, a.Changes.Count == 0 ? null : a, cancellation), b.Name,
                Plans(workspace, asOf, period, b.Changes.Count == 0 ? null : b, cancellation), names, currency),
        };
    }

    private (string Workspace, DateTimeOffset AsOf, Core.Data.CompanySettings Settings, Period Period) Setting(string? periodKey)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var key = Periods.Any(p => p.Value == periodKey) ? periodKey : "quarter";
        return (workspace, asOf, settings, PeriodChoices.Resolve(key, settings.Calendar, asOf));
    }

    /// <summary>A saved scenario or base, found as the CLI and the API find it (<see cref="ScenarioBook"/>).</summary>
    private Scenario Scenario(string name)
    {
        var found = ScenarioBook.Find(store, options.Workspace, name, "name");
        return found.Ok ? found.Value : throw new Cli.UserErrorException(found.Describe(ParameterNames.CommandLine("name")));
    }

    /// <summary>The plans of the period not yet over: those a scenario can move.</summary>
    private IReadOnlyList<PlanStatusRow> Plans(string workspace, DateTimeOffset asOf, Period period, Scenario? scenario, CancellationToken cancellation) =>
        [.. plans.Read(workspace, new PlanQuery { Scope = PlanScope.Within(period), AsOf = asOf, LatestPlans = true, Scenario = scenario, WeekEarlier = false }, cancellation)
            .Rows.Where(r => r.Basis != PlanBasis.Actual)];

    private static TableData ForecastTable(string id, string caption, string firstName, IReadOnlyList<ForecastRow> first, string secondName, IReadOnlyList<ForecastRow> second, string currency) => new()
    {
        Id = id,
        Caption = caption,
        Columns = [new("Forecast"), new($"{firstName} P50", true), new($"{secondName} P50", true), new("Change", true), new($"{secondName} P10", true), new($"{secondName} P90", true)],
        Rows = [.. first.Select(f =>
        {
            var s = second.FirstOrDefault(r => r.Indicator == f.Indicator && r.Period == f.Period);
            var unit = SnakeCase.TryParse<Core.Reporting.Unit>(f.Unit, out var u) ? u : Core.Reporting.Unit.Money;
            return new TableRow(
            [
                TableCell.Of(MetricNames.Of(f.Indicator)).WithTitle(f.MissingReason),
                TableCell.Value(f.P50, unit, currency, f.MissingReason),
                TableCell.Value(s?.P50, unit, currency, s?.MissingReason),
                Change(s?.P50 - f.P50, f.Unit, currency),
                TableCell.Value(s?.P10, unit, currency),
                TableCell.Value(s?.P90, unit, currency),
            ]);
        })],
    };

    private static TableData PlanTable(string id, string caption, string firstName, IReadOnlyList<PlanStatusRow> first, string secondName, IReadOnlyList<PlanStatusRow> second,
        NameBook names, string currency) => new()
        {
            Id = id,
            Caption = caption,
            Columns =
        [
            new("Plan"), new("Owner"), new("Period", OneLine: true), new("Target", true), new($"{firstName} projected", true), new($"{firstName} status"),
            new($"{secondName} projected", true), new($"{secondName} status"),
        ],
            Rows = [.. first.OrderBy(r => r.Pillar).ThenBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Slice.Count).Select(f =>
        {
            var s = second.FirstOrDefault(r => SameLine(r, f));
            var unit = SnakeCase.TryParse<Core.Reporting.Unit>(f.Unit, out var u) ? u : Core.Reporting.Unit.Money;
            return new TableRow(
            [
                TableCell.Of(PillarPlans.Title(f.Metric, f.Slice, names)),
                TableCell.Of(f.Owner),
                TableCell.Of(f.Period),
                TableCell.Value(f.Target, unit, currency, f.MissingReason),
                TableCell.Value(f.Projected, unit, currency, f.MissingReason),
                TableCell.StatusOf(f.Status, f.MissingReason),
                TableCell.Value(s?.Projected, unit, currency, s?.MissingReason),
                TableCell.StatusOf(s?.Status, s?.MissingReason),
            ]);
        })],
            EmptyText = "No plan for this period in plans.csv.",
        };

    /// <summary>The plans whose status the scenario changes, in a sentence each.</summary>
    private static IReadOnlyList<string> Moved(IReadOnlyList<PlanStatusRow> before, IReadOnlyList<PlanStatusRow> after, NameBook names) =>
        [.. before.Select(b => (Before: b, After: after.FirstOrDefault(a => SameLine(a, b))))
            .Where(p => p.After is not null && p.After.Status != p.Before.Status)
            .Select(p => $"{PillarPlans.Title(p.Before.Metric, p.Before.Slice, names)}, {p.Before.Period}: {Say(p.Before.Status)} → {Say(p.After!.Status)}")];

    private static bool SameLine(PlanStatusRow a, PlanStatusRow b) =>
        a.Metric == b.Metric && a.Period == b.Period && a.Pillar == b.Pillar && SliceText.Format(a.Slice) == SliceText.Format(b.Slice);

    private static string Say(SignalStatus? status) => status is { } s ? SnakeCase.Name(s).Replace('_', ' ') : "no status";

    private static TableCell Change(decimal? change, string unit, string currency) =>
        TableCell.Change(change, SnakeCase.TryParse<Core.Reporting.Unit>(unit, out var u) ? u : Core.Reporting.Unit.Money, currency);

    private static SeriesChartData Chart(Period period, IReadOnlyList<ForecastRow> baseRows, IReadOnlyList<ForecastRow> rows, string currency)
    {
        var money = Metrics.Where(m => ForecastIndicators.UnitOf(m) == "money").ToList();
        decimal? P50(IReadOnlyList<ForecastRow> from, string metric) => from.FirstOrDefault(r => r.Indicator == metric)?.P50;
        return new SeriesChartData
        {
            Categories = [.. money.Select(MetricNames.Of)],
            Series =
            [
                new ChartSeries { Name = "Base (P50)", Values = [.. money.Select(m => P50(baseRows, m))], Role = "muted" },
                new ChartSeries { Name = "What-if (P50)", Values = [.. money.Select(m => P50(rows, m))], Role = "median" },
            ],
            Format = ChartFormat.Money,
            Description = $"The {period.Label} forecast (P50), base and what-if: "
                + string.Join("; ", money.Select(m => $"{MetricNames.Of(m)} {Formats.Value(P50(baseRows, m), Core.Reporting.Unit.Money, currency)} → {Formats.Value(P50(rows, m), Core.Reporting.Unit.Money, currency)}")) + ".",
            Table = new ChartTable($"The {period.Label} forecast (P50), base and what-if", ["Forecast", "Base", "What-if"],
                [.. money.Select(m => (IReadOnlyList<string>)[MetricNames.Of(m), Formats.Value(P50(baseRows, m), Core.Reporting.Unit.Money, currency), Formats.Value(P50(rows, m), Core.Reporting.Unit.Money, currency)])]),
        };
    }
}

/// <summary>The forecast and plans under the sliders' drivers, beside the base.</summary>
public sealed record ScenarioView
{
    public required string Period { get; init; }

    public required string Currency { get; init; }

    public required TableData Forecast { get; init; }

    public required SeriesChartData Chart { get; init; }

    public required TableData Plans { get; init; }

    /// <summary>Plans whose status the drivers change, in words.</summary>
    public required IReadOnlyList<string> Moved { get; init; }

    /// <summary>The changes as the CLI describes them.</summary>
    public required IReadOnlyList<string> Changes { get; init; }

    /// <summary>How long the server took, for the page to say and a benchmark to read.</summary>
    public required long Milliseconds { get; init; }
}

/// <summary>Two scenarios side by side.</summary>
public sealed record ScenarioComparisonView
{
    public required string Period { get; init; }

    public required string Currency { get; init; }

    public required string First { get; init; }

    public required string Second { get; init; }

    public required IReadOnlyList<string> FirstChanges { get; init; }

    public required IReadOnlyList<string> SecondChanges { get; init; }

    public required TableData Forecast { get; init; }

    public required TableData ByDriver { get; init; }

    public required TableData Plans { get; init; }
}
