using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class AsOfTests
{
    private static DateTimeOffset T { get; } = At("2017-05-10T12:00:00Z");

    [Fact]
    public void DealState_NotYetCreated_IsNull()
    {
        Assert.Null(DealState.At(Deal("o", 1, "2017-05-10T12:00:00Z"), [], T, "unknown"));
    }

    [Fact]
    public void DealState_ClosedBefore_IsAsItStandsNow()
    {
        var state = DealState.At(Won("o", 10, "2017-01-01", "2017-05-01"), [], T, "unknown")!;

        Assert.Equal(OpportunityStatus.Won, state.Status);
        Assert.Equal(10m, state.Amount);
    }

    [Fact]
    public void DealState_LastHistoryRowBefore()
    {
        var history = new[] { Change("o", "2017-01-01", "Qualify", 10, "2017-06-01"), Change("o", "2017-05-10T12:00:00Z", "Proposal", 30) };

        var state = DealState.At(Won("o", 30, "2017-01-01", "2017-06-01"), history, T, "unknown")!;

        Assert.Equal(OpportunityStatus.Open, state.Status);
        Assert.Equal("Qualify", state.Stage);
        Assert.Equal(10m, state.Amount);
        Assert.Equal(Day("2017-06-01"), state.ExpectedCloseDate);
    }

    [Fact]
    public void DealState_BeforeAnyHistoryRow_FallbackStageAndEarliestAmount()
    {
        var history = new[] { Change("o", "2017-06-01", "Proposal", 20), Change("o", "2017-07-01", "Won", 30, status: OpportunityStatus.Won) };

        var state = DealState.At(Won("o", 30, "2017-01-01", "2017-07-01"), history, T, "Engaging")!;

        Assert.Equal("Engaging", state.Stage);
        Assert.Equal(20m, state.Amount);
        Assert.False(state.Recorded);
    }

    [Fact]
    public void DealState_NoHistory_ClosedLater_FallbackWithCurrentAmountAndNoExpectedDate()
    {
        var deal = Won("o", 30, "2017-01-01", "2017-07-01") with { ExpectedCloseDate = Day("2017-07-01") };

        var state = DealState.At(deal, [], T, "unknown")!;

        Assert.Equal("unknown", state.Stage);
        Assert.Equal(30m, state.Amount);
        Assert.Null(state.ExpectedCloseDate);
    }

    // A company with something happening before and after T in every file.
    private static Dataset Rich { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-02-01", account: "a2"),
        Lost("l1", 50, "2017-01-15", "2017-04-20"),
        Won("w2", 300, "2017-03-01", "2017-06-01", line: "training") with { Probability = 1 },
        Won("w3", 90, "2017-04-01", "2017-05-10T11:00:00Z"),
        Deal("o1", 500, "2017-04-10", expected: "2017-07-15", stage: "Negotiation"),
        Deal("o2", 70, "2017-05-01", expected: "2017-06-10"),
        Deal("late", 999, "2017-05-11")) with
    {
        Reps = [Rep("r1", "east", start: "2016-01-01", end: "2017-08-01"), Rep("r2", "east", start: "2017-06-01"), Rep("r3", "west")],
        History =
        [
            Change("w2", "2017-03-01", "Qualify", 200, "2017-05-01"), Change("w2", "2017-04-15", "Proposal", 250, "2017-06-30"),
            Change("w2", "2017-06-01", "Won", 300, status: OpportunityStatus.Won),
            Change("o1", "2017-06-01", "Negotiation", 500, "2017-07-15"),
        ],
        Leads =
        [
            new Lead { LeadId = "L1", CreatedAt = At("2017-04-01"), Source = LeadSource.Inbound, QualifiedAt = At("2017-05-20"), OpportunityId = "w3" },
            new Lead { LeadId = "L2", CreatedAt = At("2017-04-02"), Source = LeadSource.Outbound, QualifiedAt = At("2017-04-20"), OpportunityId = "late" },
        ],
        ActivityDays = [Acts("r1", "2017-05-09", ActivityType.Call, 4), Acts("r1", "2017-05-10", ActivityType.Call, 6)],
        Revenue = [new RevenueLine { AccountId = "a1", Month = Day("2017-04-01"), ServiceLine = "consulting", Revenue = 10, Cogs = 5 }, new RevenueLine { AccountId = "a1", Month = Day("2017-05-01"), ServiceLine = "consulting", Revenue = 99 }],
    };

    [Fact]
    public void AsOfView_KeepsNothingFromAfterT()
    {
        var view = Rich.AsOf(T);

        Assert.DoesNotContain(view.Opportunities, o => o.CreatedAt >= T || o.ClosedAt >= T);
        Assert.DoesNotContain(view.History, h => h.ChangedAt >= T);
        var w2 = Assert.Single(view.Opportunities, o => o.OpportunityId == "w2");
        Assert.Equal((OpportunityStatus.Open, "Proposal", 250m, (double?)null), (w2.Status, w2.Stage, w2.Amount, w2.Probability));
        Assert.Null(Assert.Single(view.Leads, l => l.LeadId == "L1").QualifiedAt);
        Assert.Null(Assert.Single(view.Leads, l => l.LeadId == "L2").OpportunityId);
        Assert.Equal(["2017-05-09"], view.ActivityDays.Select(a => a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Single(view.Revenue);
        Assert.DoesNotContain(view.Reps, r => r.RepId == "r2");
        Assert.Null(Assert.Single(view.Reps, r => r.RepId == "r1").EndDate);
    }

    [Fact]
    public void AsOfView_AfterEverything_SharesTheCompanysRows_AndBeforeSomeCopiesOnlyWhatItChanges()
    {
        var after = Rich.AsOf(At("2018-01-01"));
        var view = Rich.AsOf(T);

        // Nothing happened after 2018: every list but the deals' (open ones show their state then) is the company's own.
        Assert.Same(Rich.History, after.History);
        Assert.Same(Rich.Leads, after.Leads);
        Assert.Same(Rich.ActivityDays, after.ActivityDays);
        Assert.Same(Rich.Revenue, after.Revenue);
        Assert.Same(Rich.Reps[2], after.Reps[2]);
        // At T: what changed is a copy, the rest the same rows, and the company's lists are untouched.
        Assert.NotSame(Rich.Leads, view.Leads);
        Assert.Equal(2, Rich.Leads.Count(l => l.QualifiedAt is not null));
        Assert.Same(Rich.Reps.Single(r => r.RepId == "r3"), view.Reps.Single(r => r.RepId == "r3"));
        Assert.Equal(2, view.Leads.Count);
        Assert.Equal(2, Rich.ActivityDays.Count);
    }

    public static TheoryData<string, string> Questions => new()
    {
        { "bookings", "2017-Q2" }, { "win_rate", "2017-Q2" }, { "open_pipeline", "2017-Q2" }, { "open_deals", "2017-Q1" },
        { "weighted_pipeline", "2017-Q2" }, { "closable_deals", "2017-Q2" }, { "new_pipeline", "2017-Q2" }, { "cycle_days", "2017-Q2" },
        { "activities", "2017-05" }, { "activities_per_rep_day", "2017-05" }, { "leads", "2017-Q2" }, { "lead_qualification_rate", "2017-Q2" },
        { "lead_to_win_rate", "2017-Q2" }, { "revenue", "2017-Q2" }, { "new_logos", "2017-Q2" }, { "slipped_deals", "2017-Q2" },
        { "pipeline_per_ramped_rep", "2017-Q2" }, { "sales_velocity", "2017-Q2" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Engine_AsOfT_AnswersAsTheViewAtTDoes(string indicator, string period)
    {
        foreach (var by in new[] { Array.Empty<Dimension>(), [Dimension.Vertical] })
        {
            var full = Run(Rich, indicator, period, T, by);
            var view = Run(Rich.AsOf(T), indicator, period, T, by);

            Assert.Equal(
                view.Select(r => (r.Slice.GetValueOrDefault("vertical"), r.Value, r.MissingReason, r.ProvisionalReason)),
                full.Select(r => (r.Slice.GetValueOrDefault("vertical"), r.Value, r.MissingReason, r.ProvisionalReason)));
        }
    }

    [Fact]
    public void Engine_AsOfT_OpenPipelineUsesStateAtT()
    {
        // Open at T: w2 (250 then), o1 (500: its only history row is later, so its earliest amount), o2 (70).
        Assert.Equal(820m, One(Rich, "open_pipeline", "2017-Q2", T).Value);
    }
}
