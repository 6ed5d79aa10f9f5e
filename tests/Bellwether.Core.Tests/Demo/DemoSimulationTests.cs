using System.Globalization;
using Bellwether.Core.Demo;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Demo;

public sealed class DemoSimulationTests(DefaultDemoFixture fixture) : IClassFixture<DefaultDemoFixture>
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Horizon = new(2026, 11, 1);

    [Fact]
    public void ItsOwnFuture_IsTheOneTheGeneratedDataHas()
    {
        var simulation = DemoSimulation.Start(fixture.Files.Options);
        simulation.RunTo(AsOf);
        var future = simulation.Continue(Horizon);

        var opps = fixture.Files.Table("opportunities.csv").Rows.Where(r => r[10] == "won").ToList();
        var revenue = fixture.Files.Table("revenue.csv").Rows;
        for (var month = new DateOnly(2026, 1, 1); month < Horizon; month = month.AddMonths(1))
        {
            var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var outcome = future.For(label)!;
            var won = opps.Where(r => r[11].StartsWith(label, StringComparison.Ordinal)).ToList();
            Assert.Equal(Sum(won), outcome.Bookings);
            Assert.Equal(Sum(won.Where(r => r[4] == "new_business")), outcome.NewBusinessBookings);
            Assert.Equal(Sum(won.Where(r => r[4] == "expansion")), outcome.ExpansionBookings);
            Assert.Equal(Sum(won.Where(r => r[4] == "renewal")), outcome.RenewalBookings);
            Assert.Equal(won.Count, outcome.WonDeals);
            Assert.Equal(revenue.Where(r => r[1] == label).Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)), outcome.Revenue);
            Assert.NotNull(outcome.Grr);
        }

        var q3 = future.For("2026-Q3")!;
        Assert.Equal(new[] { "2026-07", "2026-08", "2026-09" }.Sum(m => future.For(m)!.Bookings), q3.Bookings);
        Assert.Null(q3.Grr);
        Assert.Null(future.For("2026"));
        Assert.Null(future.For("2025-12"));
    }

    [Fact]
    public void SnapshotWithTheOriginalRandomness_WritesExactlyTheUninterruptedCompany()
    {
        var options = new DemoOptions { Years = 1, Seed = 11 };
        var whole = Write(options, engine => engine);
        var forked = Write(options, engine =>
        {
            engine.RunUntil(new DateOnly(2026, 4, 15));
            return engine.Fork(null, WriterOf(engine));
        });
        foreach (var (file, text) in whole)
        {
            Assert.True(text == forked[file], $"{file} differs after a snapshot");
        }
    }

    [Fact]
    public void FreshFutures_AreDeterministic_AndSpreadOut_AndShareThePast()
    {
        var simulation = DemoSimulation.Start(fixture.Files.Options);
        var asOf = new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero);
        simulation.RunTo(asOf);
        var futures = simulation.Futures(12, Horizon);
        var again = DemoSimulation.Resimulate(fixture.Files.Options, asOf, 12, Horizon);
        Assert.Equal(futures.Select(f => f.For("2026-Q2")!.Bookings), again.Select(f => f.For("2026-Q2")!.Bookings));
        Assert.Equal(Enumerable.Range(0, 12), futures.Select(f => f.Future));

        var q2 = futures.Select(f => f.For("2026-Q2")!.Bookings).ToList();
        Assert.True(q2.Distinct().Count() == q2.Count, "fresh futures should differ");
        var spread = (double)((q2.Max() - q2.Min()) / q2.Average());
        Assert.InRange(spread, 0.02, 1.0);

        // What closed before the instant is the same in every future, and is part of the month's figures.
        var february = futures.Select(f => f.For("2026-02")!).ToList();
        Assert.Single(february.Select(f => f.BookedBeforeAsOf).Distinct());
        Assert.All(february, f => Assert.True(f.Bookings >= f.BookedBeforeAsOf));
        Assert.True(february[0].BookedBeforeAsOf > 0);
        Assert.Contains(futures, f => f.For("2026-02")!.Bookings != simulation.Continue(Horizon).For("2026-02")!.Bookings);

        // Revenue of the month closed before the instant (January) is not in the futures at all.
        Assert.Null(futures[0].For("2026-01"));
    }

    [Fact]
    public void AFreshFuture_KeepsEveryDealAndLeadAsItWasBeforeTheInstant()
    {
        var options = new DemoOptions { Years = 1, Seed = 5 };
        var at = new DateOnly(2026, 5, 1);
        var original = Write(options, engine => engine);
        var fresh = Write(options, engine =>
        {
            engine.RunUntil(at);
            return engine.Fork(42, WriterOf(engine));
        });
        var before = at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        static Dictionary<string, string[]> Deals(string text) => CsvTable.Parse(text).Rows.ToDictionary(r => r[0], r => r);
        var originalDeals = Deals(original["opportunities.csv"]);
        var freshDeals = Deals(fresh["opportunities.csv"]);
        var createdBefore = originalDeals.Values.Where(r => string.CompareOrdinal(r[7], before) < 0).ToList();
        Assert.NotEmpty(createdBefore);
        foreach (var deal in createdBefore)
        {
            var other = freshDeals[deal[0]];
            foreach (var column in new[] { 1, 3, 4, 5, 7 })
            {
                Assert.Equal(deal[column], other[column]);
            }

            if (deal[11].Length > 0 && string.CompareOrdinal(deal[11], before) < 0)
            {
                Assert.Equal(deal, other);
            }
        }

        var closedAfter = createdBefore.Where(d => d[11].Length == 0 || string.CompareOrdinal(d[11], before) >= 0).ToList();
        Assert.Contains(closedAfter, d => !d.SequenceEqual(freshDeals[d[0]]));
        Assert.NotEqual(original["opportunities.csv"], fresh["opportunities.csv"]);
    }

    [Fact]
    public void RunTo_TakesOnlyMidnights_AndOnlyGoesForward()
    {
        var simulation = DemoSimulation.Start(new DemoOptions { Years = 1 });
        Assert.Throws<ArgumentException>(() => simulation.RunTo(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        simulation.RunTo(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), simulation.Instant);
        Assert.Throws<ArgumentOutOfRangeException>(() => simulation.RunTo(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Futures_CoverWholePeriodsEndingByTheHorizon()
    {
        var simulation = DemoSimulation.Start(new DemoOptions { Years = 1 });
        simulation.RunTo(new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero));
        var future = simulation.Futures(1, new DateOnly(2026, 7, 1)).Single();
        Assert.Equal(
            ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-Q1", "2026-Q2"],
            future.Periods.Select(p => p.Period.Label));
        Assert.All(future.Periods, p => Assert.True(p.Period.End <= future.Horizon));
        Assert.Equal(Grain.Month, future.Periods[0].Period.Grain);
    }

    private static decimal Sum(IEnumerable<string[]> deals) => deals.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompanyEngine, DemoWriter> Writers = [];

    private static DemoWriter WriterOf(CompanyEngine engine) => Writers.TryGetValue(engine, out var writer) ? writer : throw new InvalidOperationException();

    /// <summary>Writes a company whose run is shaped by <paramref name="shape"/> (which may fork it onto the same writer), to its end.</summary>
    private static Dictionary<string, string> Write(DemoOptions options, Func<CompanyEngine, CompanyEngine> shape)
    {
        var texts = new Dictionary<string, StringWriter>(StringComparer.Ordinal);
        using (var writer = new DemoWriter(name => texts[name] = new StringWriter(), options.Seed))
        {
            var engine = CompanyEngine.Create(options, writer);
            Writers.Add(engine, writer);
            var final = shape(engine);
            final.RunUntil(options.HistoryEnd.AddDays(1));
            final.Finish();
        }

        return texts.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
    }
}
