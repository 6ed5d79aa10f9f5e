using System.Text.Json;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class CohortSumsTests(CompanyFixture company) : IClassFixture<CompanyFixture>
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    [Theory]
    [InlineData(Dimension.Vertical)]
    [InlineData(Dimension.Account)]
    public void SlicesByAnAccountsDimension_AddUpToTheCompany_InEveryFuture(Dimension by)
    {
        // An account lies in one slice of an account-level dimension, so each figure of the cohort (revenue in P', what it
        // kept, revenue in P, growth) is the sum of its slices' in every future — including the share of existing
        // clients' new deals, which every account takes in proportion to its revenue in P'.
        var model = ForecastModel.Fit(company.Data, SmallCompany.At("2025-05-10"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var periods = new[] { Calendar.Parse("2025-05"), Calendar.Parse("2025-Q2"), Calendar.Parse("2025") };
        var projection = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), periods.Max(p => p.End));
        CohortSums SumsBy(params Dimension[] dimensions) => CohortSums.Simulate(model.Parts, projection, periods, new Slicer(model.Parts, dimensions, new Dictionary<Dimension, string>()), 1, cancellation: TestContext.Current.CancellationToken);

        var whole = SumsBy();
        var sliced = SumsBy(by);

        Assert.True(sliced.Groups > 1);
        for (var sim = 0; sim < whole.Simulations; sim++)
        {
            for (var k = 0; k < periods.Length; k++)
            {
                foreach (var figure in new[] { CohortSums.Before, CohortSums.Kept, CohortSums.Now, CohortSums.Growth })
                {
                    var total = whole.Of(0, k, sim, figure);
                    var sum = Enumerable.Range(0, sliced.Groups).Sum(g => sliced.Of(g, k, sim, figure));
                    Assert.Equal(total, sum, Math.Max(1e-9, Math.Abs(total) * 1e-12));
                }
            }
        }
    }

    [Fact]
    public void RetentionFiguresAskedTogether_AreTheSameAsEachAskedAlone()
    {
        var model = ForecastModel.Fit(company.Data, SmallCompany.At("2025-05-10"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var indicators = new[] { "grr", "nrr", "expansion_revenue" };
        ForecastQuery Query(params string[] names) => new() { Indicators = names, Period = Calendar.Parse("2025"), Grain = Grain.Quarter, By = [Dimension.Vertical] };

        var together = model.Forecast(Query(indicators));
        var alone = indicators.SelectMany(name => model.Forecast(Query(name))).ToList();

        Assert.NotEmpty(together);
        Assert.Equal(JsonSerializer.Serialize(alone, IndicatorJson.Options), JsonSerializer.Serialize(together, IndicatorJson.Options));
    }

    [Fact]
    public void WhatWasKeptAndGrowth_AddUpToRevenueInP_AndWhatWasKept_IsAtMostRevenueInPPrime()
    {
        var model = ForecastModel.Fit(company.Data, SmallCompany.At("2025-05-10"), company.Options, cancellation: TestContext.Current.CancellationToken);
        var periods = new[] { Calendar.Parse("2025-Q2"), Calendar.Parse("2025-Q3") };
        var projection = model.ProjectionFor(new ScenarioEffects(model.Parts, Scenario.Base), periods.Max(p => p.End));
        var sums = CohortSums.Simulate(model.Parts, projection, periods, new Slicer(model.Parts, [Dimension.Vertical], new Dictionary<Dimension, string>()), 1, cancellation: TestContext.Current.CancellationToken);

        for (var sim = 0; sim < sums.Simulations; sim++)
        {
            for (var g = 0; g < sums.Groups; g++)
            {
                for (var k = 0; k < periods.Length; k++)
                {
                    var (before, kept, now, growth) = (sums.Of(g, k, sim, CohortSums.Before), sums.Of(g, k, sim, CohortSums.Kept), sums.Of(g, k, sim, CohortSums.Now), sums.Of(g, k, sim, CohortSums.Growth));
                    var tolerance = 1e-9 * Math.Max(1, before);

                    // Per account: now = min(now, before) + max(0, now − before), so the sums agree exactly up to rounding.
                    Assert.Equal(now, kept + growth, tolerance);
                    Assert.True(kept <= before + tolerance, $"kept {kept} of {before}");
                }
            }
        }
    }
}
