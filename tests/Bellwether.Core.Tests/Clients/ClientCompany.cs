using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Tests.Clients;

/// <summary>
/// A services company whose clients' decline is plain to see, for the client models' tests. From January 2023 to June
/// 2025 each client buys a monthly retainer. A healthy client has a usage reading of 100 on each month's first day, an
/// NPS answer of 9 and a QBR every third month, a meeting each month and a ticket now and then. Each month a healthy
/// client starts to decline with a 2% chance: for three months its usage falls by 20 points a month, it answers NPS 3,
/// skips its QBR and meetings and logs two tickets a month; then its revenue stops (it churns). New clients join every
/// month. Healthy single-line clients open a training deal (on the 20th) with a 3% chance a month; it closes on the
/// 10th of the next month, most are won, and a won deal bills training for the two months after. Two clients are made by hand for the as-of instant, 2025-07-01:
/// <see cref="Declining"/> (its decline began in April 2025) and <see cref="Healthy"/>, and <see cref="Expander"/> has a
/// training deal open then.
/// </summary>
internal static class ClientCompany
{
    public static readonly DateTimeOffset AsOf = Day(2025, 7, 1);

    public const string Declining = "Acme Declining";
    public const string Healthy = "Zenith Healthy";
    public const string Expander = "Orbit Expander";

    private const int FirstMonth = (2023 * 12) + 0;
    private const int LastMonth = (2025 * 12) + 5;

    public static Dataset Generate(int seed = 5, bool engagement = true)
    {
        var random = new Random(seed);
        var accounts = new List<Account>();
        var revenue = new List<RevenueLine>();
        var events = new List<EngagementSignal>();
        var deals = new List<Opportunity>();

        void Client(string id, string name, int joined, int? declineFrom, int? dealMonth, OpportunityStatus deal, double size, int phase)
        {
            accounts.Add(new Account { AccountId = id, Name = name });
            var trainingFrom = int.MaxValue;
            if (dealMonth is { } d)
            {
                deals.Add(new Opportunity
                {
                    OpportunityId = "O-" + id,
                    AccountId = id,
                    OwnerRepId = "R1",
                    ServiceLine = "training",
                    Type = OpportunityType.Expansion,
                    Amount = 3000,
                    CreatedAt = Day(d, 20),
                    Stage = deal.ToString(),
                    Status = deal,
                    ClosedAt = deal == OpportunityStatus.Open ? null : Day(d + 1, 10),
                });
                trainingFrom = deal == OpportunityStatus.Won ? d + 2 : int.MaxValue;
            }

            for (var m = joined; m <= LastMonth; m++)
            {
                var declining = declineFrom is { } f && m >= f;
                if (declineFrom is { } g && m >= g + 3)
                {
                    break;
                }

                revenue.Add(new RevenueLine { AccountId = id, Month = Start(m), ServiceLine = "retainer", Revenue = Math.Round((decimal)(1000 * size), 2) });
                if (m >= trainingFrom && m < trainingFrom + 2)
                {
                    revenue.Add(new RevenueLine { AccountId = id, Month = Start(m), ServiceLine = "training", Revenue = 1500 });
                }

                if (!engagement)
                {
                    continue;
                }

                var step = declining ? m - declineFrom!.Value + 1 : 0;
                events.Add(Event(id, Day(m, 1), EngagementKind.Usage, 100 - (20 * step)));
                var quarterly = (m + phase) % 3 == 0;
                if (quarterly)
                {
                    events.Add(Event(id, Day(m, 10), EngagementKind.Nps, declining ? 3 : 9));
                    if (!declining)
                    {
                        events.Add(Event(id, Day(m, 15), EngagementKind.Qbr, null));
                    }
                }

                if (!declining)
                {
                    events.Add(Event(id, Day(m, 20), EngagementKind.Meeting, null));
                }

                var tickets = declining ? 2 : random.NextDouble() < 0.3 ? 1 : 0;
                for (var t = 0; t < tickets; t++)
                {
                    events.Add(Event(id, Day(m, 5 + (7 * t)), EngagementKind.SupportTicket, null));
                    events.Add(Event(id, Day(m, 5 + (7 * t)).AddHours(3), EngagementKind.Csat, declining ? 2 : 5));
                }
            }
        }

        var n = 0;
        for (var joined = FirstMonth; joined <= LastMonth - 4; joined++)
        {
            for (var i = 0; i < (joined == FirstMonth ? 300 : 6); i++)
            {
                n++;
                int? decline = null;
                int? deal = null;
                for (var m = joined + 1; m <= LastMonth && decline is null; m++)
                {
                    if (random.NextDouble() < 0.02)
                    {
                        decline = m;
                    }
                    else if (deal is null && random.NextDouble() < 0.03)
                    {
                        deal = m;
                    }
                }

                var outcome = random.NextDouble() < 0.8 ? OpportunityStatus.Won : OpportunityStatus.Lost;
                Client($"C{n:D4}", $"Client {n:D4}", joined, decline, deal < LastMonth - 2 ? deal : null, outcome, 0.5 + (1.5 * random.NextDouble()), n % 3);
            }
        }

        // By hand, each with a retainer of 1,000 a month since January 2023, NPS and QBRs in March, June, September and
        // December (phase 1). The expander's training deal was opened on 2025-06-20 and is open at the as-of instant.
        Client("H1", Declining, FirstMonth, declineFrom: (2025 * 12) + 3, dealMonth: null, OpportunityStatus.Open, size: 1, phase: 1);
        Client("H2", Healthy, FirstMonth, declineFrom: null, dealMonth: null, OpportunityStatus.Open, size: 1, phase: 1);
        Client("H3", Expander, FirstMonth, declineFrom: null, dealMonth: (2025 * 12) + 5, OpportunityStatus.Open, size: 1, phase: 1);
        var files = new HashSet<string>(StringComparer.Ordinal) { "reps.csv", "accounts.csv", "opportunities.csv", "revenue.csv" };
        if (engagement)
        {
            files.Add("engagement.csv");
        }

        return new Dataset
        {
            Files = files,
            Reps = [new Rep { RepId = "R1", Name = "Rita Rep", Role = RepRole.Am, StartDate = new DateOnly(2022, 1, 1) }],
            Accounts = accounts,
            Opportunities = deals,
            Revenue = revenue,
            Engagement = [.. events.OrderBy(e => e.OccurredAt)],
        };
    }

    /// <summary>The company with plans for its retention and expansion pillars.</summary>
    public static Dataset WithPlans(this Dataset data, params PlanLine[] plans) => data with { Plans = plans, Files = new HashSet<string>(data.Files) { "plans.csv" } };

    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int month, int day) => Day(month / 12, (month % 12) + 1, day);

    private static DateOnly Start(int month) => new(month / 12, (month % 12) + 1, 1);

    private static EngagementSignal Event(string account, DateTimeOffset at, EngagementKind kind, decimal? value) =>
        new() { AccountId = account, OccurredAt = at, Kind = kind, Value = value };
}
