using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Plans;

public sealed class PlanReportTests
{
    private static readonly FiscalCalendar Calendar = FiscalCalendar.Default;

    // Won in March 2025: 1,000 and 2,500 (3,500); in Q1 nothing else.
    private static readonly IndicatorEngine Engine = new(Company(
        Won("d1", 1000, "2025-02-01", "2025-03-05"),
        Won("d2", 2500, "2025-01-10", "2025-03-20")));

    private static readonly DateTimeOffset Now = At("2025-06-10");

    private static readonly PlanKey March = PlanBookTests.Key("2025-03");

    [Fact]
    public void APlanEditedToday_LeavesLastMonthsReadingUnchanged()
    {
        var book = new PlanBook(
        [
            Change(1, March, null, PlanBookTests.Terms(4000, "President"), null),
            Change(2, March, PlanBookTests.Terms(4000, "President"), PlanBookTests.Terms(3000, "President"), Now.AddHours(-2)),
        ]);

        var today = Read(book, Now, "2025-03");
        var lastMonth = Read(book, At("2025-05-10"), "2025-03");

        // Today: 3,500 against 3,000, on track. Last month (as of May 10): against the original 4,000, off track.
        Assert.Equal((3000m, SignalStatus.OnTrack), (today.Rows[0].Target, today.Rows[0].Status));
        Assert.Equal((4000m, SignalStatus.OffTrack, 0.875m), (lastMonth.Rows[0].Target, lastMonth.Rows[0].Status, lastMonth.Rows[0].Attainment));
    }

    [Fact]
    public void AWeekEarlier_IsThePlanAsItStoodAndWasReadThen()
    {
        var book = new PlanBook(
        [
            Change(1, March, null, PlanBookTests.Terms(4000, "President"), null),
            Change(2, March, PlanBookTests.Terms(4000, "President"), PlanBookTests.Terms(3000, "Rita"), Now.AddDays(-3)),
            Change(3, PlanBookTests.Key("2025-Q1"), null, PlanBookTests.Terms(3500, "President"), Now.AddDays(-1)),
        ]);

        var report = Read(book, Now, "2025-Q1");

        Assert.Equal(Now - TimeSpan.FromDays(7), report.WeekEarlierAsOf);
        var march = Assert.Single(report.Rows, r => r.Period == "2025-03");
        Assert.Equal("Rita", march.Owner);
        Assert.True(march.WeekEarlier!.Planned);
        Assert.Equal(4000m, march.WeekEarlier.Target);
        Assert.Equal(-1000m, march.WeekEarlier.TargetChange);
        Assert.Equal(SignalStatus.OffTrack, march.WeekEarlier.Status);
        Assert.Equal(SignalStatus.OnTrack, march.Status);
        Assert.Equal(0m, march.WeekEarlier.ProjectedChange);
        var quarter = Assert.Single(report.Rows, r => r.Period == "2025-Q1");
        Assert.False(quarter.WeekEarlier!.Planned);
        Assert.Null(quarter.WeekEarlier.Status);
    }

    [Fact]
    public void LatestPlans_IncludeAChangeMadeAfterTheRoundedNow()
    {
        // "Now" is rounded (to the hour in the web host): a plan set since must still show when no instant is given.
        var book = new PlanBook(
        [
            Change(1, March, null, PlanBookTests.Terms(4000, "President"), null),
            Change(2, March, PlanBookTests.Terms(4000, "President"), PlanBookTests.Terms(3000, "President"), Now.AddMinutes(20)),
        ]);
        var query = new PlanQuery { Scope = PlanScope.Within(Calendar.Parse("2025-03")), AsOf = Now };

        Assert.Equal(4000m, PlanReport.Read(book, Engine, NoFit, query).Rows[0].Target);
        Assert.Equal(3000m, PlanReport.Read(book, Engine, NoFit, query with { LatestPlans = true }).Rows[0].Target);
    }

    [Fact]
    public void PillarAndOwner_SelectTheirPlans_IgnoringCase()
    {
        var book = PlanBook.KnownFromStart(
        [
            PlanRollupTests.Plan("bookings", "2025-03", 4000, owner: "Rita"),
            PlanRollupTests.Plan("won_deals", "2025-03", 2, owner: "President"),
            PlanBookTests.Key("2025-03", "win_rate") with { Pillar = Pillar.Retention } is var key ? key.With(PlanBookTests.Terms(0.5m, "Rita")) : null!,
        ]);

        var rita = PlanReport.Read(book, Engine, NoFit, new PlanQuery { Scope = PlanScope.Within(Calendar.Parse("2025-03")), AsOf = Now, Owner = "rita" });
        var business = PlanReport.Read(book, Engine, NoFit, new PlanQuery { Scope = PlanScope.Within(Calendar.Parse("2025-03")), AsOf = Now, Pillar = Pillar.NewBusiness });

        Assert.Equal(["bookings", "win_rate"], rita.Rows.Select(r => r.Metric));
        Assert.Equal(["bookings", "won_deals"], business.Rows.Select(r => r.Metric));
    }

    /// <summary>Closed periods need no forecast: a fit would be wasted seconds, so any call fails the test.</summary>
    private static ForecastModel NoFit(DateTimeOffset t) => throw new InvalidOperationException($"no model should be fitted (asked as of {t})");

    private static PlanReport Read(PlanBook book, DateTimeOffset asOf, string period) =>
        PlanReport.Read(book, Engine, NoFit, new PlanQuery { Scope = PlanScope.Within(Calendar.Parse(period)), AsOf = asOf });

    private static PlanChange Change(long sequence, PlanKey key, PlanTerms? before, PlanTerms? after, DateTimeOffset? at) => new()
    {
        Sequence = sequence,
        Key = key,
        Before = before,
        After = after,
        ChangedBy = "alice",
        ChangedAt = at,
        Source = PlanChangeSource.Cli,
    };
}
