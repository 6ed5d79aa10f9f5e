using Bellwether.Core.Forecasting.Model;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class RetentionMissesTests
{
    // Two months of (revenue the month before, actual, the book's forecast a month ahead), per stream.
    // Month 1: before 150 (the third stream had none: a new client, outside the cohort); kept 100 + 0 = 100, forecast
    // to keep 80 + 50 = 130, so grr was missed by −30/150 = −0.2; nrr by (100 − 80 + 0 − 50)/150 = −0.2.
    // Month 2: one stream, kept as forecast (grr miss 0), grew 20 more than forecast: nrr miss 20/200 = +0.1.
    private static readonly RetentionMisses Misses = RetentionMisses.Of(
    [
        [(100.0, 100.0, 80.0), (50.0, 0.0, 50.0), (0.0, 30.0, 20.0)],
        [(200.0, 220.0, 200.0)],
    ]);

    [Fact]
    public void Misses_AreTheMonthsMeanMiss_AndMeanSquares()
    {
        Assert.Equal(-0.1, Misses.GrrBias, 12);
        Assert.Equal((0.04 + 0) / 2, Misses.GrrVariance, 12);
        Assert.Equal((0.04 + 0.01) / 2, Misses.NrrVariance, 12);
    }

    [Fact]
    public void APeriodsShock_GrowsWithItsMonthsAhead_AndOnlyOnWhatIsNotYetKnown()
    {
        // The ledger knows up to month 100. Per period: its months, then the previous period's.
        int[][] sets =
        [
            [101, 102, 103], [98, 99, 100], // next quarter: 2 months ahead on average, all unknown; before it, known
            [99, 100], [97, 98],            // closed: no shock
            [100, 101, 102], [97, 98, 99],  // straddling: its two unknown months 1.5 ahead, two thirds of it
        ];

        var grr = Misses.ForPeriods(isGrr: true, sets, 100);
        var nrr = Misses.ForPeriods(isGrr: false, sets, 100);

        Assert.Equal(-0.1, grr[0].Shift, 12);
        Assert.Equal(Math.Sqrt(0.02 * 2), grr[0].Spread, 12);
        Assert.Equal((0.0, 0.0), grr[1]);
        Assert.Equal(-0.1 * 2 / 3, grr[2].Shift, 12);
        Assert.Equal(Math.Sqrt(0.02 * 1.5 * 4 / 9), grr[2].Spread, 12);
        Assert.Equal(0, nrr[0].Shift);
        Assert.Equal(Math.Sqrt(0.025 * 2), nrr[0].Spread, 12);
    }

    [Fact]
    public void NoMonths_NoMisses() => Assert.Equal(RetentionMisses.None, RetentionMisses.Of([]));
}
