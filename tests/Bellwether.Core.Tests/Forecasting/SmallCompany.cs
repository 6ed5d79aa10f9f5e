using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// A small simulated company for forecasting tests, the same for the same seed: two teams of two reps, two verticals,
/// two service lines, deals created every day that move through three stages (with history rows) and are won or lost,
/// and a ledger where each won deal is recognised over the three months after the month it was won. A few hundred
/// closed deals a year: the size the forecaster must work for.
/// </summary>
internal static class SmallCompany
{
    public static readonly DateTimeOffset Start = Fixture(2023, 1, 1);
    public static readonly DateTimeOffset End = Fixture(2025, 7, 1);

    private static readonly DateTimeOffset Middle = Start + ((End - Start) / 2);

    public static readonly string[] Stages = ["Qualify", "Propose", "Negotiate"];

    /// <summary>New deals' amounts: 10,000 × e^(0.4 Z), whose mean is 10,000 × e^0.08.</summary>
    public static readonly double MeanAmount = 10_000 * Math.Exp(0.08);

    /// <summary>Each rep's skill: the higher, the likelier each of their deals' steps is passed.</summary>
    public static readonly IReadOnlyDictionary<string, double> Skill = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["r1"] = 0.55,
        ["r2"] = 0.45,
        ["r3"] = 0.5,
        ["r4"] = 0.4,
    };

    /// <summary>The accounts by default (a1 to a60); with expansion, deals on every fourth (a1, a5, … a57) are expansion deals.</summary>
    public const int Accounts = 60;

    /// <param name="seed">The random seed.</param>
    /// <param name="dealsPerDay">New deals per day.</param>
    /// <param name="verticalDriftPerYear">
    /// How fast the two markets part: a finance deal's chance of passing each stage grows by this much (as a log ratio) per
    /// year from the middle of the history, and a retail deal's falls by as much (capped at 0.98).
    /// </param>
    /// <param name="monthlyRateWalk">
    /// The standard deviation of a monthly step of a random walk in the log of the deals created per day (0: steady).
    /// </param>
    /// <param name="expansion">Whether deals on every fourth account are expansion deals (otherwise all are new business).</param>
    /// <param name="accountCount">How many accounts deals are spread over (many: accounts still without a win at any time).</param>
    public static Dataset Generate(int seed = 7, double dealsPerDay = 1.2, double verticalDriftPerYear = 0, double monthlyRateWalk = 0, bool expansion = false, int accountCount = Accounts)
    {
        var random = new Random(seed);
        var walk = new Random(seed + 1);
        var level = 1.0;
        var levelMonth = (Start.Year * 12) + Start.Month;
        var reps = new List<Rep>
        {
            new() { RepId = "r1", Name = "R1", Team = "east", Role = RepRole.Ae, StartDate = new DateOnly(2022, 1, 1) },
            new() { RepId = "r2", Name = "R2", Team = "east", Role = RepRole.Ae, StartDate = new DateOnly(2022, 1, 1) },
            new() { RepId = "r3", Name = "R3", Team = "west", Role = RepRole.Ae, StartDate = new DateOnly(2022, 1, 1) },
            new() { RepId = "r4", Name = "R4", Team = "west", Role = RepRole.Ae, StartDate = new DateOnly(2022, 1, 1) },
        };
        var accounts = Enumerable.Range(1, accountCount).Select(i => new Account { AccountId = $"a{i}", Name = $"A{i}", Vertical = i % 3 == 0 ? "finance" : "retail" }).ToList();
        var deals = new List<Opportunity>();
        var history = new List<OpportunityChange>();
        var revenue = new Dictionary<(string Account, DateOnly Month, string Line), decimal>();
        var id = 0;
        for (var day = Start; day < End; day = day.AddDays(1))
        {
            if (monthlyRateWalk > 0 && (day.Year * 12) + day.Month != levelMonth)
            {
                levelMonth = (day.Year * 12) + day.Month;
                level *= Math.Exp(monthlyRateWalk * Normal(walk));
            }

            var count = Poisson(random, dealsPerDay * level);
            for (var k = 0; k < count; k++)
            {
                id++;
                var rep = reps[random.Next(reps.Count)];
                var account = accounts[random.Next(accounts.Count)];
                var line = random.NextDouble() < 0.5 ? "consulting" : "software";
                var created = day.AddHours(9 + random.Next(8));
                var amount = Math.Round((decimal)(10_000 * Math.Exp(0.4 * Normal(random))), 0);
                var dealId = $"o{id:D5}";
                var at = created;
                var expected = DateOnly.FromDateTime(created.AddDays(40).UtcDateTime);
                OpportunityStatus status = OpportunityStatus.Open;
                DateTimeOffset? closed = null;
                var stage = 0;
                history.Add(Change(dealId, at, Stages[0], OpportunityStatus.Open, amount, expected));
                while (status == OpportunityStatus.Open)
                {
                    at = at.AddDays(1 + (-Math.Log(random.NextDouble()) * StepMeanDays(line)));
                    if (at >= End)
                    {
                        break;
                    }

                    var chance = PassChance(stage, rep.RepId);
                    if (verticalDriftPerYear != 0)
                    {
                        var years = (at - Middle).TotalDays / 365.25;
                        chance = Math.Min(0.98, chance * Math.Exp((account.Vertical == "finance" ? 1 : -1) * verticalDriftPerYear * years));
                    }

                    var advance = random.NextDouble() < chance;
                    if (!advance)
                    {
                        status = OpportunityStatus.Lost;
                    }
                    else if (stage == Stages.Length - 1)
                    {
                        status = OpportunityStatus.Won;
                    }
                    else
                    {
                        stage++;
                        if (DateOnly.FromDateTime(at.UtcDateTime) > expected)
                        {
                            expected = DateOnly.FromDateTime(at.AddDays(20).UtcDateTime);
                        }

                        history.Add(Change(dealId, at, Stages[stage], OpportunityStatus.Open, amount, expected));
                        continue;
                    }

                    closed = at;
                    history.Add(Change(dealId, at, status == OpportunityStatus.Won ? "Won" : "Lost", status, amount, DateOnly.FromDateTime(at.UtcDateTime)));
                }

                deals.Add(new Opportunity
                {
                    OpportunityId = dealId,
                    AccountId = account.AccountId,
                    OwnerRepId = rep.RepId,
                    ServiceLine = line,
                    Type = expansion && IsExpansionAccount(account.AccountId) ? OpportunityType.Expansion : OpportunityType.NewBusiness,
                    Source = random.NextDouble() < 0.6 ? LeadSource.Inbound : LeadSource.Outbound,
                    Amount = amount,
                    CreatedAt = created,
                    ClosedAt = closed,
                    Status = status,
                    Stage = status == OpportunityStatus.Open ? Stages[stage] : (status == OpportunityStatus.Won ? "Won" : "Lost"),
                    ExpectedCloseDate = status == OpportunityStatus.Open ? expected : DateOnly.FromDateTime(closed!.Value.UtcDateTime),
                });
                if (status == OpportunityStatus.Won)
                {
                    var month = new DateOnly(closed!.Value.Year, closed.Value.Month, 1);
                    for (var m = 1; m <= 3; m++)
                    {
                        var key = (account.AccountId, month.AddMonths(m), line);
                        revenue[key] = revenue.GetValueOrDefault(key) + Math.Round(amount / 3, 2);
                    }
                }
            }
        }

        var lastMonth = new DateOnly(End.Year, End.Month, 1);
        return new Dataset
        {
            Reps = reps,
            Accounts = accounts,
            Stages = [.. Stages.Select((s, i) => new Stage { Name = s, Order = i + 1 })],
            Opportunities = deals,
            History = history,
            Revenue = [.. revenue.Where(kv => kv.Key.Month < lastMonth).Select(kv => new RevenueLine { AccountId = kv.Key.Account, Month = kv.Key.Month, ServiceLine = kv.Key.Line, Revenue = kv.Value, Cogs = Math.Round(kv.Value * 0.4m, 2) })],
            Expenses = [.. Enumerable.Range(0, 30).Select(m => new Expense { Month = new DateOnly(2023, 1, 1).AddMonths(m), Category = ExpenseCategory.SalesSalaries, Amount = 40_000 })],
            Files = new HashSet<string> { "reps.csv", "opportunities.csv", "opportunity_history.csv", "revenue.csv", "expenses.csv", "accounts.csv", "stages.csv" },
        };
    }

    /// <summary>A step's length in days beyond the first day: exponential with this mean.</summary>
    public static double StepMeanDays(string line) => line == "software" ? 14 : 9;

    /// <summary>The chance that a deal at a stage (0: the first) passes it: the last stage passed is a win, any failed a loss.</summary>
    public static double PassChance(int stage, string repId) => (stage == 0 ? 0.6 : 0.75) * (0.6 + Skill[repId]);

    public static bool IsExpansionAccount(string accountId) => int.Parse(accountId[1..], System.Globalization.CultureInfo.InvariantCulture) % 4 == 1;

    public static DateTimeOffset At(string text) => Instants.TryParse(text, out var instant) ? instant : throw new FormatException(text);

    private static DateTimeOffset Fixture(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static OpportunityChange Change(string id, DateTimeOffset at, string stage, OpportunityStatus status, decimal amount, DateOnly expected) => new()
    {
        OpportunityId = id,
        ChangedAt = at,
        Stage = stage,
        Status = status,
        Amount = amount,
        ExpectedCloseDate = expected,
    };

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var n = 0;
        while (product > limit)
        {
            n++;
            product *= random.NextDouble();
        }

        return n;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
