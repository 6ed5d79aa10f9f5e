using Bellwether.Core.Accounts;
using Bellwether.Core.Clients;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;

namespace Bellwether.Core.Tests.Clients;

/// <summary>
/// One client's facts, worked out by hand. Acme bought consulting at 100 a month from January to March 2025, 50 in
/// April and May, and training at 30 in June; its QBR was on 2025-01-15, its last meeting on 2025-06-20; it answered
/// NPS 8 in March and scored −40 (on the −100..100 scale: answer 3) in June; it logged a ticket in March, two in May and
/// two in June (CSAT 2 and 3); usage read 100 in March and 65 in June.
/// </summary>
public sealed class ClientFactsTests
{
    private static readonly DateTimeOffset July = ClientCompany.Day(2025, 7, 1);

    [Fact]
    public void Facts_AtAMonthStart_AreTheHandWorkedFigures()
    {
        var facts = FactsOf(Acme(), July);

        Assert.Equal(50 + 50 + 30, facts.Revenue3);     // April to June
        Assert.Equal(300, facts.RevenuePrior3);         // January to March
        Assert.Equal(30, facts.RevenueLastMonth);        // June
        Assert.Equal(2, facts.LineCount);                // consulting and training
        Assert.Equal(6, facts.TenureMonths);             // January to July
        Assert.Equal(167, facts.DaysSinceQbr);           // 2025-01-15 to 2025-07-01: 16 + 28 + 31 + 30 + 31 + 30 + 1
        Assert.Equal(11, facts.DaysSinceMeeting);        // 2025-06-20 to 2025-07-01
        Assert.Equal(3, facts.NpsLatest);                // −40 on −100..100 is (−40 + 100) / 20 = 3
        Assert.Equal(8, facts.NpsPrevious);
        Assert.Equal(4, facts.Tickets3);                 // April to June; March's is older
        Assert.Equal(2.5, facts.Csat3);
        Assert.Equal(65, facts.UsageNow);
        Assert.Equal(100, facts.UsageThen);              // March, three months before June
        Assert.Equal(-0.35, facts.UsageChange!.Value, 12);
    }

    [Fact]
    public void LineRuns_CountTheMonthsInARowEachLineBilledUpToTheLastMonthOver()
    {
        var book = ClientBook.Build(Acme(), July);
        var facts = ClientFacts.Of(book, book.IndexOf("A1"), Cut.Of(book));

        // Consulting billed January to May but not June: its run is 0. Training billed June only: 1.
        var runs = facts.LineRuns.ToDictionary(r => book.LineName(r.Bit), r => r.Run);
        Assert.Equal(0, runs["consulting"]);
        Assert.Equal(1, runs["training"]);
    }

    [Fact]
    public void Reasons_QuoteTheFactsInWords()
    {
        var facts = FactsOf(Acme(), July);

        Assert.Equal("no QBR in 167 days", ClientFeature.QbrGap.Reason(facts, "USD"));
        Assert.Equal("NPS 3 (was 8)", ClientFeature.Nps.Reason(facts, "USD"));
        Assert.Equal("usage −35% over 3 months", ClientFeature.UsageTrend.Reason(facts, "USD"));
        Assert.Equal("4 support tickets in 3 months", ClientFeature.Tickets.Reason(facts, "USD"));
        Assert.Equal("revenue −57% on the 3 months before", ClientFeature.RevenueTrend.Reason(facts, "USD")); // 130 / 300 − 1
        Assert.Equal("$130 of revenue in 3 months", ClientFeature.Size.Reason(facts, "USD"));
    }

    [Fact]
    public void InsideAMonth_ItsEventsSoFarCount_ButNotItsRevenue()
    {
        var data = Acme();
        data = data with
        {
            Engagement =
            [
                .. data.Engagement,
                Event(ClientCompany.Day(2025, 7, 10), EngagementKind.SupportTicket),
                Event(ClientCompany.Day(2025, 7, 20), EngagementKind.SupportTicket),
            ],
            Revenue = [.. data.Revenue, Line(2025, 7, "consulting", 80)],
        };

        var facts = FactsOf(data, ClientCompany.Day(2025, 7, 15));

        Assert.Equal(130, facts.Revenue3);   // July's revenue is not known on the 15th
        Assert.Equal(2 + 2 + 1, facts.Tickets3); // May, June and July so far (the 10th, not the 20th)
        Assert.Equal(25, facts.DaysSinceMeeting); // 2025-06-20 to 2025-07-15
    }

    [Fact]
    public void NothingAfterTheInstant_ChangesTheFacts()
    {
        var before = FactsOf(Acme(), July);
        var data = Acme();
        var later = data with
        {
            Engagement = [.. data.Engagement, Event(July, EngagementKind.Qbr), Event(July.AddDays(3), EngagementKind.Nps, 10)],
            Revenue = [.. data.Revenue, Line(2025, 7, "consulting", 999)],
        };

        var after = FactsOf(later, July);

        Assert.Equal(before with { LineRuns = after.LineRuns }, after);
        Assert.Equal(before.LineRuns, after.LineRuns);
    }

    private static ClientFacts FactsOf(Dataset data, DateTimeOffset asOf)
    {
        var book = ClientBook.Build(data, asOf);
        return ClientFacts.Of(book, book.IndexOf("A1"), Cut.Of(book));
    }

    internal static Dataset Acme() => new()
    {
        Files = new HashSet<string> { "revenue.csv", "engagement.csv" },
        Accounts = [new Account { AccountId = "A1", Name = "Acme" }],
        Revenue =
        [
            Line(2025, 1, "consulting", 100), Line(2025, 2, "consulting", 100), Line(2025, 3, "consulting", 100),
            Line(2025, 4, "consulting", 50), Line(2025, 5, "consulting", 50), Line(2025, 6, "training", 30),
        ],
        Engagement =
        [
            Event(ClientCompany.Day(2025, 1, 15), EngagementKind.Qbr),
            Event(ClientCompany.Day(2025, 3, 1), EngagementKind.Usage, 100),
            Event(ClientCompany.Day(2025, 3, 4), EngagementKind.SupportTicket),
            Event(ClientCompany.Day(2025, 3, 10), EngagementKind.Nps, 8),
            Event(ClientCompany.Day(2025, 5, 6), EngagementKind.SupportTicket),
            Event(ClientCompany.Day(2025, 5, 7), EngagementKind.SupportTicket),
            Event(ClientCompany.Day(2025, 6, 1), EngagementKind.Usage, 65),
            Event(ClientCompany.Day(2025, 6, 3), EngagementKind.SupportTicket),
            Event(ClientCompany.Day(2025, 6, 3).AddHours(3), EngagementKind.Csat, 2),
            Event(ClientCompany.Day(2025, 6, 9), EngagementKind.SupportTicket),
            Event(ClientCompany.Day(2025, 6, 9).AddHours(3), EngagementKind.Csat, 3),
            Event(ClientCompany.Day(2025, 6, 10), EngagementKind.Nps, -40),
            Event(ClientCompany.Day(2025, 6, 20), EngagementKind.Meeting),
        ],
    };

    private static RevenueLine Line(int year, int month, string line, decimal revenue) =>
        new() { AccountId = "A1", Month = new DateOnly(year, month, 1), ServiceLine = line, Revenue = revenue };

    private static EngagementSignal Event(DateTimeOffset at, EngagementKind kind, decimal? value = null) =>
        new() { AccountId = "A1", OccurredAt = at, Kind = kind, Value = value };
}
