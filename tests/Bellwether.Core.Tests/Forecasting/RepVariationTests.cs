using Bellwether.Core.Forecasting.Model;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class RepVariationTests
{
    private static readonly bool[] AllMonths = [true, true, true];

    [Fact]
    public void RepsKeepingTheirShare_VaryNoMoreThanChance()
    {
        // Each rep wins half the company's wins every month: what differs is less than Poisson noise, so no shock.
        Assert.Equal(0, RepVariation.Variance([[10, 20, 30], [10, 20, 30]], [AllMonths, AllMonths]));
    }

    [Fact]
    public void RepsTradingMonths_HaveAShock_OfTheMomentsBeyondChance()
    {
        // Company 40 a month, each rep's share ½, so 20 expected each month. Rep A: gaps 10, −10, 0 → squares 200 less
        // the Poisson 60 = 140; rep B the same. Over Σ E² = 6 × 400: 280 / 2400.
        Assert.Equal(280.0 / 2400, RepVariation.Variance([[30, 10, 20], [10, 30, 20]], [AllMonths, AllMonths]), 12);
    }

    [Fact]
    public void AMonthARepWasAway_CountsNeitherInTheirShareNorTheirGaps()
    {
        // Company 40 a month. A (all months): share 90/120, 30 expected each month, gaps 0, 10, −10 → 200 − 90 = 110.
        // B (months 1 and 3 only): share 30/80, 15 expected, gaps −5, 5 → 50 − 30 = 20. Σ E² = 3 × 900 + 2 × 225.
        var variance = RepVariation.Variance([[30, 40, 20], [10, 0, 20]], [AllMonths, [true, false, true]]);

        Assert.Equal(130.0 / 3150, variance, 12);
    }

    [Fact]
    public void NoReps_NoShock() => Assert.Equal(0, RepVariation.Variance([], []));
}
