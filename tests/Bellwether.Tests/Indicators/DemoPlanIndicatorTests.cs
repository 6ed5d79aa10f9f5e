using Bellwether.Core.Indicators;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;

namespace Bellwether.Tests.Indicators;

/// <summary>
/// Every plan the demo writes works with its metric out of the box: the metric over the plan's period and slice, and —
/// for bookings plans — the target indicators that read the plan, never fail on the slice or miss the plan.
/// </summary>
public sealed class DemoPlanIndicatorTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private static readonly DateTimeOffset AsOf = new(2026, 5, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryPlanLine_ItsMetricAndTheTargetIndicators_ReadItsSlice()
    {
        using var store = DuckDbStore.Open(demo.Db);
        var data = store.Load("default");
        var engine = new IndicatorEngine(data);
        var calendar = data.Settings.Calendar;
        Assert.NotEmpty(data.Plans);
        var failures = new List<string>();
        foreach (var plan in data.Plans)
        {
            var period = calendar.Parse(plan.Period);
            IndicatorRow Row(string name, Core.Time.Period p) => engine.Run(new IndicatorQuery
            {
                Indicators = [name],
                Period = p,
                AsOf = AsOf,
                Filter = IndicatorQuery.FilterOf(plan.Slice),
            })[0];

            var rows = new List<IndicatorRow> { Row(plan.Metric, period) };
            if (plan.Metric == "bookings")
            {
                rows.Add(Row("required_pipeline", period));
                rows.Add(Row("pipeline_coverage", period));
                rows.Add(Row("pipeline_per_ramped_rep", period));
                var before = calendar.Previous(period);
                rows.Add(Row("new_pipeline_needed", before));
                rows.Add(Row("hiring_signal", before));
            }

            failures.AddRange(rows
                .Where(r => r.MissingReason is { } reason && (reason.Contains("cannot be sliced", StringComparison.Ordinal) || reason.StartsWith("no target", StringComparison.Ordinal)))
                .Select(r => $"{r.Indicator} {r.Period} {string.Join(';', r.Slice.Select(kv => $"{kv.Key}={kv.Value}"))}: {r.MissingReason}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void TheNextQuartersHiringAndPipelineNeed_HaveValuesUnderThePlansSlice()
    {
        using var store = DuckDbStore.Open(demo.Db);
        var engine = new IndicatorEngine(store.Load("default"));
        var rows = engine.Run(new IndicatorQuery
        {
            Indicators = ["new_pipeline_needed", "hiring_signal", "pipeline_per_ramped_rep"],
            Period = engine.Dataset.Settings.Calendar.Parse("2026-Q2"),
            AsOf = AsOf,
            Filter = new Dictionary<Core.Slicing.Dimension, string> { [Core.Slicing.Dimension.Type] = "new_business" },
        });

        Assert.All(rows, r => Assert.True(r.Value is not null, $"{r.Indicator}: {r.MissingReason}"));
        Assert.Equal("2026-Q3", Assert.IsType<HiringDetail>(rows[1].Detail).TargetPeriod);
        Assert.Equal("ae", Assert.IsType<HiringDetail>(rows[1].Detail).HireRole);
    }
}
