using System.Globalization;
using Bellwether.Core.Accounts;
using Bellwether.Core.Clients;
using Bellwether.Core.Data;
using Bellwether.Core.Demo;
using Bellwether.Core.Finance;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Tests.Demo;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Clients;

/// <summary>
/// The fast hold-out check of docs/retention.md: on a demo company the models were never tuned on (seed 31, two years
/// to 2026-06-30; the tuning seeds are 1, 2 and 3), the churn ranking's top tenth holds more of the next quarters'
/// churners than ranking by size or by days since the last meeting, and the second-line ranking's top tenth buys at
/// more than the base rate. The full backtest is scripts/retention-backtest.
/// </summary>
public sealed class ClientBacktestTests
{
    private static readonly DemoOptions HoldOut = new() { Seed = 31, Years = 2, HistoryEnd = new DateOnly(2026, 6, 30) };

    private static readonly Lazy<Dataset> Data = new(() => Load(new DemoFiles(HoldOut)));

    private static IReadOnlyList<Period> Quarters => [.. new[] { "2025-Q4", "2026-Q1" }.Select(q => Data.Value.Settings.Calendar.Parse(q))];

    [Fact]
    public void ChurnRanking_OnAHoldOutSeed_BeatsRankingBySizeAndByMeetingGap()
    {
        var quarters = ChurnBacktest.Run(Data.Value, Quarters);

        Assert.All(quarters, q => Assert.Null(q.MissingReason));
        var churners = quarters.Sum(q => q.Churners);
        var model = quarters.Sum(q => q.ByModel) / (double)churners;
        var size = quarters.Sum(q => q.BySize) / (double)churners;
        var meeting = quarters.Sum(q => q.ByMeetingGap) / (double)churners;
        Assert.True(churners >= 50, $"{churners} churners");
        Assert.True(model > size && model > meeting, $"model {model:P1}, size {size:P1}, meeting gap {meeting:P1}");
        Assert.True(model > 0.3, $"model {model:P1}: a ranking by chance holds 10%");
    }

    [Fact]
    public void SecondLineRanking_OnAHoldOutSeed_BuysAboveTheBaseRate()
    {
        var quarters = ExpansionBacktest.Run(Data.Value, Quarters);

        Assert.All(quarters, q => Assert.Null(q.MissingReason));
        var precision = quarters.Sum(q => q.BoughtInTopTenth) / (double)quarters.Sum(q => q.TopTenth);
        var baseRate = quarters.Sum(q => q.Bought) / (double)quarters.Sum(q => q.Clients);
        Assert.True(precision > 2 * baseRate, $"top tenth {precision:P1}, base rate {baseRate:P1}");
    }

    /// <summary>The demo's files the client models read, as the store would load them.</summary>
    private static Dataset Load(DemoFiles files)
    {
        static DateTimeOffset Instant(string text) => Instants.TryParse(text, out var t) ? t : throw new FormatException(text);
        static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
        var accounts = files.Table("accounts.csv");
        var revenue = files.Table("revenue.csv");
        var engagement = files.Table("engagement.csv");
        var deals = files.Table("opportunities.csv");
        return new Dataset
        {
            Settings = new CompanySettings { Calendar = files.Options.Calendar },
            Files = new HashSet<string>(files.FileNames, StringComparer.Ordinal),
            Accounts = [.. accounts.Rows.Select(r => new Account { AccountId = r[accounts.Column("account_id")], Name = r[accounts.Column("name")] })],
            Revenue =
            [
                .. revenue.Rows.Select(r => new RevenueLine
                {
                    AccountId = r[revenue.Column("account_id")],
                    Month = DateOnly.ParseExact(r[revenue.Column("month")] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ServiceLine = r[revenue.Column("service_line")],
                    Revenue = Number(r[revenue.Column("revenue")]),
                }),
            ],
            Engagement =
            [
                .. engagement.Rows.Select(r => new EngagementSignal
                {
                    AccountId = r[engagement.Column("account_id")],
                    OccurredAt = Instant(r[engagement.Column("occurred_at")]),
                    Kind = SnakeCase.Parse<EngagementKind>(r[engagement.Column("kind")]),
                    Value = r[engagement.Column("value")] is { Length: > 0 } v ? Number(v) : null,
                }),
            ],
            Opportunities =
            [
                .. deals.Rows.Select(r => new Opportunity
                {
                    OpportunityId = r[deals.Column("opportunity_id")],
                    AccountId = r[deals.Column("account_id")],
                    OwnerRepId = r[deals.Column("owner_rep_id")],
                    ServiceLine = r[deals.Column("service_line")],
                    Type = SnakeCase.Parse<OpportunityType>(r[deals.Column("type")]),
                    Amount = Number(r[deals.Column("amount")]),
                    CreatedAt = Instant(r[deals.Column("created_at")]),
                    Stage = r[deals.Column("stage")],
                    Status = SnakeCase.Parse<OpportunityStatus>(r[deals.Column("status")]),
                    ClosedAt = r[deals.Column("closed_at")] is { Length: > 0 } c ? Instant(c) : null,
                }),
            ],
        };
    }
}
