using Bellwether.Core.Forecasting;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// The common shock to creation rates is sized per month ahead from how far the creation model's own forecasts made that
/// far ahead missed. Where the rate wanders (a random walk, month by month), a forecast four months out misses by more
/// than one a month out, and the ranges must say so; where it holds steady, little is left beyond Poisson noise (what
/// the refitted season and level get wrong on two years of data).
/// </summary>
public sealed class CreationShockTests
{
    private static readonly DateTimeOffset AsOf = SmallCompany.At("2025-07-01");

    [Fact]
    public void AWanderingRate_IsLessCertainFurtherAhead()
    {
        var variances = ForecastModel.Fit(SmallCompany.Generate(dealsPerDay: 4, monthlyRateWalk: 0.15), AsOf, cancellation: TestContext.Current.CancellationToken).Parts.Creation.RateShockVariances;

        Assert.True(variances[0] > 0.002, $"a month ahead: {variances[0]:0.0000}");
        Assert.True(variances[^1] > 1.25 * variances[0], $"by lead: {string.Join(", ", variances.Select(v => v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.All(variances.Zip(variances.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public void ASteadyRate_HasLittleShockBeyondPoissonNoise_AndFarLessThanAWanderingOne()
    {
        var steady = ForecastModel.Fit(SmallCompany.Generate(dealsPerDay: 4), AsOf, cancellation: TestContext.Current.CancellationToken).Parts.Creation.RateShockVariances;
        var wandering = ForecastModel.Fit(SmallCompany.Generate(dealsPerDay: 4, monthlyRateWalk: 0.15), AsOf, cancellation: TestContext.Current.CancellationToken).Parts.Creation.RateShockVariances;

        Assert.All(steady.Zip(wandering), pair => Assert.True(pair.First < 0.02 && pair.First < pair.Second / 4, $"steady {pair.First:0.0000}, wandering {pair.Second:0.0000}"));
    }
}
