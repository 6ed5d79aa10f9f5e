using Bellwether.Core.Data;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class RenewalBookTests
{
    private const int Lag = 330;

    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWinNotYetRenewed_IsExpectedWhereItsLagEnds()
    {
        // A contract won every week from June 2022 to April 2024, each on its own account; every one old enough was
        // renewed exactly 330 days after its win. So a win 300 days old at t, not yet renewed, comes up 30 days into
        // the projection (the lag's distribution is smoothed by a week each side), and nothing is expected for it after.
        var book = RenewalBook.Fit(Company(), AsOf);

        var wins = Wins().Where(w => (AsOf - w.ClosedAt!.Value).Days < Lag).ToList();
        Assert.Equal(wins.Count, book.Pending.Count);
        Assert.InRange(wins.Count, 8, 14);
        for (var k = 0; k < book.Pending.Count; k++)
        {
            var win = wins.Single(w => book.Pending[k].OpportunityId == RenewalBook.VirtualPrefix + w.OpportunityId);
            var due = Lag - (AsOf - win.ClosedAt!.Value).Days;
            var chance = book.CreationChance[k];
            var near = chance.Skip(Math.Max(0, due - 8)).Take(17).Sum();
            Assert.True(near >= 0.9, $"{win.OpportunityId}: {near:0.000} of its renewal within a week of day {due}");
            Assert.True(chance.Sum() <= 1.0001);
        }
    }

    private static Dataset Company()
    {
        var deals = new List<Opportunity>();
        foreach (var win in Wins())
        {
            deals.Add(win);
            var renewalAt = win.ClosedAt!.Value.AddDays(Lag);
            if (renewalAt < AsOf)
            {
                // Renewals lost ten days on: they are renewal deals to learn the lag from, and not wins of their own.
                deals.Add(win with
                {
                    OpportunityId = "renewal-" + win.OpportunityId,
                    Type = OpportunityType.Renewal,
                    CreatedAt = renewalAt,
                    ClosedAt = renewalAt.AddDays(10) < AsOf ? renewalAt.AddDays(10) : null,
                    Status = renewalAt.AddDays(10) < AsOf ? OpportunityStatus.Lost : OpportunityStatus.Open,
                    Stage = renewalAt.AddDays(10) < AsOf ? "Closed Lost" : "Negotiate",
                });
            }
        }

        return new Dataset { Opportunities = deals };
    }

    private static IEnumerable<Opportunity> Wins() =>
        Enumerable.Range(0, 100).Select(k =>
        {
            var won = new DateTimeOffset(2022, 6, 1, 12, 0, 0, TimeSpan.Zero).AddDays(7 * k);
            return new Opportunity
            {
                OpportunityId = $"o{k}",
                AccountId = $"a{k}",
                OwnerRepId = "r1",
                ServiceLine = "support",
                Type = OpportunityType.NewBusiness,
                Amount = 12_000,
                CreatedAt = won.AddDays(-30),
                ClosedAt = won,
                Stage = "Closed Won",
                Status = OpportunityStatus.Won,
            };
        });
}
