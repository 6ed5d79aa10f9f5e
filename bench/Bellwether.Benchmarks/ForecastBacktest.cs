using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Data;
using Bellwether.Core.Demo;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Import;
using Bellwether.Core.Indicators;
using Bellwether.Core.Time;
using Bellwether.Import;
using Bellwether.Import.Presets;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Benchmarks;

/// <summary>
/// Backtests of the forecast on real and simulated data, for docs/forecasting.md:
/// <c>backtest maven FOLDER [INDICATOR]</c> runs 2017-Q3..Q4 of maven-crm as of each quarter's first instant and its midpoint;
/// <c>backtest demo SEEDS FROM TO [FUTURES] [INDICATOR] [GRAIN]</c> (seeds like 1,2,3; quarters by default, offsets −30, 0
/// and 45; months with offsets −15, 0, 15) runs demo companies with the floor: at each
/// as-of instant the demo is re-simulated FUTURES times (default 100) from its exact state, the median of those futures
/// is the ideal forecast and its mean absolute percentage error against them the floor.
/// </summary>
public static class ForecastBacktest
{
    public static int Run(string[] args) => args switch
    {
        ["maven", var folder] => Maven(folder, "bookings"),
        ["maven", var folder, var indicator] => Maven(folder, indicator),
        ["demo", var seeds, var from, var to] => Demo(seeds, from, to, 100, "bookings", Grain.Quarter),
        ["demo", var seeds, var from, var to, var futures] => Demo(seeds, from, to, int.Parse(futures, CultureInfo.InvariantCulture), "bookings", Grain.Quarter),
        ["demo", var seeds, var from, var to, var futures, var indicator] => Demo(seeds, from, to, int.Parse(futures, CultureInfo.InvariantCulture), indicator, Grain.Quarter),
        ["demo", var seeds, var from, var to, var futures, var indicator, var grain] => Demo(seeds, from, to, int.Parse(futures, CultureInfo.InvariantCulture), indicator, FiscalCalendar.TryParseGrain(grain, out var g) ? g : Grain.Quarter),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Bellwether.Benchmarks backtest maven FOLDER [INDICATOR] | backtest demo SEEDS FROM TO [FUTURES] [INDICATOR] [GRAIN]");
        return 1;
    }

    private static int Maven(string folder, string indicator)
    {
        var data = Import(Path.Combine(Path.GetTempPath(), "bellwether-bench-maven.duckdb"), () => PresetCatalog.Open("maven-crm", folder));
        var calendar = data.Settings.Calendar;
        var watch = Stopwatch.StartNew();
        var result = Backtest.Run(data, new BacktestRequest
        {
            Indicator = indicator,
            From = calendar.Parse("2017-Q3"),
            To = calendar.Parse("2017-Q4"),
            Offsets = [-30, 0, 45],
        });
        Print(result.Points, result.Summary, floors: null);
        foreach (var note in result.Notes)
        {
            Console.WriteLine($"note: {note}");
        }

        Console.WriteLine(FormattableString.Invariant($"({watch.Elapsed.TotalSeconds:0.0} s)"));
        return 0;
    }

    private static int Demo(string seeds, string from, string to, int futures, string indicator, Grain grain)
    {
        var points = new List<BacktestPoint>();
        var floors = new Dictionary<(string Seed, string Period, int Offset), Floor>();
        foreach (var seed in seeds.Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture)))
        {
            var options = new DemoOptions { Seed = seed };
            var data = Demo(options);
            var calendar = data.Settings.Calendar;
            var watch = Stopwatch.StartNew();
            int[] offsets = grain == Grain.Month ? [-15, 0, 15] : [-30, 0, 45];
            var result = Backtest.Run(data, new BacktestRequest { Indicator = indicator, Grain = grain, From = calendar.Parse(from), To = calendar.Parse(to), Offsets = offsets });
            Console.Error.WriteLine(FormattableString.Invariant($"seed {seed}: backtest {watch.Elapsed.TotalSeconds:0} s"));
            watch.Restart();
            var simulation = DemoSimulation.Start(options);
            foreach (var point in result.Points.OrderBy(p => p.AsOf))
            {
                simulation.RunTo(point.AsOf);
                var period = calendar.Parse(point.Period);
                var outcomes = simulation.Futures(futures, period.End).Select(f => Value(f.For(period.Label)!, indicator)).ToList();
                if (outcomes.Any(v => v is null))
                {
                    continue;
                }

                var values = outcomes.Select(v => (double)v!.Value).Order().ToArray();
                var ideal = values[values.Length / 2];
                floors[(seed.ToString(CultureInfo.InvariantCulture), point.Period, point.Offset)] = new Floor(
                    values.Average(v => Math.Abs(ideal - v) / v),
                    values.Average(v => Math.Abs((double)point.P50 - v) / v),
                    values.Count(v => v >= (double)point.P10 && v <= (double)point.P90) / (double)values.Length,
                    ideal);
            }

            Console.Error.WriteLine(FormattableString.Invariant($"seed {seed}: floor {watch.Elapsed.TotalSeconds:0} s"));
            points.AddRange(result.Points.Select(p => p with { Period = $"s{seed} {p.Period}" }));
            floors = floors.ToDictionary(kv => kv.Key.Seed == seed.ToString(CultureInfo.InvariantCulture) ? (kv.Key.Seed, $"s{seed} {kv.Key.Period}", kv.Key.Offset) : kv.Key, kv => kv.Value);
        }

        var summary = points.Select(p => p.Offset).Distinct().SelectMany(o => Backtest.Summaries([.. points.Where(p => p.Offset == o)], o)).ToList();
        Print(points, summary, floors.ToDictionary(kv => (kv.Key.Period, kv.Key.Offset), kv => kv.Value));
        File.WriteAllText(Path.Combine(Path.GetTempPath(), $"bellwether-backtest-demo-{indicator}-{Text(grain)}.json"), JsonSerializer.Serialize(new { points, summary, floors = floors.Select(kv => new { kv.Key.Period, kv.Key.Offset, kv.Value }) }, IndicatorJson.Options));
        return 0;
    }

    /// <summary>The indicator in one simulated future, or null where the futures do not give it (no floor then).</summary>
    private static decimal? Value(PeriodOutcome outcome, string indicator) => indicator switch
    {
        "bookings" => outcome.Bookings,
        "expansion_bookings" => outcome.ExpansionBookings,
        "won_deals" => outcome.WonDeals,
        "revenue" => outcome.Revenue,
        "operating_margin" => outcome.OperatingMargin,
        "grr" => outcome.Grr,
        "expansion_revenue" => outcome.ExpansionRevenue,
        _ => null,
    };

    private static void Print(IReadOnlyList<BacktestPoint> points, IReadOnlyList<AccuracySummary> summary, Dictionary<(string Period, int Offset), Floor>? floors)
    {
        Console.WriteLine("| period | offset | actual | P10 | P50 | P90 | error | stage-weighted | previous | year earlier |" + (floors is null ? "" : " ideal | floor MAPE | forecast MAPE vs futures | futures in P10–P90 |"));
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (floors is null ? "" : "---:|---:|---:|---:|"));
        foreach (var p in points.OrderBy(p => p.Offset).ThenBy(p => p.Period, StringComparer.Ordinal))
        {
            var line = FormattableString.Invariant(
                $"| {p.Period} | {p.Offset} | {p.Actual:#,0} | {p.P10:#,0} | {p.P50:#,0} | {p.P90:#,0} | {(p.P50 - p.Actual) / p.Actual:+0.0%;-0.0%} | {p.StageWeighted:#,0} | {p.PreviousPeriod:#,0} | {p.YearEarlier:#,0} |");
            if (floors is not null && floors.TryGetValue((p.Period, p.Offset), out var f))
            {
                line += FormattableString.Invariant($" {f.Ideal:#,0} | {f.FloorMape:0.0%} | {f.ForecastMape:0.0%} | {f.Coverage:0%} |");
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine("| offset | method | periods | wape | bias | hit_rate_5 | p10_p90_coverage |" + (floors is null ? "" : " floor MAPE | forecast MAPE vs futures | futures in P10–P90 |"));
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|" + (floors is null ? "" : "---:|---:|---:|"));
        foreach (var s in summary)
        {
            var line = FormattableString.Invariant($"| {s.Offset} | {s.Method} | {s.Periods} | {s.Wape:0.0%} | {s.Bias:+0.0%;-0.0%} | {s.HitRate5:0%} | {s.P10P90Coverage:0%} |");
            if (floors is not null)
            {
                var mine = floors.Where(kv => kv.Key.Offset == s.Offset).Select(kv => kv.Value).ToList();
                line += s.Method == Backtest.Forecast && mine.Count > 0
                    ? FormattableString.Invariant($" {mine.Average(f => f.FloorMape):0.0%} | {mine.Average(f => f.ForecastMape):0.0%} | {mine.Average(f => f.Coverage):0%} |")
                    : " | | |";
            }

            Console.WriteLine(line);
        }
    }

    /// <summary>A demo company's dataset, generated and imported once per seed into a DuckDB file under the temp folder.</summary>
    internal static Dataset Demo(DemoOptions options)
    {
        // A company of another renewal practice is another company: its own folder, named by the practice.
        var practice = options.Renewals == RenewalPractice.Standard ? "" : "-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(options.Renewals.Describe())))[..10];
        var folder = Path.Combine(Path.GetTempPath(), $"bellwether-bench-demo-{options.Seed}{practice}");
        return Import(folder + ".duckdb", () =>
        {
            Directory.CreateDirectory(folder);
            DemoCompany.Generate(options, name => new StreamWriter(Path.Combine(folder, name)));
            return FolderSource.Open(folder);
        });
    }

    /// <summary>
    /// The data sets a bench command names: a comma-separated list of demo seeds ("s1", "s2"…), or <c>maven=FOLDER</c>
    /// for the maven-crm export (imported once into a temporary store). Each is loaded when asked for.
    /// </summary>
    internal static IReadOnlyList<(string Name, Func<Dataset> Load)> Sources(string text) => text.StartsWith("maven=", StringComparison.Ordinal)
        ? [("maven", () => Import(Path.Combine(Path.GetTempPath(), "bellwether-bench-maven.duckdb"), () => PresetCatalog.Open("maven-crm", text["maven=".Length..])))]
        : [.. text.Split(',').Select(s => ("s" + s, (Func<Dataset>)(() => Demo(new DemoOptions { Seed = ulong.Parse(s, CultureInfo.InvariantCulture) }))))];

    internal static Dataset Import(string db, Func<ImportSource> source)
    {
        if (!File.Exists(db))
        {
            using var fresh = DuckDbStore.Open(db);
            using var session = fresh.BeginImport("default");
            var result = new ImportRunner(session).Run(source(), new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });
            if (!result.Stored)
            {
                throw new InvalidOperationException($"import into {db} failed: {string.Join("; ", result.Errors.Take(5))}");
            }
        }

        using var store = DuckDbStore.Open(db);
        return store.Load("default");
    }

    private static string Text(Grain grain) => Bellwether.Core.Text.SnakeCase.Name(grain);

    private sealed record Floor(double FloorMape, double ForecastMape, double Coverage, double Ideal);
}
