using Bellwether.Core.Data;
using Bellwether.Core.Demo;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Bellwether.Benchmarks;

/// <summary>
/// BenchmarkDotNet: what the dashboard pays when someone moves a driver or asks for one number, on the demo company
/// (scale 1, seed 1) fitted as of the end of its history. Every scenario invocation uses a driver value not seen
/// before, so that the fitted model's cache of projections cannot answer it: each is a true recompute.
/// Run: <c>Bellwether.Benchmarks micro [BenchmarkDotNet arguments]</c>.
/// </summary>
[MemoryDiagnoser]
public class ScenarioRecompute
{
    private ForecastModel _model = null!;
    private IndicatorEngine _engine = null!;
    private ForecastQuery _quarterAndYear = null!;
    private Period _quarter;
    private DateOnly _start;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var options = new DemoOptions { Seed = 1 };
        Dataset data = ForecastBacktest.Demo(options);
        var asOf = options.Now;
        _model = ForecastModel.Fit(data, asOf);
        var calendar = data.Settings.Calendar;
        _quarter = calendar.Containing(asOf, Grain.Quarter);
        _start = _quarter.Start;
        _quarterAndYear = new ForecastQuery { Indicators = ["bookings"], Period = calendar.Containing(asOf, Grain.Year), Grain = Grain.Quarter };
        _model.Forecast(_quarterAndYear);
        _engine = new IndicatorEngine(data);
    }

    /// <summary>A fresh relative change each call (0.1001, 0.1002, …): never a cached projection.</summary>
    private double Fresh() => 0.10 + (++_next * 1e-4);

    [Benchmark(Description = "scenario: win rate up, bookings by quarter of the fiscal year")]
    public IReadOnlyList<ForecastRow> WinRate() =>
        _model.Forecast(_quarterAndYear, new Scenario { Name = "s", Changes = [new WinRateChange { Relative = Fresh() }] });

    [Benchmark(Description = "scenario: deal size up, bookings by quarter of the fiscal year")]
    public IReadOnlyList<ForecastRow> DealSize() =>
        _model.Forecast(_quarterAndYear, new Scenario { Name = "s", Changes = [new DealSizeChange { Relative = Fresh() }] });

    [Benchmark(Description = "scenario: add reps, bookings by quarter of the fiscal year")]
    public IReadOnlyList<ForecastRow> AddReps() =>
        _model.Forecast(_quarterAndYear, new Scenario { Name = "s", Changes = [new AddRepsChange { Count = 1 + (++_next % 50), Start = _start }] });

    [Benchmark(Description = "scenario: cycle length up (re-runs the stage process)")]
    public IReadOnlyList<ForecastRow> CycleLength() =>
        _model.Forecast(_quarterAndYear, new Scenario { Name = "s", Changes = [new CycleLengthChange { Relative = Fresh() }] });

    [Benchmark(Description = "indicator: win_rate by rep, current quarter (warm engine)")]
    public IReadOnlyList<IndicatorRow> WinRateByRep() =>
        _engine.Run(new IndicatorQuery { Indicators = ["win_rate"], Period = _quarter, By = [Dimension.Rep], AsOf = _model.AsOf });

    /// <summary>In-process and short: the numbers are for a dashboard's budget, not for nanosecond comparisons.</summary>
    public static BenchmarkDotNet.Configs.IConfig Config { get; } = BenchmarkDotNet.Configs.ManualConfig.Create(BenchmarkDotNet.Configs.DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
