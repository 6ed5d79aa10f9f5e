using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// A vertical's drift: markets that buy more (or less) readily as time goes on. The small company's two verticals are
/// made to part (finance deals pass each stage more often every year, retail deals less), and the hazard model must read
/// which way each goes — and must not invent a drift where there is none.
/// </summary>
public sealed class HazardDriftTests
{
    private static readonly DateTimeOffset AsOf = SmallCompany.At("2025-07-01");

    [Fact]
    public void VerticalsThatPart_AreReadDriftingApart_TheRisingOneLosesLessAndWinsMore()
    {
        var parts = ForecastModel.Fit(SmallCompany.Generate(verticalDriftPerYear: 0.25), AsOf, cancellation: TestContext.Current.CancellationToken).Parts;

        var finance = Drift(parts, "finance");
        var retail = Drift(parts, "retail");

        // Each stage's pass chance moves by e^±0.25 a year: losses (1 − chance) move most, wins and moves less.
        Assert.True(finance[HazardCells.Lost] < -0.1, $"finance lost drift {finance[HazardCells.Lost]:0.000}");
        Assert.True(retail[HazardCells.Lost] > 0.1, $"retail lost drift {retail[HazardCells.Lost]:0.000}");
        Assert.True(finance[HazardCells.Won] > retail[HazardCells.Won], $"won drift: finance {finance[HazardCells.Won]:0.000}, retail {retail[HazardCells.Won]:0.000}");
    }

    [Fact]
    public void SteadyVerticals_HaveNoDriftToSpeakOf()
    {
        var parts = ForecastModel.Fit(SmallCompany.Generate(), AsOf, cancellation: TestContext.Current.CancellationToken).Parts;

        foreach (var vertical in new[] { "finance", "retail" })
        {
            Assert.All(Drift(parts, vertical), d => Assert.InRange(d, -0.15, 0.15));
        }
    }

    [Fact]
    public void AnOpenDeal_InARisingVertical_IsLikelierToWinThanItsPastAlone_AndInAFallingOneLessLikely()
    {
        var parts = ForecastModel.Fit(SmallCompany.Generate(verticalDriftPerYear: 0.25), AsOf, cancellation: TestContext.Current.CancellationToken).Parts;
        var hazards = parts.Hazards;
        var phases = Enumerable.Range(0, 365).Select(d => parts.Covariates.Phase(parts.Day0 + d)).ToArray();
        double[] none = [0, 0, 0];

        foreach (var (vertical, rises) in new[] { ("finance", true), ("retail", false) })
        {
            var levels = Levels(parts, vertical);
            var factor = hazards.ProfileFactors(levels);
            var drifted = hazards.WonDaily((int)OpportunityType.NewBusiness, 0, 0, DealFacts.NoDay, factor, hazards.Drift(levels), 1, parts.Day0, 365, phases).Sum();
            var still = hazards.WonDaily((int)OpportunityType.NewBusiness, 0, 0, DealFacts.NoDay, factor, none, 1, parts.Day0, 365, phases).Sum();

            Assert.True(rises ? drifted > still * 1.005 : drifted < still * 0.995, $"{vertical}: {drifted:0.0000} with its drift, {still:0.0000} without");
        }
    }

    [Fact]
    public void NewDeals_OfASteadyCompany_AreWonAsTheirPastShows_OverAWholeYear()
    {
        var model = ForecastModel.Fit(SmallCompany.Generate(), AsOf, cancellation: TestContext.Current.CancellationToken);
        var dynamics = new Bellwether.Core.Forecasting.Simulation.Dynamics(model.Parts, new Horizon(AsOf, new DateOnly(2026, 7, 1)));

        Assert.All(dynamics.NewDealDrift((int)OpportunityType.NewBusiness), m => Assert.InRange(m, 0.95, 1.05));
    }

    private static double[] Drift(FittedParts parts, string vertical) => parts.Hazards.Drift(Levels(parts, vertical));

    /// <summary>A new-business deal of the vertical, in the hazard model's codes.</summary>
    private static int[] Levels(FittedParts parts, string vertical)
    {
        var levels = Enumerable.Repeat(-1, DealProfile.Count).ToArray();
        levels[DealProfile.Vertical] = parts.Facts.LevelsOf(Dimension.Vertical).Code(vertical);
        levels[DealProfile.Type] = (int)OpportunityType.NewBusiness;
        return parts.HazardLevels(levels);
    }
}
