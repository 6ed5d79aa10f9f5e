using System.Diagnostics;
using Bellwether.Core.Budget;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Time;
using Bellwether.Dashboard;
using Bellwether.Dashboard.Scenarios;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Benchmarks;

/// <summary>
/// What a slider move on the dashboard's Scenarios page costs once the base model is fitted: the page's own work
/// (<see cref="ScenarioWorkbench.Read"/>: the forecast and the plans' status under the drivers, beside the base) and
/// the API's what-if (<c>POST .../forecast/what-if</c>: bookings of the quarter under a scenario), each driver moved
/// through values not asked before, so no kept projection answers. Wall and CPU time per move; the same web services
/// the host runs, over a store file.
/// </summary>
public static class ScenarioSlider
{
    public static int Run(string dbPath, DateTimeOffset now)
    {
        using var store = DuckDbStore.Open(dbPath);
        using var indicators = new IndicatorService(store);
        using var forecasts = new ForecastService(store, indicators, MemoryBudget.Unlimited);
        using var plans = new PlanStatusService(store, indicators, forecasts, MemoryBudget.Unlimited);
        var workbench = new ScenarioWorkbench(store, forecasts, plans, indicators, new FixedClock(now), new DashboardOptions("default"));
        Console.WriteLine($"store {dbPath}, now {Instants.Format(now)}");
        Console.WriteLine("| step | wall | CPU | page's own figure |");
        Console.WriteLine("|---|---:|---:|---:|");
        var step = new Step();
        var view = workbench.Read(ScenarioDrivers.None, "quarter");
        step.Report("first read: load, fit, base forecast and plans", view.Milliseconds);

        var page = new List<(double Wall, double Cpu)>();
        var whatIf = new List<(double Wall, double Cpu)>();
        var asOf = ForecastService.Now(new FixedClock(now));
        var quarter = store.Settings("default").Calendar.Containing(asOf, Grain.Quarter);
        foreach (var slider in ScenarioDrivers.Sliders)
        {
            foreach (var value in new[] { slider.Max, slider.Min + slider.Step }.Where(v => v != 0))
            {
                view = workbench.Read(ScenarioDrivers.None.With(slider.Kind, value), "quarter");
                page.Add(step.Report($"page: {slider.Kind} = {value}", view.Milliseconds));
            }
        }

        // Values the page did not ask for, so that the model's kept projections do not answer the API.
        foreach (var slider in ScenarioDrivers.Sliders)
        {
            var value = slider.Max - slider.Step;
            var scenario = ScenarioDrivers.None.With(slider.Kind, value).ToScenario("what-if", Instants.DayOf(asOf));
            forecasts.Model("default", asOf, CancellationToken.None).Forecast(new ForecastQuery { Indicators = ["bookings"], Period = quarter }, scenario);
            whatIf.Add(step.Report($"API what-if: bookings of {quarter.Label}, {slider.Kind} = {value}", null));
        }

        // Where one move's time goes: the page's four parts one after another, each on a driver value not asked before.
        var model = forecasts.Model("default", asOf, CancellationToken.None);
        var query = new ForecastQuery { Indicators = ScenarioWorkbench.Metrics, Period = quarter };
        var moved = ScenarioDrivers.None.With("win_rate", 15).ToScenario("what-if", Instants.DayOf(asOf));
        model.Forecast(query, moved);
        step.Report("  part: the page's forecast under the scenario (8 metrics)", null);
        model.Forecast(query);
        step.Report("  part: the page's base forecast, again", null);
        var book = new Core.Plans.PlanBook(store.PlanChanges("default"));
        Core.PlanStatus.PlanReport.Read(book, indicators.Engine("default"), _ => model, new Core.PlanStatus.PlanQuery { Scope = Core.Plans.PlanScope.Within(quarter), AsOf = asOf, LatestPlans = true, Scenario = moved, WeekEarlier = false });
        step.Report("  part: the plans of the quarter under the scenario", null);
        Core.PlanStatus.PlanReport.Read(book, indicators.Engine("default"), _ => model, new Core.PlanStatus.PlanQuery { Scope = Core.Plans.PlanScope.Within(quarter), AsOf = asOf, LatestPlans = true, WeekEarlier = false });
        step.Report("  part: the plans of the quarter, base, again", null);

        Summary("page, per slider move", page);
        Summary("API what-if, per request", whatIf);
        return 0;
    }

    private static void Summary(string what, List<(double Wall, double Cpu)> times)
    {
        var walls = times.Select(t => t.Wall).Order().ToList();
        var cpus = times.Select(t => t.Cpu).Order().ToList();
        Console.WriteLine(FormattableString.Invariant($"{what}: {times.Count} moves, wall median {walls[walls.Count / 2]:0} ms, max {walls[^1]:0} ms; CPU median {cpus[cpus.Count / 2]:0} ms, max {cpus[^1]:0} ms"));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Wall and CPU time since the last report.</summary>
    private sealed class Step
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public (double Wall, double Cpu) Report(string what, long? pageMilliseconds)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var result = (_watch.Elapsed.TotalMilliseconds, (cpu - _cpu).TotalMilliseconds);
            Console.WriteLine(FormattableString.Invariant($"| {what} | {result.Item1:#,0} ms | {result.Item2:#,0} ms | {(pageMilliseconds is { } ms ? $"{ms:#,0} ms" : "")} |"));
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _watch.Restart();
            return result;
        }
    }
}
