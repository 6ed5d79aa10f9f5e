using Bellwether.Core.Accounts;
using Bellwether.Core.Clients;
using Bellwether.Core.Finance;

namespace Bellwether.Core.Tests.Clients;

/// <summary>The churn-risk model on <see cref="ClientCompany"/>, whose declining clients show it for three months before they leave.</summary>
public sealed class ChurnRiskTests
{
    private static readonly ChurnRiskReading Reading = ChurnRisk.Read(ClientCompany.Generate(), ClientCompany.AsOf);

    [Fact]
    public void ADecliningClient_RanksAboveAHealthyOne_AndIsAtRisk()
    {
        var declining = Client(ClientCompany.Declining);
        var healthy = Client(ClientCompany.Healthy);

        Assert.True(declining.ChurnRisk > 0.5, $"{declining.ChurnRisk}");
        Assert.True(healthy.ChurnRisk < Reading.BaseRate, $"{healthy.ChurnRisk} against {Reading.BaseRate}");
        Assert.Equal(HealthBand.AtRisk, declining.Band);
        Assert.Equal(HealthBand.Healthy, healthy.Band);
        Assert.True(IndexOf(ClientCompany.Declining) < IndexOf(ClientCompany.Healthy));
        Assert.Equal(100 - (int)Math.Round(100 * declining.ChurnRisk, MidpointRounding.AwayFromZero), declining.Health);
    }

    [Fact]
    public void Reasons_NameTheSignalsThatDeclined_WithTheirFigures()
    {
        // Acme answered NPS 9 in March and 3 in June; its usage read 100 in March and 40 in June (−60%); it logged two
        // tickets a month from April; its last QBR was on 2025-03-15 (108 days before July 1) and its last meeting on
        // 2025-03-20 (103 days). Its revenue did not move: no revenue reason may appear.
        string[] expected = ["NPS 3 (was 9)", "usage −60% over 3 months", "6 support tickets in 3 months", "no QBR in 108 days", "no meeting in 103 days", "CSAT 2.0 over 3 months"];

        var reasons = Client(ClientCompany.Declining).Reasons;

        Assert.InRange(reasons.Count, 2, 4);
        Assert.All(reasons, r => Assert.Contains(r, expected));
    }

    [Fact]
    public void RevenueAtStake_IsTheLastThreeMonthsRevenue()
    {
        Assert.Equal(3000m, Client(ClientCompany.Declining).RevenueAtStake); // 1,000 in April, May and June
    }

    [Fact]
    public void Clients_AreThoseWithRevenueInTheLastThreeMonths_RiskiestFirst()
    {
        Assert.Equal(Reading.Clients.OrderByDescending(c => c.ChurnRisk).Select(c => c.AccountId), Reading.Clients.Select(c => c.AccountId));
        Assert.All(Reading.Clients, c => Assert.True(c.RevenueAtStake > 0));
        Assert.Equal(24, Reading.TrainingSnapshots); // May 2023 (four months in) to April 2025 (its quarter over by July)
    }

    [Fact]
    public void NothingAfterTheInstant_ChangesAnyScore()
    {
        var data = ClientCompany.Generate();
        var later = data with
        {
            // Everyone renews in July and says so; Acme's decline reverses.
            Revenue = [.. data.Revenue, .. data.Accounts.Select(a => new RevenueLine { AccountId = a.AccountId, Month = new DateOnly(2025, 7, 1), ServiceLine = "retainer", Revenue = 5000 })],
            Engagement =
            [
                .. data.Engagement,
                .. data.Accounts.Select(a => new EngagementSignal { AccountId = a.AccountId, OccurredAt = ClientCompany.AsOf.AddDays(2), Kind = EngagementKind.Nps, Value = 10 }),
                new EngagementSignal { AccountId = "H1", OccurredAt = ClientCompany.AsOf, Kind = EngagementKind.Qbr },
            ],
        };

        var after = ChurnRisk.Read(later, ClientCompany.AsOf);

        Assert.Equal(Reading.Clients.Select(c => (c.AccountId, c.ChurnRisk, string.Join("|", c.Reasons))), after.Clients.Select(c => (c.AccountId, c.ChurnRisk, string.Join("|", c.Reasons))));
    }

    [Fact]
    public void WithoutEngagement_SaysSo()
    {
        var reading = ChurnRisk.Read(ClientCompany.Generate(engagement: false), ClientCompany.AsOf);

        Assert.Empty(reading.Clients);
        Assert.Equal(ChurnRisk.NoEngagement, reading.MissingReason);
    }

    [Fact]
    public void WithTooLittleHistory_SaysSo()
    {
        // Five months of revenue (January to May 2023): no snapshot has four months before it and its quarter after it over.
        var reading = ChurnRisk.Read(ClientCompany.Generate(), ClientCompany.Day(2023, 6, 1));

        Assert.Empty(reading.Clients);
        Assert.Equal("too little history to learn churn from: the revenue before 2023-06 covers fewer than 7 months", reading.MissingReason);
    }

    private static ClientRisk Client(string name) => Reading.Clients.Single(c => c.Name == name);

    private static int IndexOf(string name) => Reading.Clients.ToList().FindIndex(c => c.Name == name);
}
