using Bellwether.Core.Coaching;
using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Coaching;

public sealed class RepCoachingTests
{
    private static readonly DateTimeOffset AsOf = At("2018-01-01");

    /// <summary>Deals of a rep, all created 1 May 2017 and closed 1 June 2017 (inside the 12 months before AsOf).</summary>
    private static IEnumerable<Opportunity> Deals(string rep, int won, int lost, Func<int, decimal>? amount = null)
    {
        for (var i = 0; i < won + lost; i++)
        {
            yield return i < won
                ? Won($"{rep}-{i}", amount?.Invoke(i) ?? 100, "2017-05-01", "2017-06-01", rep: rep)
                : Lost($"{rep}-{i}", 100, "2017-05-01", "2017-06-01", rep: rep);
        }
    }

    private static Dataset Team(params (string Rep, IEnumerable<Opportunity> Deals)[] reps) => new()
    {
        Reps = [.. reps.Select(r => Rep(r.Rep, "east") with { Name = "Rep " + r.Rep.ToUpperInvariant() })],
        Opportunities = [.. reps.SelectMany(r => r.Deals)],
    };

    // Four reps at 16 of 40 (40%), X at 4 of 40 (10%), Y at 0 of 3. Worked by hand:
    // team level μ = 68 / 203 = 0.33498; observed spread of the six rates around μ, mean (y − μ)² = 0.030723; mean
    // binomial noise μ(1 − μ)/n = 0.017017; τ² = 0.013706; beta prior strength κ = μ(1 − μ)/τ² − 1 = 15.254.
    // X: (4 + κμ) / (40 + κ) = 0.16487, under the range's floor 0.8μ = 0.26798: flagged.
    // Y: (0 + κμ) / (3 + κ) = 0.27992, inside: three losses in a row are common luck at a 33% rate.
    private static Dataset WinRates { get; } = Team(
        ("a", Deals("a", 16, 24)), ("b", Deals("b", 16, 24)), ("c", Deals("c", 16, 24)), ("d", Deals("d", 16, 24)),
        ("x", Deals("x", 4, 36)), ("y", Deals("y", 0, 3)));

    [Fact]
    public void WinRate_FortyDealRepAtTenPercent_IsFlagged_WithTheReasonInWords()
    {
        var flag = Assert.Single(RepCoaching.Of(WinRates, AsOf), f => f.Metric == CoachingMetric.WinRate);

        Assert.Equal("x", flag.RepId);
        Assert.Equal("Rep X", flag.RepName);
        Near(0.1m, flag.RepValue);
        Near(0.33498m, flag.PeerValue, 0.00001m);
        Near(0.16487m, flag.Shrunk, 0.00001m);
        Near(0.26798m, flag.RangeLow, 0.00001m);
        Assert.Equal(40, flag.Sample);
        Assert.Equal("win rate 10% against the team's 33%, over 40 deals", flag.Reason("USD"));
    }

    [Fact]
    public void WinRate_ThreeDealRepWithNoWin_IsNotFlagged()
    {
        Assert.DoesNotContain(RepCoaching.Of(WinRates, AsOf), f => f.RepId == "y");
    }

    // A team whose reps really differ: 60%, 20%, 40%, 40% over 40 deals each, and H with 5 deals and no win. By hand:
    // μ = 64 / 165 = 0.38788; τ² = 0.031962, so κ = μ(1 − μ)/τ² − 1 = 6.4285: little shrinkage. H: (0 + κμ)/(5 + κ)
    // = 0.21818, under the floor 0.8μ = 0.31030 — but its posterior sd is √(0.218 × 0.782 / 12.43) = 0.11715, and
    // 0.21818 + 1.2816 × 0.11715 = 0.36832 is inside: five losses may still be luck. B (8 of 40): 0.22601 + 1.2816 ×
    // 0.06073 = 0.30385, outside: flagged.
    [Fact]
    public void WinRate_FiveDealsNoWin_InATeamThatVariesALot_IsNotFlaggedYet_WhileFortyAtTwentyPercentIs()
    {
        var data = Team(("a", Deals("a", 24, 16)), ("b", Deals("b", 8, 32)), ("c", Deals("c", 16, 24)), ("d", Deals("d", 16, 24)), ("h", Deals("h", 0, 5)));

        var flag = Assert.Single(RepCoaching.Of(data, AsOf));
        Assert.Equal("b", flag.RepId);
        Near(0.22601m, flag.Shrunk, 0.00001m);
    }

    [Fact]
    public void RepsStillRamping_AreNotComparedWithRampedPeers()
    {
        // X started on 1 November 2017: on 1 January 2018 it is inside its 3 ramp months.
        var data = WinRates with
        {
            Reps = [.. WinRates.Reps.Select(r => r.RepId == "x" ? r with { StartDate = Day("2017-11-01") } : r)],
        };

        Assert.DoesNotContain(RepCoaching.Of(data, AsOf), f => f.RepId == "x");
    }

    // Deal size, normal-normal. Four reps win 10 deals each at 50 and 150 alternately (mean 100; within-rep variance
    // 4 × 25,000 / 36 degrees of freedom). S wins 2 deals of 30; L wins 20 of 30.
    private static IEnumerable<Opportunity> Alternating(string rep) => Deals(rep, 10, 0, i => i % 2 == 0 ? 50 : 150);

    [Fact]
    public void DealSize_TwoSmallDeals_AreShrunkBackInsideTheRange()
    {
        // μ = 4060 / 42 = 96.667; within variance 100,000 / 37 = 2702.7; S's noise 2702.7 / 2 = 1351.4; spread
        // mean (y − μ)² = 897.78 less mean noise 486.49: τ² = 411.29; S: μ + 411.29 / (411.29 + 1351.4) × (30 − μ)
        // = 81.11, above the floor 0.8μ = 77.33.
        var data = Team(("a", Alternating("a")), ("b", Alternating("b")), ("c", Alternating("c")), ("d", Alternating("d")), ("s", Deals("s", 2, 0, _ => 30)));

        Assert.Empty(RepCoaching.Of(data, AsOf));
    }

    [Fact]
    public void DealSize_TwentySmallDeals_AreFlagged()
    {
        // μ = 4600 / 60 = 76.667; within variance 100,000 / 55 = 1818.2; L's noise 90.909; τ² = 871.11 − 163.64 =
        // 707.47; L: μ + 707.47 / (707.47 + 90.909) × (30 − μ) = 35.31, under the floor 61.33.
        var data = Team(("a", Alternating("a")), ("b", Alternating("b")), ("c", Alternating("c")), ("d", Alternating("d")), ("l", Deals("l", 20, 0, _ => 30)));

        var flag = Assert.Single(RepCoaching.Of(data, AsOf));
        Assert.Equal(CoachingMetric.DealSize, flag.Metric);
        Near(35.3138m, flag.Shrunk, 0.0001m);
        Assert.Equal("average deal $30 against the team's $77, over 20 won deals", flag.Reason("USD"));
    }

    [Fact]
    public void PeersAreTheSameRoleAndTeam_OrTheRoleCompanyWideWhenTheTeamIsTooSmall()
    {
        // X alone in team west: compared with every AE (A–D in east), as "all AEs'".
        var data = WinRates with
        {
            Reps = [.. WinRates.Reps.Select(r => r.RepId == "x" ? r with { Team = "west" } : r)],
        };

        var flag = Assert.Single(RepCoaching.Of(data, AsOf), f => f.RepId == "x");
        Assert.False(flag.ComparedWithTeam);
        Assert.StartsWith("win rate 10% against all AEs' 33%", flag.Reason("USD"), StringComparison.Ordinal);
    }

    [Fact]
    public void RepsOfAnotherRole_AreNotPeers()
    {
        // The same six as account managers, plus one AE at 10% with no other AE to compare with: nobody to judge the AE by.
        var data = WinRates with
        {
            Reps = [.. WinRates.Reps.Select(r => r with { Role = RepRole.Am }), Rep("z", "east")],
            Opportunities = [.. WinRates.Opportunities, .. Deals("z", 1, 9)],
        };

        Assert.DoesNotContain(RepCoaching.Of(data, AsOf), f => f.RepId == "z");
        Assert.Contains(RepCoaching.Of(data, AsOf), f => f.RepId == "x");
    }
}
