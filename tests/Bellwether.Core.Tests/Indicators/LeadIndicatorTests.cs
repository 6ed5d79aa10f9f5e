using Bellwether.Core.Data;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class LeadIndicatorTests
{
    // Q1 2017: L1 inbound, qualified after 27 days, won; L2 outbound, qualified after 89 days (outside 60), deal open;
    // L3 inbound, qualified after 11 days. L4 is in Q2.
    private static readonly Dataset Funnel = Company(
        Won("o1", 100, "2017-01-20", "2017-03-01"),
        Deal("o2", 100, "2017-02-10")) with
    {
        Leads =
        [
            Lead("L1", "2017-01-05", LeadSource.Inbound, "organic_search", qualified: "2017-02-01", opportunity: "o1"),
            Lead("L2", "2017-02-01", LeadSource.Outbound, "cold_call", qualified: "2017-05-01", opportunity: "o2"),
            Lead("L3", "2017-03-30", LeadSource.Inbound, "referral", qualified: "2017-04-10"),
            Lead("L4", "2017-04-02", LeadSource.Inbound, "referral"),
        ],
    };

    private static Lead Lead(string id, string created, LeadSource source, string channel, string? qualified = null, string? opportunity = null) => new()
    {
        LeadId = id,
        CreatedAt = At(created),
        Source = source,
        Channel = channel,
        QualifiedAt = qualified is null ? null : At(qualified),
        OpportunityId = opportunity,
        OwnerRepId = "r1",
    };

    [Fact]
    public void Leads_CountAndMix()
    {
        Assert.Equal(3m, Value(Funnel, "leads", "2017-Q1"));
        Near(2m / 3, Value(Funnel, "inbound_share", "2017-Q1"));
        Assert.Equal(0.5m, Value(Funnel, "outbound_to_inbound_ratio", "2017-Q1"));
        Assert.Equal(2m, Slice(Run(Funnel, "leads", "2017-Q1", by: [Dimension.Source]), "source", "inbound").Value);
        Assert.Equal(1m, Slice(Run(Funnel, "leads", "2017-Q1", by: [Dimension.Channel]), "channel", "cold_call").Value);
    }

    [Fact]
    public void QualificationRate_WithinWindow_FinalOnceWindowPassed()
    {
        var row = One(Funnel, "lead_qualification_rate", "2017-Q1");

        Near(2m / 3, row.Value); // L1 and L3; L2 took 89 days
        Assert.False(row.Provisional);
    }

    [Fact]
    public void QualificationRate_WindowStillOpen_IsProvisional()
    {
        var row = One(Funnel, "lead_qualification_rate", "2017-Q1", At("2017-04-15"));

        Near(2m / 3, row.Value);
        Assert.True(row.Provisional);
        Assert.Equal("the 60-day qualification window of leads created in 2017-Q1 is open until 2017-05-31T00:00:00Z", row.ProvisionalReason);
    }

    [Fact]
    public void QualificationRate_AsOf_CountsOnlyQualificationsBefore()
    {
        Near(1m / 3, One(Funnel, "lead_qualification_rate", "2017-Q1", At("2017-04-01")).Value); // L3 qualified on 10 April
    }

    [Fact]
    public void LeadToWin_ProvisionalWhileCohortDealsAreOpen()
    {
        var row = One(Funnel, "lead_to_win_rate", "2017-Q1");

        Near(1m / 3, row.Value);
        Assert.Equal("1 of the cohort's opportunities are still open", row.ProvisionalReason);
    }

    [Fact]
    public void LeadToWin_AsOfBeforeTheWin_DoesNotCountIt()
    {
        var data = Funnel with { Opportunities = [.. Funnel.Opportunities.Where(o => o.Status == OpportunityStatus.Won)] };

        Assert.Equal(0m, One(data, "lead_to_win_rate", "2017-Q1", At("2017-03-01")).Value);
    }
}
