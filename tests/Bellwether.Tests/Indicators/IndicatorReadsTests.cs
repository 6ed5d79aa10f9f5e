using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;

namespace Bellwether.Tests.Indicators;

/// <summary>
/// The catalog's <see cref="IndicatorDefinition.Reads"/> decides which cached results an import invalidates, so it must
/// name every file whose rows can move an indicator. Proven on the demo company: take one file away at a time and every
/// indicator whose rows change must list that file.
/// </summary>
public sealed class IndicatorReadsTests(DemoStore demo) : IClassFixture<DemoStore>
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Each file the engine reads beyond the dimension tables (reps, accounts), with the company without it.</summary>
    private static IEnumerable<(string File, Func<Dataset, Dataset> Without)> Removals =>
    [
        ("stages.csv", d => d with { Stages = [] }),
        ("opportunities.csv", d => d with { Opportunities = [], History = [] }),
        ("opportunity_history.csv", d => d with { History = [] }),
        ("leads.csv", d => d with { Leads = [] }),
        ("activities.csv", d => d with { ActivityDays = [] }),
        ("quotas.csv", d => d with { Quotas = [] }),
        ("revenue.csv", d => d with { Revenue = [] }),
        ("expenses.csv", d => d with { Expenses = [] }),
        ("plans.csv", d => d with { Plans = [] }),
        ("standards.csv", d => d with { Standards = [] }),
    ];

    [Fact]
    public void EveryFileWhoseRowsMoveAnIndicator_IsInItsReads()
    {
        using var store = DuckDbStore.Open(demo.Db);
        var data = store.Load("default");
        var before = Rows(data);
        var unlisted = new List<string>();
        foreach (var (file, without) in Removals)
        {
            Assert.True(data.Has(file), $"the demo company has no {file}: the test would prove nothing for it");
            var changed = without(data) with { Files = data.Files.Where(f => f != file).ToHashSet() };
            var after = Rows(changed);
            foreach (var definition in IndicatorCatalog.All)
            {
                if (before[definition.Name] != after[definition.Name] && !definition.Reads.Contains(file))
                {
                    unlisted.Add($"{definition.Name} changes without {file}");
                }
            }
        }

        Assert.True(unlisted.Count == 0, string.Join('\n', unlisted));
    }

    [Fact]
    public void Reads_HoldsWhatAnIndicatorNeeds()
    {
        foreach (var definition in IndicatorCatalog.All)
        {
            Assert.Empty(definition.Needs.Except(definition.Reads));
        }
    }

    [Fact]
    public void CacheDependencies_AreTheTablesOfWhatAnIndicatorReads()
    {
        var quota = new IndicatorQuery { Indicators = ["quota_attainment"], Period = FiscalCalendar.Default.Parse("2026-Q2"), AsOf = Now };

        var tables = IndicatorService.DependenciesOf(quota).ToList();

        // quota_attainment divides bookings, new pipeline, new deals or meetings by quotas: a new opportunities.csv or
        // activities.csv must recompute it, not only a new quotas.csv.
        Assert.Contains("quotas", tables);
        Assert.Contains("opportunities", tables);
        Assert.Contains("opportunity_history", tables);
        Assert.Contains("activities", tables);
        Assert.DoesNotContain("revenue", tables);
    }

    /// <summary>Every indicator's rows, as JSON, over periods and slicings that touch every table it can read.</summary>
    private static Dictionary<string, string> Rows(Dataset data)
    {
        var engine = new IndicatorEngine(data);
        var calendar = FiscalCalendar.Default;
        IndicatorQuery[] queries =
        [
            new() { Indicators = IndicatorCatalog.Names, Period = calendar.Parse("2026-Q3"), AsOf = Now },
            new() { Indicators = IndicatorCatalog.Names, Period = calendar.Parse("2026-Q2"), AsOf = Now, By = [Dimension.Rep] },
            new() { Indicators = IndicatorCatalog.Names, Period = calendar.Parse("2026-Q1"), AsOf = Now, By = [Dimension.Vertical] },
            new() { Indicators = IndicatorCatalog.Names, Period = calendar.Parse("2026-Q2"), AsOf = new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero), Grain = Grain.Month },

            // The demo's bookings plans are for new business: only this slice finds their targets.
            new() { Indicators = IndicatorCatalog.Names, Period = calendar.Parse("2026-Q3"), AsOf = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), Filter = new Dictionary<Dimension, string> { [Dimension.Type] = "new_business" } },
        ];
        var rows = queries.SelectMany(engine.Run).ToList();
        // Rows compared in order: their order is the slices' values, whatever tables were loaded.
        return IndicatorCatalog.Names.ToDictionary(n => n, n => IndicatorJson.Serialize([.. rows.Where(r => r.Indicator == n)]));
    }
}
