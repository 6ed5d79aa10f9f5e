using Bellwether.Benchmarks;

// Scripted benchmarks; see bench/README.md. Each prints markdown rows for docs/benchmarks.md.
var bellwether = Path.Combine(AppContext.BaseDirectory, "bellwether.dll");
return args switch
{
    ["import", var folder] => ImportThroughput.Run(folder, bellwether, runs: 1),
    ["import", var folder, var runs] => ImportThroughput.Run(folder, bellwether, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture)),
    ["floor", var folder, var db] => ImportThroughput.Floor(folder, db),
    ["dashboard", var db, var asOf] => DashboardRefresh.Run(db, "default", Bellwether.Core.Time.Instants.TryParseAsOf(asOf, out var t) ? t : throw new ArgumentException("as-of")),
    ["load", var db] => LoadTiming.Run(db, "default"),
    ["forecast", var db, var asOf] => ForecastTiming.Run(db, "default", Bellwether.Core.Time.Instants.TryParseAsOf(asOf, out var t) ? t : throw new ArgumentException("as-of")),
    ["plans", var db, var asOf] => PlanTiming.Run(db, "default", Bellwether.Core.Time.Instants.TryParseAsOf(asOf, out var t) ? t : throw new ArgumentException("as-of")),
    ["plans", var db, var asOf, var repeat] => PlanTiming.Run(db, "default", Bellwether.Core.Time.Instants.TryParseAsOf(asOf, out var t) ? t : throw new ArgumentException("as-of"), int.Parse(repeat, System.Globalization.CultureInfo.InvariantCulture)),
    ["scenario-slider", var db, var now] => ScenarioSlider.Run(db, Bellwether.Core.Time.Instants.TryParseAsOf(now, out var t) ? t : throw new ArgumentException("now")),
    ["dashboard-pages", var db, var users, var rounds] => DashboardPages.Run(db, int.Parse(users, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture)),
    ["dashboard-pages", var db, var users, var rounds, var only] => DashboardPages.Run(db, int.Parse(users, System.Globalization.CultureInfo.InvariantCulture), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture), only),
    ["backtest", .. var rest] => ForecastBacktest.Run(rest),
    ["backtest-parts", .. var rest] => ForecastParts.Run(rest),
    ["lightgbm-trial", .. var rest] => LightGbmTrial.Run(rest),
    ["backtest-slices", .. var rest] => SliceBacktest.Run(rest),
    ["backtest-types", .. var rest] => TypeBacktest.Run(rest),
    ["churn-backtest", .. var rest] => ClientBacktest.Run(rest, expansion: false),
    ["expansion-backtest", .. var rest] => ClientBacktest.Run(rest, expansion: true),
    ["micro", .. var rest] => MicroBenchmarks(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bellwether.Benchmarks import FOLDER [RUNS] | dashboard STORE.duckdb AS-OF | load STORE.duckdb | forecast STORE.duckdb AS-OF | plans STORE.duckdb AS-OF [REPEAT] | scenario-slider STORE.duckdb NOW | dashboard-pages STORE.duckdb USERS ROUNDS [PAGE] | backtest ... | micro [BenchmarkDotNet arguments]");
    return 1;
}

static int MicroBenchmarks(string[] rest)
{
    BenchmarkDotNet.Running.BenchmarkRunner.Run<ScenarioRecompute>(ScenarioRecompute.Config, rest);
    return 0;
}
