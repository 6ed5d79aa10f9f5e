using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class QuotaIndicatorTests
{
    // Q1 2017 bookings quotas: r1 1000, r2 500, r3 0; bookings r1 1200, r2 300, r3 100.
    private static Dataset Team { get; } = Company(
        Won("a", 1200, "2017-01-01", "2017-02-01", rep: "r1"),
        Won("b", 300, "2017-01-01", "2017-02-01", rep: "r2"),
        Lost("c", 100, "2017-01-01", "2017-02-11", rep: "r2"),
        Won("d", 100, "2017-01-01", "2017-02-01", rep: "r3")) with
    {
        Quotas = [Quota("r1", "2017-Q1", 1000), Quota("r2", "2017-Q1", 500), Quota("r3", "2017-Q1", 0)],
    };

    private static Quota Quota(string rep, string period, decimal amount, QuotaMetric metric = QuotaMetric.Bookings) =>
        new() { RepId = rep, Period = period, Amount = amount, Metric = metric };

    [Fact]
    public void QuotaAttainment_SliceBookingsOverSliceQuota()
    {
        var row = One(Team, "quota_attainment", "2017-Q1");

        Near(1600m / 1500, row.Value);
        var detail = Assert.IsType<QuotaDetail>(row.Detail);
        Assert.Equal(["r1", "r2", "r3"], detail.Reps.Select(r => r.RepId));
        Assert.Equal("quota is 0", detail.Reps[2].Note);
        Assert.Null(detail.Reps[2].Attainment);
    }

    [Fact]
    public void QuotaAttainment_ByRep_ZeroQuotaIsMissing()
    {
        var rows = Run(Team, "quota_attainment", "2017-Q1", by: [Dimension.Rep]);

        Assert.Equal(1.2m, Slice(rows, "rep", "r1").Value);
        Assert.Equal(0.6m, Slice(rows, "rep", "r2").Value);
        Assert.Equal("the slice's bookings quotas for 2017-Q1 add up to 0", Slice(rows, "rep", "r3").MissingReason);
    }

    [Fact]
    public void AttainmentBands_OverNearFarAndZeroQuotaApart()
    {
        var detail = Assert.IsType<AttainmentBandsDetail>(One(Team, "attainment_bands", "2017-Q1").Detail);

        Assert.Equal(["r1"], detail.Over.Reps.Select(r => r.RepId));
        Assert.Empty(detail.Near.Reps);
        Assert.Equal(["r2"], detail.Far.Reps.Select(r => r.RepId)); // 60% is more than 30% under
        Assert.Equal(["r3"], detail.ZeroQuota.Select(r => r.RepId));
    }

    [Theory]
    [InlineData(850, 1000, "near")] // 85%: inside 70–<100%
    [InlineData(700, 1000, "near")] // exactly 70% is near, not far
    [InlineData(210, 300, "near")] // 70% again, a quotient with no exact binary form
    [InlineData(699.99, 1000, "far")] // just under 70%
    [InlineData(999.99, 1000, "near")] // just under 100%
    [InlineData(1000, 1000, "over")] // exactly 100% is over
    [InlineData(300, 300, "over")]
    public void AttainmentBands_BandsAndTheirBoundaries(double bookings, double quota, string band)
    {
        var data = Company(Won("a", (decimal)bookings, "2017-01-01", "2017-02-01")) with { Quotas = [Quota("r1", "2017-Q1", (decimal)quota)] };

        var row = One(data, "attainment_bands", "2017-Q1");

        Assert.Equal(1m, row.Value); // one rep with a non-zero quota, in some band
        var detail = Assert.IsType<AttainmentBandsDetail>(row.Detail);
        var bands = new Dictionary<string, AttainmentBand> { ["over"] = detail.Over, ["near"] = detail.Near, ["far"] = detail.Far };
        foreach (var (name, members) in bands)
        {
            string[] expected = name == band ? ["r1"] : [];
            Assert.Equal(expected, members.Reps.Select(r => r.RepId));
            Assert.Equal(name == band ? 1 : 0, members.Count);
        }
    }

    [Fact]
    public void AttainmentBands_ARepInEachBand()
    {
        var data = Company(
            Won("a", 1000, "2017-01-01", "2017-02-01", rep: "r1"),
            Won("b", 350, "2017-01-01", "2017-02-01", rep: "r2"),
            Won("c", 69, "2017-01-01", "2017-02-01", rep: "r3")) with
        {
            Quotas = [Quota("r1", "2017-Q1", 1000), Quota("r2", "2017-Q1", 500), Quota("r3", "2017-Q1", 100)],
        };

        var detail = Assert.IsType<AttainmentBandsDetail>(One(data, "attainment_bands", "2017-Q1").Detail);

        Assert.Equal(["r1"], detail.Over.Reps.Select(r => r.RepId)); // 100%
        Assert.Equal(["r2"], detail.Near.Reps.Select(r => r.RepId)); // 350 / 500 = 70%
        Assert.Equal("near", detail.Near.Reps[0].Band);
        Assert.Equal(0.7m, detail.Near.Reps[0].Attainment);
        Assert.Equal(["r3"], detail.Far.Reps.Select(r => r.RepId)); // 69%
    }

    [Fact]
    public void RepsAtQuotaShare_LeavesZeroQuotaOut()
    {
        Assert.Equal(0.5m, Value(Team, "reps_at_quota_share", "2017-Q1")); // r1 of r1, r2
    }

    [Fact]
    public void WhatIf_LiftsTheBetterHalfOfUnderQuotaRepsToExactlyQuota()
    {
        var data = Company(
            Won("a", 90, "2017-01-01", "2017-02-01", rep: "r1"),
            Won("b", 50, "2017-01-01", "2017-02-01", rep: "r2"),
            Won("c", 10, "2017-01-01", "2017-02-01", rep: "r3")) with
        {
            Quotas = [Quota("r1", "2017-Q1", 100), Quota("r2", "2017-Q1", 100), Quota("r3", "2017-Q1", 100)],
        };

        var row = One(data, "what_if_half_under_reach_quota", "2017-Q1");

        Assert.Equal(10m + 50m, row.Value); // ceil(3 / 2) = 2: r1 (90%) and r2 (50%) lifted
        var detail = Assert.IsType<WhatIfDetail>(row.Detail);
        Assert.Equal(150m, detail.CurrentBookings);
        Assert.Equal(210m, detail.NewTotalBookings);
        Assert.Equal(["r1", "r2"], detail.Lifted.Select(r => r.RepId));
    }

    [Fact]
    public void RepRanking_ByAttainmentThenBookings()
    {
        var row = One(Team, "rep_ranking", "2017-Q1");

        var reps = Assert.IsType<RankingDetail>(row.Detail).Reps;
        Assert.Equal(["r1", "r2", "r3"], reps.Select(r => r.RepId));
        Assert.Equal(0.5m, reps[1].WinRate); // r2 won b, lost c
        Assert.Equal(3m, row.Value);
    }

    [Fact]
    public void RepRanking_RanksEachQuotaMetricApart_BookingsFirst()
    {
        // s1, an SDR, books nothing but holds 30 meetings against a quota of 10 (300%); r1 is at 120% of bookings.
        var data = Team with
        {
            Reps = [.. Team.Reps, Rep("s1", "east", role: RepRole.Sdr)],
            ActivityDays = [Acts("s1", "2017-02-01", ActivityType.Meeting, 30)],
            Quotas = [.. Team.Quotas, Quota("s1", "2017-Q1", 10, QuotaMetric.Meetings)],
        };

        var reps = Assert.IsType<RankingDetail>(One(data, "rep_ranking", "2017-Q1").Detail).Reps;

        // Bookings quotas: r1 120%, r2 60%; then meetings: s1 300%; then r3, whose quota of 0 gives no attainment.
        Assert.Equal(["r1", "r2", "s1", "r3"], reps.Select(r => r.RepId));
        Assert.Equal(["bookings", "bookings", "meetings", "bookings"], reps.Select(r => r.Metric));
        Assert.Equal(3m, reps[2].Attainment);
        Assert.Equal([1, 2, 3, 4], reps.Select(r => r.Rank));
    }

    // Q1 2017, bookings quotas only. r1 (quota 500): won 150 (20 days) and 250 (6 days), lost 3; a win and a loss in
    // April are left out. r2 (quota 1000): won 500 (10 days) and 300 (4.5 days), lost 1. r3 (quota 100, leaves on
    // 1 March): won 90 (59 days). Q1 has 65 weekdays; r3 works 43 of them (22 in January, 20 in February, 1 March).
    private static Dataset Ranked { get; } = Company(
        Won("r1a", 150, "2016-12-20", "2017-01-09", rep: "r1"),
        Won("r1b", 250, "2017-03-01", "2017-03-07", rep: "r1"),
        Lost("r1c", 80, "2017-01-01", "2017-01-20", rep: "r1"),
        Lost("r1d", 80, "2017-01-01", "2017-02-20", rep: "r1"),
        Lost("r1e", 80, "2017-01-01", "2017-03-20", rep: "r1"),
        Won("r1f", 1000, "2017-03-01", "2017-04-02", rep: "r1"),
        Lost("r1g", 80, "2017-03-01", "2017-04-10", rep: "r1"),
        Won("r2a", 500, "2017-01-01", "2017-01-11", rep: "r2"),
        Won("r2b", 300, "2017-02-01T12:00:00Z", "2017-02-06", rep: "r2"),
        Lost("r2c", 200, "2017-01-01", "2017-02-20", rep: "r2"),
        Won("r3a", 90, "2017-01-01", "2017-03-01", rep: "r3")) with
    {
        Reps = [Rep("r1", "east"), Rep("r2", "east"), Rep("r3", "west", end: "2017-03-01")],
        Quotas = [Quota("r1", "2017-Q1", 500), Quota("r2", "2017-Q1", 1000), Quota("r3", "2017-Q1", 100)],
        ActivityDays =
        [
            Acts("r1", "2017-01-02", ActivityType.Call, 100), Acts("r1", "2017-03-31", ActivityType.Email, 30),
            Acts("r1", "2017-04-03", ActivityType.Call, 50), // Q2
            Acts("r3", "2017-02-15", ActivityType.Meeting, 129),
        ],
    };

    [Fact]
    public void RepRanking_TieOnAttainmentBrokenByBookings()
    {
        var row = One(Ranked, "rep_ranking", "2017-Q1");

        Assert.Equal(3m, row.Value);
        var reps = Assert.IsType<RankingDetail>(row.Detail).Reps;
        // r3 90 / 100 = 90%; r1 400 / 500 and r2 800 / 1000 tie at 80%, and r2 booked more
        Assert.Equal(["r3", "r2", "r1"], reps.Select(r => r.RepId));
        Assert.Equal([1, 2, 3], reps.Select(r => r.Rank));
        Assert.Equal([0.9m, 0.8m, 0.8m], reps.Select(r => r.Attainment!.Value));
        Assert.Equal([90m, 800m, 400m], reps.Select(r => r.Bookings));
    }

    [Fact]
    public void RepRanking_EachRepCarriesWinRateCycleDealSizeAndActivitiesPerDay()
    {
        var reps = Assert.IsType<RankingDetail>(One(Ranked, "rep_ranking", "2017-Q1").Detail).Reps;
        var r1 = Assert.Single(reps, r => r.RepId == "r1");
        var r2 = Assert.Single(reps, r => r.RepId == "r2");
        var r3 = Assert.Single(reps, r => r.RepId == "r3");

        Near(0.4m, r1.WinRate); // 2 won / (2 won + 3 lost)
        Near(13m, r1.CycleDays); // (20 + 6) / 2
        Near(200m, r1.AvgDealSize); // 400 / 2
        Near(2m, r1.ActivitiesPerDay); // (100 + 30) / 65 weekdays

        Near(2m / 3, r2.WinRate); // 2 won / 3 closed
        Near(7.25m, r2.CycleDays); // (10 + 4.5) / 2
        Near(400m, r2.AvgDealSize); // 800 / 2
        Near(0m, r2.ActivitiesPerDay); // none in 65 weekdays: 0, not missing

        Near(1m, r3.WinRate);
        Near(59m, r3.CycleDays); // 1 January to 1 March: 31 + 28 days
        Near(90m, r3.AvgDealSize);
        Near(3m, r3.ActivitiesPerDay); // 129 / 43 weekdays worked
    }

    [Theory]
    [InlineData("2017-01", 900 * 31 / 90.0)] // a quarterly quota prorated by days: January has 31 of Q1's 90
    [InlineData("2017-Q1", 900)]
    public void Quota_LongerPeriodIsProratedByDays(string period, double expectedQuota)
    {
        var data = Company(Won("a", 100, "2017-01-01", "2017-01-15")) with { Quotas = [Quota("r1", "2017-Q1", 900)] };

        var rep = Assert.Single(Assert.IsType<QuotaDetail>(One(data, "quota_attainment", period).Detail).Reps);

        Near((decimal)expectedQuota, rep.Quota, 0.0001m);
    }

    [Fact]
    public void Quota_ShorterPeriodsAreSummed()
    {
        var data = Company(Won("a", 300, "2017-01-01", "2017-01-15")) with
        {
            Quotas = [Quota("r1", "2017-01", 100), Quota("r1", "2017-02", 200), Quota("r1", "2017-03", 300)],
        };

        Assert.Equal(300m / 600, Value(data, "quota_attainment", "2017-Q1"));
    }

    [Fact]
    public void Quota_MeetingsMetricCountsMeetingActivities()
    {
        var data = Company() with
        {
            Reps = [Rep("s1", role: RepRole.Sdr)],
            Quotas = [Quota("s1", "2017-01", 10, QuotaMetric.Meetings)],
            ActivityDays = [Acts("s1", "2017-01-10", ActivityType.Meeting, 4), Acts("s1", "2017-01-10", ActivityType.Call, 40)],
        };

        Assert.Equal(0.4m, Value(data, "quota_attainment", "2017-01"));
    }

    [Fact]
    public void QuotaAttainment_ByTeam()
    {
        var rows = Run(Team, "quota_attainment", "2017-Q1", by: [Dimension.Team]);

        Assert.Equal(1m, Slice(rows, "team", "east").Value); // (1200 + 300) / (1000 + 500)
    }
}
