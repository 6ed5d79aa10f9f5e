using Bellwether.Core.Clients;
using Bellwether.Core.Finance;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using Bellwether.Core.Tests.Clients;

namespace Bellwether.Core.Tests.Signals;

public sealed class ExpansionSignalsTests
{
    private static readonly IReadOnlyList<Signal> Signals = ExpansionSignals.Of(RetentionSignalsTests.Context(ClientCompany.Generate(), ClientCompany.AsOf));

    [Fact]
    public void SecondLineCandidates_NameTheClientWithAnOpenDeal_WithTheLineItWouldAdd()
    {
        var candidates = Signals.Single(s => s.Name == "second_line_candidates");

        var orbit = Assert.Single(candidates.NeedsAttention, a => a.Name == ClientCompany.Expander);

        Assert.StartsWith("buys retainer; chance of a second line within 3 months ", orbit.Reason, StringComparison.Ordinal);
        Assert.Contains("; likely next: training — ", orbit.Reason, StringComparison.Ordinal);
        Assert.Contains("an open deal for training", orbit.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(candidates.NeedsAttention, a => a.Name == ClientCompany.Healthy);
    }

    [Fact]
    public void SecondLineCandidates_AreTheTopTenthOfSingleLineClients()
    {
        var reading = SecondLine.Read(ClientCompany.Generate(), ClientCompany.AsOf);
        var candidates = Signals.Single(s => s.Name == "second_line_candidates");

        Assert.Equal((reading.Clients.Count + 9) / 10, candidates.Value);
        Assert.Null(candidates.Status);
        Assert.Equal(reading.TopTenth.Take(RetentionSignals.MaxNamed).Select(c => c.AccountId), candidates.NeedsAttention.Select(a => a.Id));
        Assert.All(reading.Clients, c => Assert.Equal("retainer", c.CurrentLine));
    }

    [Fact]
    public void NothingAfterTheInstant_ChangesAnyPropensity()
    {
        // After July 1 every client buys nine large audits, fifty clients open audit deals, and the expander's deal is lost.
        var data = ClientCompany.Generate();
        var later = data with
        {
            Revenue =
            [
                .. data.Revenue,
                .. data.Accounts.SelectMany(a => Enumerable.Range(1, 9).Select(k => new RevenueLine { AccountId = a.AccountId, Month = new DateOnly(2025, 7, 1), ServiceLine = $"audit{k}", Revenue = 90_000 })),
            ],
            Opportunities =
            [
                .. data.Opportunities.Select(o => o.AccountId == "H3" ? o with { Status = OpportunityStatus.Lost, Stage = "Lost", ClosedAt = ClientCompany.AsOf.AddDays(3) } : o),
                .. data.Accounts.Take(50).Select(a => new Opportunity
                {
                    OpportunityId = "AUDIT-" + a.AccountId,
                    AccountId = a.AccountId,
                    OwnerRepId = "R1",
                    ServiceLine = "audit1",
                    Type = OpportunityType.Expansion,
                    Amount = 90_000,
                    CreatedAt = ClientCompany.AsOf.AddDays(1),
                    Stage = "Proposal",
                    Status = OpportunityStatus.Open,
                }),
            ],
        };

        var before = SecondLine.Read(data, ClientCompany.AsOf);
        var after = SecondLine.Read(later, ClientCompany.AsOf);

        Assert.Equal(before.Clients.Select(c => (c.AccountId, c.Propensity, c.LikelyNextLine, string.Join("|", c.Reasons))), after.Clients.Select(c => (c.AccountId, c.Propensity, c.LikelyNextLine, string.Join("|", c.Reasons))));
    }

    [Fact]
    public void ExpansionRevenue_IsJudgedAgainstTheExpansionPlan()
    {
        // Training bills 1,500 a month for the two months after a won deal; expansion_revenue counts what clients of Q1
        // bill in Q2 above what they billed in Q1. The plan asks for far more than any quarter brings.
        var plan = new PlanLine { Pillar = Pillar.Expansion, Metric = "expansion_revenue", Period = "2025-Q2", Target = 10_000_000m, Owner = "President" };

        var signal = ExpansionSignals.Of(RetentionSignalsTests.Context(ClientCompany.Generate(), ClientCompany.AsOf, plan)).Single(s => s.Name == "expansion_revenue");

        Assert.Equal("plan", signal.ReferenceKind);
        Assert.Equal(10_000_000m, signal.Reference);
        Assert.Equal(SignalStatus.OffTrack, signal.Status);
        Assert.StartsWith("Expansion revenue $", signal.Summary, StringComparison.Ordinal);
        Assert.EndsWith(" in 2025-Q2 (the latest period over; 2025-Q3 is under way), against the plan's $10,000,000 (President).", signal.Summary, StringComparison.Ordinal);
    }
}
