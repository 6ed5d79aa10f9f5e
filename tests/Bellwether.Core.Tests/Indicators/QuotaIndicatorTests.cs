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
