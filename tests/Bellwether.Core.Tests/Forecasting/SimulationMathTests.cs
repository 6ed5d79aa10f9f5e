using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Forecasting.Simulation;
using MathNet.Numerics.Distributions;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class SimulationMathTests
{
    [Theory]
    [InlineData(0.001)]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void NormalQuantile_MatchesMathNet(double p) =>
        Assert.Equal(Normal.InvCDF(0, 1, p), CounterRandom.NormalQuantile(p), 7);

    [Theory]
    [InlineData(0.0, 10)]
    [InlineData(0.1, 13)]    // position 0.3 of 3 gaps: 10 + 0.3 × (20 − 10)
    [InlineData(0.5, 25)]    // position 1.5: halfway from 20 to 30
    [InlineData(0.9, 37)]    // position 2.7: 30 + 0.7 × (40 − 30)
    [InlineData(1.0, 40)]
    public void Quantile_InterpolatesLinearlyBetweenOrderStatistics(double q, double expected) =>
        Assert.Equal(expected, Quantiles.Of([10, 20, 30, 40], q), 10);

    [Theory]
    [InlineData(0.3)]
    [InlineData(4)]
    [InlineData(150)]
    public void Poisson_ByInversion_HasItsMean(double mean)
    {
        var draws = Enumerable.Range(0, 20_000).Select(i => CounterRandom.Poisson(mean, CounterRandom.Uniform(3, 9, i, 0))).ToList();

        Assert.InRange(draws.Average(), mean * 0.97, mean * 1.03);
    }

    [Fact]
    public void Uniform_DependsOnlyOnItsCounters()
    {
        Assert.Equal(CounterRandom.Uniform(1, 2, 3, 4), CounterRandom.Uniform(1, 2, 3, 4));
        Assert.NotEqual(CounterRandom.Uniform(1, 2, 3, 4), CounterRandom.Uniform(1, 2, 3, 5));
        Assert.InRange(CounterRandom.Uniform(0, 0, 0, 0), double.Epsilon, 1 - double.Epsilon);
    }

    [Fact]
    public void Shock_HasMeanOneAndTheGivenVariance()
    {
        var draws = Enumerable.Range(0, 50_000).Select(i => CounterRandom.Shock(0.04, CounterRandom.Uniform(5, 1, i, 0))).ToList();

        Assert.InRange(draws.Average(), 0.995, 1.005);
        Assert.InRange(draws.Average(x => (x - 1) * (x - 1)), 0.038, 0.042);
    }

    [Fact]
    public void Shrinkage_KeepsALevelWithMuchDataAndPullsAThinOneTowardOne()
    {
        // Levels with clear spread: a big level at twice the rate keeps most of it; a level seen twice stays near 1.
        double[] observed = [200, 100, 50, 4];
        double[] expected = [100, 100, 100, 2];

        var ratios = Shrink.Ratios(observed, expected);

        Assert.InRange(ratios[0], 1.8, 2.0);
        Assert.InRange(ratios[2], 0.5, 0.6);
        Assert.InRange(ratios[3], 1.0, 1.6);
    }

    [Fact]
    public void Shrinkage_WithoutSpreadBeyondNoise_LeavesEveryLevelAtOne()
    {
        var ratios = Shrink.Ratios([98, 103, 99, 1], [100, 100, 100, 0.5]);

        Assert.All(ratios, r => Assert.InRange(r, 0.99, 1.01));
    }
}
