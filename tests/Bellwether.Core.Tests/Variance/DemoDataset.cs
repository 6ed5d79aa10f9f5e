using System.Globalization;
using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Demo;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Tests.Demo;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Variance;

/// <summary>
/// A demo company simulated in memory and read straight into a <see cref="Dataset"/> (no store): the files the
/// explanations read — reps, accounts, deals and their history, leads, revenue, expenses, engagement, plans — in a
/// second or two at scale 1, so a test can simulate the same seed with and without a shock.
/// </summary>
internal static class DemoDataset
{
    public static Dataset Generate(DemoOptions options)
    {
        var files = new DemoFiles(options);
        var accounts = files.Table("accounts.csv");
        return new Dataset
        {
            Settings = new CompanySettings { Calendar = options.Calendar },
            Files = new HashSet<string>(files.FileNames, StringComparer.Ordinal),
            Reps = [.. Rows(files.Table("reps.csv")).Select(r => new Rep
            {
                RepId = r("rep_id")!,
                Name = r("name")!,
                Team = r("team"),
                ManagerId = r("manager_id"),
                Role = SnakeCase.Parse<RepRole>(r("role")!),
                Region = r("region"),
                StartDate = Date(r("start_date")),
                EndDate = Date(r("end_date")),
            })],
            Accounts = [.. Rows(accounts).Select(r => new Account
            {
                AccountId = r("account_id")!,
                Name = r("name")!,
                Vertical = r("vertical") ?? Account.UnknownVertical,
                Region = r("region"),
                OwnerRepId = r("owner_rep_id"),
            }).DistinctBy(a => a.AccountId)],
            Opportunities = [.. Rows(files.Table("opportunities.csv")).Select(r => new Opportunity
            {
                OpportunityId = r("opportunity_id")!,
                AccountId = r("account_id")!,
                OwnerRepId = r("owner_rep_id")!,
                ServiceLine = r("service_line")!,
                Type = SnakeCase.Parse<OpportunityType>(r("type")!),
                Source = r("source") is { } s ? SnakeCase.Parse<LeadSource>(s) : null,
                Amount = Number(r("amount"))!.Value,
                CreatedAt = Instant(r("created_at"))!.Value,
                ExpectedCloseDate = Date(r("expected_close_date")),
                Stage = r("stage")!,
                Status = SnakeCase.Parse<OpportunityStatus>(r("status")!),
                ClosedAt = Instant(r("closed_at")),
            })],
            History = [.. Rows(files.Table("opportunity_history.csv")).Select(r => new OpportunityChange
            {
                OpportunityId = r("opportunity_id")!,
                ChangedAt = Instant(r("changed_at"))!.Value,
                Stage = r("stage")!,
                Status = SnakeCase.Parse<OpportunityStatus>(r("status")!),
                Amount = Number(r("amount"))!.Value,
                ExpectedCloseDate = Date(r("expected_close_date")),
            }).OrderBy(h => h.OpportunityId, StringComparer.Ordinal).ThenBy(h => h.ChangedAt)],
            Leads = [.. Rows(files.Table("leads.csv")).Select(r => new Lead
            {
                LeadId = r("lead_id")!,
                CreatedAt = Instant(r("created_at"))!.Value,
                Source = SnakeCase.Parse<LeadSource>(r("source")!),
                Channel = r("channel"),
                OwnerRepId = r("owner_rep_id"),
                AccountId = r("account_id"),
                QualifiedAt = Instant(r("qualified_at")),
                DisqualifiedAt = Instant(r("disqualified_at")),
                OpportunityId = r("opportunity_id"),
            })],
            Revenue = [.. Rows(files.Table("revenue.csv")).Select(r => new RevenueLine
            {
                AccountId = r("account_id")!,
                Month = Month(r("month")!),
                ServiceLine = r("service_line")!,
                Revenue = Number(r("revenue"))!.Value,
                Cogs = Number(r("cogs")),
            })],
            Expenses = [.. Rows(files.Table("expenses.csv")).Select(r => new Expense
            {
                Month = Month(r("month")!),
                Category = SnakeCase.Parse<ExpenseCategory>(r("category")!),
                Amount = Number(r("amount"))!.Value,
                Team = r("team"),
            })],
            Engagement = [.. Rows(files.Table("engagement.csv")).Select(r => new EngagementSignal
            {
                AccountId = r("account_id")!,
                OccurredAt = Instant(r("occurred_at"))!.Value,
                Kind = SnakeCase.Parse<EngagementKind>(r("kind")!),
                Value = Number(r("value")),
            })],
            Plans = [.. Rows(files.Table("plans.csv")).Select(r => new PlanLine
            {
                Pillar = SnakeCase.Parse<Pillar>(r("pillar")!),
                Metric = r("metric")!,
                Period = r("period")!,
                Target = Number(r("target"))!.Value,
                Owner = r("owner")!,
                Slice = SliceText.TryParse(r("slice"), out var slice, out _) ? slice : new Dictionary<string, string>(),
            })],
        };
    }

    private static IEnumerable<Func<string, string?>> Rows(CsvTable table) =>
        table.Rows.Select(row => (Func<string, string?>)(column =>
        {
            var value = row[table.Column(column)];
            return value.Length == 0 ? null : value;
        }));

    private static DateOnly? Date(string? text) => text is null ? null : IsoDate.TryParseDate(text, out var d) ? d : throw new FormatException(text);

    private static DateOnly Month(string text) => IsoDate.TryParseMonth(text, out var d) ? d : throw new FormatException(text);

    private static DateTimeOffset? Instant(string? text) => text is null ? null : Instants.TryParse(text, out var t) ? t : throw new FormatException(text);

    private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
