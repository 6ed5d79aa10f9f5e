using System.Diagnostics;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Time;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Benchmarks;

/// <summary>
/// Where the time of `bellwether plans` goes, on a store file (a demo company): each step of the command run one after
/// the other in one process — load, the engine's prepared form, the forecast fitted as of t and as of t − 7 days, the
/// plans evaluated at each instant (actuals from the engine, forecasts from the model) — with the wall time and the
/// process's CPU time of each, so that the cost of a step is seen apart from the machine's other work.
/// </summary>
public static class PlanTiming
{
    /// <param name="dbPath">The store file.</param>
    /// <param name="workspace">The company in it.</param>
    /// <param name="asOf">The instant the plans are read as of.</param>
    /// <param name="repeat">How many more times to read the plans warm, each with fits of its own, after the steps (for a profiler).</param>
    public static int Run(string dbPath, string workspace, DateTimeOffset asOf, int repeat = 0)
    {
        Console.WriteLine($"store {dbPath}, workspace {workspace}, as of {Instants.Format(asOf)}");
        var step = new Step();
        using var store = DuckDbStore.Open(dbPath);
        var data = store.Load(workspace, tables: Bellwether.Indicators.IndicatorService.EngineTables);
        var book = new PlanBook(store.PlanChanges(workspace));
        step.Report("load", $"{data.Opportunities.Count:#,0} deals, {data.Plans.Count:#,0} plans");

        var engine = new IndicatorEngine(data);
        step.Report("prepare the engine", "");

        var earlier = asOf - PlanReport.Week;
        var fits = new ForecastFits(data);
        var now = fits.Fit(asOf);
        step.Report("fit as of t", "");
        var then = fits.Fit(earlier);
        step.Report("fit as of t − 7 days", ForecastFits.LearnedAt(earlier) == ForecastFits.LearnedAt(asOf) ? "learning shared with t's" : "learning of another month");

        var scope = PlanScope.Around(asOf, data.Settings.Calendar);
        var items = PlanRollup.Items(book.AsOf(asOf), data.Settings.Calendar, scope);
        var rows = PlanEvaluation.Of(items, new PlanReading { Engine = engine, AsOf = asOf, Model = now });
        step.Report("evaluate as of t", $"{rows.Count} plans, {items.Count(i => i.Period.EndInstant > asOf)} open");
        var thenItems = PlanRollup.Items(book.AsOf(earlier), data.Settings.Calendar, scope);
        PlanEvaluation.Of(thenItems, new PlanReading { Engine = engine, AsOf = earlier, Model = then });
        step.Report("evaluate as of t − 7 days", "");

        // Each forecast the evaluation asks for, one by one: ledger metrics for all their periods at once, then each period alone.
        foreach (var group in items.Where(i => i.Period.EndInstant > asOf && ForecastIndicators.Names.Contains(i.Metric)).GroupBy(i => (i.Metric, i.Slice)))
        {
            var filter = IndicatorQuery.FilterOf(Core.Slicing.SliceText.TryParse(group.Key.Slice, out var slice, out _) ? slice : new Dictionary<string, string>());
            var periods = group.Select(i => i.Period).Distinct().OrderBy(p => p.Start).ThenBy(p => p.Grain).ToList();
            if (ForecastIndicators.FromLedger(group.Key.Metric))
            {
                now.Forecast(new ForecastQuery { Indicators = [group.Key.Metric], Period = periods[0], Filter = filter }, periods, null);
                step.Report($"  forecast {group.Key.Metric} for {string.Join(", ", periods.Select(p => p.Label))} in one call", "");
            }

            foreach (var period in periods)
            {
                now.Forecast(new ForecastQuery { Indicators = [group.Key.Metric], Period = period, Filter = filter });
                step.Report($"  forecast {group.Key.Metric} {group.Key.Slice} {period.Label} alone", "");
            }
        }

        var year = PlanScope.Within(data.Settings.Calendar.Containing(asOf.AddTicks(-1), Grain.Year));
        var all = PlanEvaluation.Of(PlanRollup.Items(book.AsOf(asOf), data.Settings.Calendar, year), new PlanReading { Engine = engine, AsOf = asOf, Model = now });
        step.Report("evaluate every plan of the fiscal year as of t (fitted model)", $"{all.Count} plans");

        // A ForecastFits of its own, as the command makes: t and t − 7 days share its learning, nothing from the steps above.
        var fresh = new ForecastFits(data);
        var report = PlanReport.Read(book, engine, t => fresh.Fit(t), new PlanQuery { Scope = scope, AsOf = asOf });
        step.Report("PlanReport.Read (both fits side by side, both evaluations)", $"{report.Rows.Count} plans");
        FitStages(data, asOf, step);
        for (var i = 0; i < repeat; i++)
        {
            var again = new ForecastFits(data);
            PlanReport.Read(book, engine, t => again.Fit(t), new PlanQuery { Scope = scope, AsOf = asOf });
            step.Report($"PlanReport.Read again, warm ({i + 1} of {repeat})", "");
        }

        return 0;
    }

    /// <summary>
    /// A fit's stages one after another on one thread, warm (the fits above ran them once): where a fit's own work goes,
    /// apart from its first call's JIT and from the threads it shares the machine with.
    /// </summary>
    private static void FitStages(Dataset data, DateTimeOffset asOf, Step step)
    {
        var options = new ForecastOptions();
        var view = data.AsOf(asOf);
        step.Report("  warm: the as-of view", "");
        var renewals = Core.Forecasting.Model.RenewalBook.Fit(view, asOf);
        step.Report("  warm: the renewal book", "");
        var facts = new Core.Forecasting.Model.DealFacts(view, asOf, renewals.Pending);
        step.Report("  warm: the deal facts", "");
        var day0 = Instants.DayOf(asOf).DayNumber;
        _ = new Core.Forecasting.Model.CreationModel(facts, day0, view.Reps, renewals.Explained);
        step.Report("  warm: the creation model", "");
        _ = new Core.Forecasting.Model.AmountModel(facts, day0);
        step.Report("  warm: the amount model", "");
        _ = new Core.Forecasting.Model.RevenueModel(view, facts, day0);
        step.Report("  warm: the revenue model", "");
        _ = new Core.Forecasting.Model.HazardLearning(data, Core.Forecasting.Model.HazardLearning.StartFor(asOf), options);
        step.Report("  warm: the hazard learning (shared per month)", "");
        _ = new Core.Forecasting.Model.FittedParts(view, asOf, options, Task.FromResult(new Core.Forecasting.Model.HazardLearning(data, Core.Forecasting.Model.HazardLearning.StartFor(asOf), options)));
        step.Report("  warm: hazard learning + every part of a fit, one thread", "");
    }

    /// <summary>Wall and CPU time since the last report.</summary>
    private sealed class Step
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public void Report(string what, string detail)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            using var process = Process.GetCurrentProcess();
            var heap = GC.GetGCMemoryInfo();
            Console.WriteLine(FormattableString.Invariant($"| {what} | {_watch.Elapsed.TotalMilliseconds:#,0} ms | {(cpu - _cpu).TotalMilliseconds:#,0} ms | heap {GC.GetTotalMemory(false) >> 20:#,0} MB, working set {process.WorkingSet64 >> 20:#,0} MB (peak {process.PeakWorkingSet64 >> 20:#,0} MB) | {detail} |"));
            _cpu = cpu;
            _watch.Restart();
        }
    }
}
