using System.Diagnostics;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Benchmarks;

/// <summary>
/// The forecast timings of issue 4 on a store file (a demo company imported with `bellwether demo`): load, fit, then
/// bookings and revenue for the current fiscal quarter and year for the company and per rep, then a what-if scenario
/// recomputed on the fitted model (what the dashboard does when a driver moves) — each step timed in one process, as
/// `bellwether forecast` and the web host run them.
/// </summary>
public static class ForecastTiming
{
    public static int Run(string dbPath, string workspace, DateTimeOffset asOf)
    {
        Console.WriteLine($"store {dbPath}, workspace {workspace}, as of {Instants.Format(asOf)}");
        var watch = Stopwatch.StartNew();
        var store = DuckDbStore.Open(dbPath);
        var data = store.Load(workspace, tables: Bellwether.Indicators.IndicatorService.EngineTables);
        store.Dispose();
        Report("load", watch, $"{data.Opportunities.Count:#,0} deals, {data.History.Count:#,0} history rows, {data.Revenue.Count:#,0} revenue lines");

        var model = ForecastModel.Fit(data, asOf);
        Report("fit", watch, "");

        var calendar = data.Settings.Calendar;
        var quarter = calendar.Containing(asOf, Grain.Quarter);
        var year = calendar.Containing(asOf, Grain.Year);
        ForecastQuery Query(Period period, params Dimension[] by) => new() { Indicators = ["bookings"], Period = period, By = by };

        Time("bookings, company, current quarter (first query: projects the open pipeline)", () => model.Forecast(Query(quarter)), watch);
        Time("bookings, company, current quarter (again)", () => model.Forecast(Query(quarter)), watch);
        Time("bookings, per rep, current quarter", () => model.Forecast(Query(quarter, Dimension.Rep)), watch);
        Time("bookings, per vertical, current quarter", () => model.Forecast(Query(quarter, Dimension.Vertical)), watch);
        Time("bookings, per rep and vertical, current quarter", () => model.Forecast(Query(quarter, Dimension.Rep, Dimension.Vertical)), watch);
        Time("bookings, company, fiscal year by quarter", () => model.Forecast(Query(year) with { Grain = Grain.Quarter }), watch);
        Time("bookings, per rep, fiscal year", () => model.Forecast(Query(year, Dimension.Rep)), watch);
        Time("revenue, company, fiscal year by quarter", () => model.Forecast(new ForecastQuery { Indicators = ["revenue"], Period = year, Grain = Grain.Quarter }), watch);

        var start = quarter.Start;
        Scenario[] scenarios =
        [
            new() { Name = "win rate +10%", Changes = [new WinRateChange { Relative = 0.10 }] },
            new() { Name = "deal size +5%", Changes = [new DealSizeChange { Relative = 0.05 }] },
            new() { Name = "add 3 reps", Changes = [new AddRepsChange { Count = 3, Start = start }] },
            new() { Name = "cycle +10%", Changes = [new CycleLengthChange { Relative = 0.10 }] },
        ];
        foreach (var scenario in scenarios)
        {
            Time($"scenario \"{scenario.Name}\": bookings, company, current quarter and year", () => model.Forecast(Query(year) with { Grain = Grain.Quarter }, scenario), watch);
        }

        return 0;
    }

    private static void Time(string what, Func<IReadOnlyList<ForecastRow>> forecast, Stopwatch watch)
    {
        watch.Restart();
        var rows = forecast();
        Report(what, watch, $"{rows.Count:#,0} rows");
    }

    private static void Report(string what, Stopwatch watch, string detail)
    {
        Console.WriteLine(FormattableString.Invariant($"{what}: {watch.Elapsed.TotalMilliseconds:#,0} ms{(detail.Length > 0 ? $" ({detail})" : "")}"));
        watch.Restart();
    }
}
