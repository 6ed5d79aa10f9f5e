using System.Diagnostics;
using Bellwether.Core.Accounts;
using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Indicators;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Indicators;

/// <summary>
/// The dashboard refresh on a synthetic company (BELLWETHER_SPEED_DEALS deals, default 100,000; ≈20 activities per
/// deal as ActivityDays, 3 history rows per deal): every indicator for the current fiscal quarter and the 8 before it,
/// overall and by rep, vertical and service line. Explicit: run with
/// <c>dotnet test --filter "FullyQualifiedName~DashboardSpeed" -- xUnit.Explicit=only</c> (Release for real numbers).
/// </summary>
public sealed class DashboardSpeedTests(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void Dashboard_RefreshAndSingleIndicator()
    {
        var deals = int.TryParse(Environment.GetEnvironmentVariable("BELLWETHER_SPEED_DEALS"), out var n) ? n : 100_000;
        var data = Synthetic(deals);
        var now = new DateTimeOffset(2017, 11, 15, 0, 0, 0, TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        var engine = new IndicatorEngine(data);
        output.WriteLine($"prepare {deals} deals: {clock.ElapsedMilliseconds} ms");

        var calendar = data.Settings.Calendar;
        var current = calendar.Containing(now, Grain.Quarter);
        clock.Restart();
        var rows = 0;
        foreach (var by in new[] { Array.Empty<Dimension>(), [Dimension.Rep], [Dimension.Vertical], [Dimension.ServiceLine] })
        {
            for (var k = 0; k < 9; k++)
            {
                rows += engine.Run(new IndicatorQuery { Indicators = IndicatorCatalog.Names, Period = calendar.Shift(current, -k), By = by, AsOf = now }).Count;
            }
        }

        output.WriteLine($"dashboard, cold: {rows} rows in {clock.ElapsedMilliseconds} ms");

        var single = new IndicatorQuery
        {
            Indicators = ["win_rate"],
            Period = current,
            AsOf = now,
            Filter = new Dictionary<Dimension, string> { [Dimension.Vertical] = "retail" },
        };
        engine.Run(single);
        clock.Restart();
        engine.Run(single);
        output.WriteLine($"win_rate for vertical=retail, warm: {clock.Elapsed.TotalMilliseconds:F2} ms");
        Assert.True(clock.ElapsedMilliseconds < 100);
    }

    private static Dataset Synthetic(int deals)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var minutes = 3 * 365 * 24 * 60;
        var repCount = Math.Max(20, deals / 5000);
        var accountCount = Math.Max(100, deals / 50);
        string[] verticals = ["retail", "finance", "health", "tech", "energy", "media", "public", "logistics"];
        string[] lines = ["consulting", "training", "support", "cloud", "data"];
        var opportunities = new List<Opportunity>(deals);
        var history = new List<OpportunityChange>(deals * 3);
        for (var i = 0; i < deals; i++)
        {
            var created = start.AddMinutes(random.Next(minutes));
            var amount = Math.Round((decimal)random.NextDouble() * 50_000, 2);
            var cycle = random.Next(5, 200);
            var closed = created.AddDays(cycle);
            var isClosed = closed < start.AddYears(3);
            var status = !isClosed ? OpportunityStatus.Open : random.NextDouble() < 0.3 ? OpportunityStatus.Won : OpportunityStatus.Lost;
            var id = $"o{i}";
            opportunities.Add(new Opportunity
            {
                OpportunityId = id,
                AccountId = $"a{random.Next(accountCount)}",
                OwnerRepId = $"r{random.Next(repCount)}",
                ServiceLine = lines[random.Next(lines.Length)],
                Type = (OpportunityType)random.Next(3),
                Amount = amount,
                CreatedAt = created,
                ExpectedCloseDate = DateOnly.FromDateTime(created.AddDays(random.Next(10, 150)).UtcDateTime),
                Stage = isClosed ? status.ToString() : "Proposal",
                Status = status,
                ClosedAt = isClosed ? closed : null,
            });
            history.Add(new OpportunityChange { OpportunityId = id, ChangedAt = created, Stage = "Discovery", Status = OpportunityStatus.Open, Amount = amount * 0.8m });
            history.Add(new OpportunityChange { OpportunityId = id, ChangedAt = created.AddDays(cycle / 2.0), Stage = "Proposal", Status = OpportunityStatus.Open, Amount = amount });
            if (isClosed)
            {
                history.Add(new OpportunityChange { OpportunityId = id, ChangedAt = closed, Stage = status.ToString(), Status = status, Amount = amount });
            }
        }

        var perCell = Math.Max(1, (int)(20L * deals / (repCount * 365L * 3 * 6)));
        var activities = new List<ActivityDay>();
        for (var r = 0; r < repCount; r++)
        {
            for (var d = 0; d < 3 * 365; d++)
            {
                foreach (var type in Enum.GetValues<ActivityType>())
                {
                    activities.Add(new ActivityDay($"r{r}", DateOnly.FromDateTime(start.AddDays(d).UtcDateTime), type, perCell));
                }
            }
        }

        return new Dataset
        {
            Reps = [.. Enumerable.Range(0, repCount).Select(i => new Rep { RepId = $"r{i}", Name = $"r{i}", Team = $"t{i % 8}", StartDate = new DateOnly(2015, 1, 1).AddDays(random.Next(600)) })],
            Accounts = [.. Enumerable.Range(0, accountCount).Select(i => new Account { AccountId = $"a{i}", Name = $"a{i}", Vertical = verticals[i % verticals.Length] })],
            Opportunities = opportunities,
            History = history,
            ActivityDays = activities,
            Leads = [.. Enumerable.Range(0, deals / 2).Select(i => new Lead { LeadId = $"l{i}", CreatedAt = start.AddMinutes(random.Next(minutes)), Source = (LeadSource)random.Next(2), OpportunityId = $"o{i * 2}" })],
            Revenue = [.. Enumerable.Range(0, accountCount * 36).Where(_ => random.NextDouble() < 0.6)
                .Select(k => new RevenueLine { AccountId = $"a{k / 36}", Month = new DateOnly(2015, 1, 1).AddMonths(k % 36), ServiceLine = lines[k % lines.Length], Revenue = 1000, Cogs = 600 })],
            Expenses = [.. Enumerable.Range(0, 36).Select(m => new Expense { Month = new DateOnly(2015, 1, 1).AddMonths(m), Category = ExpenseCategory.SalesSalaries, Amount = 10_000 })],
            Quotas = [.. Enumerable.Range(0, repCount).Select(i => new Quota { RepId = $"r{i}", Period = "2017-Q4", Amount = 500_000 })],
        };
    }
}
