using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Indicators;
using Bellwether.Core.Leads;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

/// <summary>Rows sliced by account and by channel, alone and with a second dimension.</summary>
public sealed class SlicingTests
{
    // Q1 2017: a1 won 100 (consulting) and 50 (training); a2 won 300 (consulting); a3 lost 80 (consulting) and won 999 in April.
    // Leads created in Q1: two organic_search (inbound, one qualified after 15 days), one cold_call (outbound, qualified
    // after 5 days), one referral (inbound); an event lead in April.
    private static Dataset Data { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-01-20"),
        Won("w2", 50, "2017-01-01", "2017-02-20", line: "training"),
        Won("w3", 300, "2017-01-01", "2017-03-03", rep: "r3", account: "a2"),
        Lost("l1", 80, "2017-01-01", "2017-02-11", account: "a3"),
        Won("w4", 999, "2017-01-01", "2017-04-05", account: "a3")) with
    {
        Accounts = [Account("a1", "retail"), Account("a2", "finance"), Account("a3", "retail")],
        Leads =
        [
            Lead("L1", "2017-01-05", LeadSource.Inbound, "organic_search", "a1", qualified: "2017-01-20"),
            Lead("L2", "2017-02-01", LeadSource.Inbound, "organic_search", "a1"),
            Lead("L3", "2017-02-10", LeadSource.Outbound, "cold_call", "a2", qualified: "2017-02-15"),
            Lead("L4", "2017-03-01", LeadSource.Inbound, "referral", "a3"),
            Lead("L5", "2017-04-02", LeadSource.Inbound, "event", "a3"),
        ],
        Revenue = [Line("a1", "2017-01", "consulting", 70), Line("a1", "2017-02", "training", 30), Line("a2", "2017-03", "consulting", 500)],
    };

    private static Lead Lead(string id, string created, LeadSource source, string channel, string account, string? qualified = null) => new()
    {
        LeadId = id,
        CreatedAt = At(created),
        Source = source,
        Channel = channel,
        AccountId = account,
        QualifiedAt = qualified is null ? null : At(qualified),
        OwnerRepId = "r1",
    };

    private static RevenueLine Line(string account, string month, string line, decimal revenue) =>
        new() { AccountId = account, Month = Day(month + "-01"), ServiceLine = line, Revenue = revenue };

    private static IndicatorRow Pair(IReadOnlyList<IndicatorRow> rows, string first, string firstValue, string second, string secondValue) =>
        Assert.Single(rows, r => r.Slice[first] == firstValue && r.Slice[second] == secondValue);

    [Fact]
    public void ByAccount_DealIndicators()
    {
        var bookings = Run(Data, "bookings", "2017-Q1", by: [Dimension.Account]);
        Assert.Equal(150m, Slice(bookings, "account", "a1").Value); // 100 + 50
        Assert.Equal(300m, Slice(bookings, "account", "a2").Value);
        Assert.Equal(0m, Slice(bookings, "account", "a3").Value); // its win closed in April

        var winRate = Run(Data, "win_rate", "2017-Q1", by: [Dimension.Account]);
        Assert.Equal(1m, Slice(winRate, "account", "a1").Value);
        Assert.Equal(0m, Slice(winRate, "account", "a3").Value); // l1 lost, nothing won
    }

    [Fact]
    public void ByAccount_Revenue()
    {
        var rows = Run(Data, "revenue", "2017-Q1", by: [Dimension.Account]);

        Assert.Equal(100m, Slice(rows, "account", "a1").Value); // 70 + 30
        Assert.Equal(500m, Slice(rows, "account", "a2").Value);
    }

    [Fact]
    public void ByAccountAndServiceLine_EachCombinationThatOccurs()
    {
        var rows = Run(Data, "bookings", "2017-Q1", by: [Dimension.Account, Dimension.ServiceLine]);

        Assert.Equal(4, rows.Count); // a1 × consulting, a1 × training, a2 × consulting, a3 × consulting
        Assert.Equal(100m, Pair(rows, "account", "a1", "service_line", "consulting").Value);
        Assert.Equal(50m, Pair(rows, "account", "a1", "service_line", "training").Value);
        Assert.Equal(300m, Pair(rows, "account", "a2", "service_line", "consulting").Value);
        Assert.Equal(0m, Pair(rows, "account", "a3", "service_line", "consulting").Value);
    }

    [Fact]
    public void ByServiceLine_FilteredToAnAccount()
    {
        var rows = Run(Data, "won_deals", "2017-Q1", by: [Dimension.ServiceLine], filter: new() { [Dimension.Account] = "a1" });

        Assert.Equal(2, rows.Count); // a1 has deals in consulting and training only
        Assert.Equal(1m, Slice(rows, "service_line", "consulting").Value);
        Assert.Equal("a1", Slice(rows, "service_line", "training").Slice["account"]);
    }

    [Fact]
    public void ByChannel_Leads()
    {
        var leads = Run(Data, "leads", "2017-Q1", by: [Dimension.Channel]);
        Assert.Equal(2m, Slice(leads, "channel", "organic_search").Value);
        Assert.Equal(1m, Slice(leads, "channel", "cold_call").Value);
        Assert.Equal(1m, Slice(leads, "channel", "referral").Value);
        Assert.Equal(0m, Slice(leads, "channel", "event").Value); // L5 was created in April

        var qualified = Run(Data, "lead_qualification_rate", "2017-Q1", by: [Dimension.Channel]);
        Assert.Equal(0.5m, Slice(qualified, "channel", "organic_search").Value); // L1 of L1, L2
        Assert.Equal(1m, Slice(qualified, "channel", "cold_call").Value);
        Assert.Equal(0m, Slice(qualified, "channel", "referral").Value);
        Assert.Null(Slice(qualified, "channel", "event").Value); // no leads created in Q1: nothing to divide by
    }

    [Fact]
    public void BySourceAndChannel_Leads()
    {
        var rows = Run(Data, "leads", "2017-Q1", by: [Dimension.Source, Dimension.Channel]);

        Assert.Equal(4, rows.Count); // the pairs the leads carry: a channel here has only one source
        Assert.Equal(2m, Pair(rows, "source", "inbound", "channel", "organic_search").Value);
        Assert.Equal(1m, Pair(rows, "source", "outbound", "channel", "cold_call").Value);
        Assert.Equal(1m, Pair(rows, "source", "inbound", "channel", "referral").Value);
        Assert.Equal(0m, Pair(rows, "source", "inbound", "channel", "event").Value);
    }

    [Fact]
    public void ByAccount_Leads()
    {
        // leads.csv carries account_id, and account is one of the spec's dimensions
        var rows = Run(Data, "leads", "2017-Q1", by: [Dimension.Account]);

        Assert.Equal(2m, Slice(rows, "account", "a1").Value); // L1, L2
        Assert.Equal(1m, Slice(rows, "account", "a2").Value); // L3
        Assert.Equal(1m, Slice(rows, "account", "a3").Value); // L4; L5 is in April
    }
}
