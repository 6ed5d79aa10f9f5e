using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Tests.Variance;

/// <summary>
/// The property every explanation keeps, over random companies (random deals with zeros, open deals and cents, random
/// ledgers and expenses, random plans): cells add up exactly to their slice's gap, slices and driver totals to the
/// gap, and the gap is actual − comparison — to the cent for money, to the millionth for ratios.
/// </summary>
public sealed class ContributionsAddUpTests
{
    private static readonly string[] Verticals = ["finance", "retail", "health"];
    private static readonly string[] Lines = ["advisory", "training", "managed"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ForRandomDealsAndPlans_ContributionsSumExactlyToTheGap(int seed)
    {
        var random = new Random(seed);
        var data = RandomCompany(random);
        var requests = 0;
        foreach (var metric in new[] { "bookings", "new_pipeline", "won_deals", "grr", "nrr", "logo_churn", "expansion_revenue", "operating_margin" })
        {
            foreach (var against in new[] { Against.Plan, Against.Previous, Against.LastYear })
            {
                Dimension? by = metric == "operating_margin" ? null : random.Next(4) switch
                {
                    0 => null,
                    1 => Dimension.Vertical,
                    2 => Dimension.ServiceLine,
                    _ => metric is "grr" or "nrr" or "logo_churn" or "expansion_revenue" ? Dimension.AccountRegion : Dimension.Rep,
                };
                var e = Explain.Run(data, metric, "2025-Q3", against, by, asOf: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
                if (e.MissingReason is not null)
                {
                    continue;
                }

                requests++;
                var resolution = e.Unit == Core.Reporting.Unit.Ratio ? 0.000001m : 0.01m;
                Assert.Equal(e.Gap, e.Actual - e.Comparison);
                Assert.Equal(e.Gap, e.Cells.Sum(c => c.Amount));
                Assert.Equal(e.Gap, e.Drivers.Sum(c => c.Amount));
                Assert.Equal(e.Gap, e.Slices.Sum(s => s.Gap));
                foreach (var slice in e.Slices)
                {
                    Assert.Equal(slice.Gap, e.Cells.Where(c => Slicing.SliceText.Format(c.Slice) == Slicing.SliceText.Format(slice.Slice)).Sum(c => c.Amount));
                    Assert.Equal(slice.Gap, slice.Actual - slice.Comparison);
                }

                Assert.All(e.Cells, c => Assert.Equal(0m, c.Amount % resolution));
                if (against == Against.Plan)
                {
                    Assert.Equal(data.Plans.Single(p => p.Metric == metric).Target, e.Comparison);
                }
            }
        }

        Assert.True(requests >= 12, $"only {requests} explanations had figures");
    }

    private static Dataset RandomCompany(Random random)
    {
        var accounts = Enumerable.Range(0, 12).Select(i => new Account
        {
            AccountId = $"a{i}",
            Name = $"Account {i}",
            Vertical = Verticals[random.Next(Verticals.Length)],
            Region = random.Next(2) == 0 ? "EMEA" : "APAC",
        }).ToList();
        var reps = Enumerable.Range(0, 3).Select(i => new Rep { RepId = $"r{i}", Name = $"Rep {i}" }).ToList();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var deals = new List<Opportunity>();
        for (var i = 0; i < 150 + random.Next(150); i++)
        {
            var created = start.AddHours(random.Next(24 * 700));
            var fate = random.Next(10);
            var closed = created.AddHours(random.Next(24 * 200));
            deals.Add(new Opportunity
            {
                OpportunityId = $"o{i}",
                AccountId = accounts[random.Next(accounts.Count)].AccountId,
                OwnerRepId = reps[random.Next(reps.Count)].RepId,
                ServiceLine = Lines[random.Next(Lines.Length)],
                Type = random.Next(4) == 0 ? OpportunityType.Expansion : OpportunityType.NewBusiness,
                Source = random.Next(3) == 0 ? null : (LeadSource)random.Next(2),
                Amount = random.Next(8) == 0 ? 0 : random.Next(100, 5_000_000) / 100m,
                CreatedAt = created,
                Stage = fate < 3 ? "Proposal" : fate < 7 ? "Won" : "Lost",
                Status = fate < 3 ? OpportunityStatus.Open : fate < 7 ? OpportunityStatus.Won : OpportunityStatus.Lost,
                ClosedAt = fate < 3 ? null : closed,
            });
        }

        var revenue = new List<RevenueLine>();
        foreach (var account in accounts)
        {
            foreach (var line in Lines.Where(_ => random.Next(2) == 0))
            {
                var from = random.Next(24);
                var to = from + random.Next(24);
                for (var m = from; m < Math.Min(to, 24); m++)
                {
                    revenue.Add(new RevenueLine { AccountId = account.AccountId, Month = new DateOnly(2024, 1, 1).AddMonths(m), ServiceLine = line, Revenue = random.Next(0, 1_000_000) / 100m, Cogs = random.Next(3) == 0 ? null : random.Next(0, 500_000) / 100m });
                }
            }
        }

        var expenses = Enumerable.Range(0, 24).SelectMany(m => Enum.GetValues<ExpenseCategory>().Where(_ => random.Next(2) == 0)
            .Select(c => new Expense { Month = new DateOnly(2024, 1, 1).AddMonths(m), Category = c, Amount = random.Next(0, 300_000) / 100m })).ToList();
        PlanLine Plan(string metric, decimal target) => new() { Pillar = Pillar.NewBusiness, Metric = metric, Period = "2025-Q3", Target = target, Owner = "Owner" };
        return new Dataset
        {
            Accounts = accounts,
            Reps = reps,
            Opportunities = deals,
            Revenue = revenue,
            Expenses = expenses,
            Plans =
            [
                Plan("bookings", random.Next(1, 100_000_000) / 100m),
                Plan("new_pipeline", random.Next(1, 100_000_000) / 100m),
                Plan("won_deals", random.Next(1, 200)),
                Plan("grr", random.Next(50, 100) / 100m),
                Plan("nrr", random.Next(70, 130) / 100m),
                Plan("logo_churn", random.Next(1, 40) / 100m),
                Plan("expansion_revenue", random.Next(1, 1_000_000) / 100m),
                Plan("operating_margin", random.Next(-30, 40) / 100m),
            ],
        };
    }
}
