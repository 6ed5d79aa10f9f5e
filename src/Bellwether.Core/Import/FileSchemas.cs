using Bellwether.Core.Accounts;
using Bellwether.Core.Activities;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Import;

/// <summary>
/// Every file of the folder format, exactly as data-format.md defines it, in the order an import processes them:
/// a file comes after every file it references.
/// </summary>
public static class FileSchemas
{
    public static readonly FileSchema Reps = new()
    {
        FileName = "reps.csv",
        Table = "reps",
        Key = ["rep_id"],
        Required = true,
        TracksAbsent = true,
        Columns =
        [
            Id("rep_id", required: true),
            Text("name", required: true),
            Text("email"),
            Text("team"),
            Id("manager_id") with { References = "reps.csv" },
            Enum<RepRole>("role", @default: RepRole.Ae),
            Text("region"),
            new("start_date", ColumnKind.Date),
            new("end_date", ColumnKind.Date),
        ],
        Rule = (cells, schema, report) =>
        {
            var start = cells[schema.IndexOf("start_date")];
            var end = cells[schema.IndexOf("end_date")];
            if (!start.IsNull && !end.IsNull && end.Ticks < start.Ticks)
            {
                report("end_date", $"is before start_date {start.Date:yyyy-MM-dd}");
            }
        },
    };

    public static readonly FileSchema Accounts = new()
    {
        FileName = "accounts.csv",
        Table = "accounts",
        Key = ["account_id"],
        TracksAbsent = true,
        Columns =
        [
            Id("account_id", required: true),
            Text("name", required: true),
            Text("vertical") with { Default = Account.UnknownVertical },
            Text("region"),
            new("employees", ColumnKind.Count),
            new("annual_revenue", ColumnKind.Money),
            Id("owner_rep_id") with { References = "reps.csv" },
            new("created_at", ColumnKind.Instant),
        ],
    };

    public static readonly FileSchema Stages = new()
    {
        FileName = "stages.csv",
        Table = "stages",
        Key = ["stage"],
        Columns =
        [
            Text("stage", required: true),
            new("order", ColumnKind.Count, Required: true),
            new("probability", ColumnKind.Probability),
        ],
    };

    public static readonly FileSchema Opportunities = new()
    {
        FileName = "opportunities.csv",
        Table = "opportunities",
        Key = ["opportunity_id"],
        Required = true,
        TracksAbsent = true,
        Columns =
        [
            Id("opportunity_id", required: true),
            Id("account_id", required: true) with { References = "accounts.csv" },
            Id("owner_rep_id", required: true) with { References = "reps.csv" },
            Text("service_line", required: true),
            Enum<OpportunityType>("type", @default: OpportunityType.NewBusiness),
            Enum<LeadSource>("source"),
            new("amount", ColumnKind.Money, Required: true),
            new("created_at", ColumnKind.Instant, Required: true),
            new("expected_close_date", ColumnKind.Date),
            Text("stage", required: true),
            Enum<OpportunityStatus>("status", required: true),
            new("closed_at", ColumnKind.Instant),
            Text("lost_reason"),
            new("probability", ColumnKind.Probability),
            Enum<ForecastCategory>("forecast_category"),
            new("contract_start", ColumnKind.Date),
            new("contract_end", ColumnKind.Date),
            new("term_months", ColumnKind.Count),
        ],
        Rule = CheckOpportunity,
    };

    public static readonly FileSchema OpportunityHistory = new()
    {
        FileName = "opportunity_history.csv",
        Table = "opportunity_history",
        Key = ["opportunity_id", "changed_at"],
        Columns =
        [
            Id("opportunity_id", required: true) with { References = "opportunities.csv" },
            new("changed_at", ColumnKind.Instant, Required: true),
            Text("stage", required: true),
            Enum<OpportunityStatus>("status", required: true),
            new("amount", ColumnKind.Money, Required: true),
            new("expected_close_date", ColumnKind.Date),
            Enum<ForecastCategory>("forecast_category"),
        ],
    };

    public static readonly FileSchema Leads = new()
    {
        FileName = "leads.csv",
        Table = "leads",
        Key = ["lead_id"],
        TracksAbsent = true,
        Columns =
        [
            Id("lead_id", required: true),
            new("created_at", ColumnKind.Instant, Required: true),
            Enum<LeadSource>("source", required: true),
            Text("channel"),
            Id("owner_rep_id") with { References = "reps.csv" },
            Id("account_id") with { References = "accounts.csv" },
            new("qualified_at", ColumnKind.Instant),
            new("disqualified_at", ColumnKind.Instant),
            Id("opportunity_id") with { References = "opportunities.csv" },
        ],
    };

    public static readonly FileSchema Activities = new()
    {
        FileName = "activities.csv",
        Table = "activities",
        Key = ["activity_id"],
        Columns =
        [
            Id("activity_id", required: true),
            Id("rep_id", required: true) with { References = "reps.csv" },
            Enum<ActivityType>("type", required: true),
            new("occurred_at", ColumnKind.Instant, Required: true),
            Id("account_id") with { References = "accounts.csv" },
            Id("opportunity_id") with { References = "opportunities.csv" },
            Id("lead_id") with { References = "leads.csv" },
            Text("outcome"),
            new("duration_minutes", ColumnKind.Count),
        ],
    };

    public static readonly FileSchema Quotas = new()
    {
        FileName = "quotas.csv",
        Table = "quotas",
        Key = ["rep_id", "period", "metric"],
        Columns =
        [
            Id("rep_id", required: true) with { References = "reps.csv" },
            new("period", ColumnKind.Period, Required: true),
            new("amount", ColumnKind.Money, Required: true),
            Enum<QuotaMetric>("metric", @default: QuotaMetric.Bookings),
        ],
    };

    public static readonly FileSchema Revenue = new()
    {
        FileName = "revenue.csv",
        Table = "revenue",
        Key = ["account_id", "month", "service_line"],
        Columns =
        [
            Id("account_id", required: true) with { References = "accounts.csv" },
            new("month", ColumnKind.Month, Required: true),
            Text("service_line", required: true),
            new("revenue", ColumnKind.Money, Required: true),
            new("cogs", ColumnKind.Money),
        ],
    };

    public static readonly FileSchema Expenses = new()
    {
        FileName = "expenses.csv",
        Table = "expenses",
        Key = ["month", "category", "team"],
        Columns =
        [
            new("month", ColumnKind.Month, Required: true),
            Enum<ExpenseCategory>("category", required: true),
            new("amount", ColumnKind.Money, Required: true),
            Text("team"),
        ],
    };

    public static readonly FileSchema Engagement = new()
    {
        FileName = "engagement.csv",
        Table = "engagement",
        Key = ["event_id"],
        OptionalKey = true,
        Columns =
        [
            Id("event_id"),
            Id("account_id", required: true) with { References = "accounts.csv" },
            new("occurred_at", ColumnKind.Instant, Required: true),
            Enum<EngagementKind>("kind", required: true),
            new("value", ColumnKind.SignedNumber),
        ],
    };

    public static readonly FileSchema Plans = new()
    {
        FileName = "plans.csv",
        Table = "plans",
        Key = ["pillar", "metric", "period", "slice"],
        Columns =
        [
            Enum<Pillar>("pillar", required: true),
            new("metric", ColumnKind.Enum, Required: true)
            {
                Allowed = Indicators.IndicatorCatalog.Names,
                AllowedText = "an indicator's name from indicators.md (e.g. bookings, grr, expansion_revenue, operating_margin)",
            },
            new("period", ColumnKind.Period, Required: true),
            new("target", ColumnKind.SignedNumber, Required: true),
            Text("owner", required: true),
            new("slice", ColumnKind.Slice),
        ],
    };

    public static readonly FileSchema Standards = new()
    {
        FileName = "standards.csv",
        Table = "standards",
        Key = ["role", "type", "per"],
        Columns =
        [
            Id("role", required: true) with { References = "reps.csv", ReferenceUnless = ["ae", "sdr", "am"] },
            Enum<ActivityType>("type", required: true),
            Enum<StandardPer>("per", required: true),
            new("minimum", ColumnKind.Money, Required: true),
        ],
    };

    /// <summary>Every file, each after the files it references.</summary>
    public static readonly IReadOnlyList<FileSchema> All =
        [Reps, Accounts, Stages, Opportunities, OpportunityHistory, Leads, Activities, Quotas, Revenue, Expenses, Engagement, Plans, Standards];

    public static FileSchema? ForFile(string fileName) =>
        All.FirstOrDefault(s => string.Equals(s.FileName, fileName, StringComparison.OrdinalIgnoreCase));

    private static void CheckOpportunity(ReadOnlySpan<Cell> cells, FileSchema schema, Action<string, string> report)
    {
        var status = cells[schema.IndexOf("status")].Text;
        var closed = cells[schema.IndexOf("closed_at")];
        var created = cells[schema.IndexOf("created_at")];
        var isOpen = status == SnakeCase.Name(OpportunityStatus.Open);
        if (isOpen && !closed.IsNull)
        {
            report("closed_at", "must be empty when status is open");
        }
        else if (!isOpen && closed.IsNull)
        {
            report("closed_at", $"is required when status is {status}");
        }
        else if (!closed.IsNull && closed.Ticks < created.Ticks)
        {
            report("closed_at", $"is before created_at {Instants.Format(created.Instant)}");
        }

        CheckContract(cells, schema, report);
    }

    /// <summary>
    /// The contract columns: a term of at least one month, and an end on or after the contract's start (contract_start,
    /// or the day the deal closed when it is empty). A given contract_end decides the term; term_months is then not read.
    /// </summary>
    private static void CheckContract(ReadOnlySpan<Cell> cells, FileSchema schema, Action<string, string> report)
    {
        var start = cells[schema.IndexOf("contract_start")];
        var end = cells[schema.IndexOf("contract_end")];
        var months = cells[schema.IndexOf("term_months")];
        var closed = cells[schema.IndexOf("closed_at")];
        if (!months.IsNull && months.Number < 1)
        {
            report("term_months", "is not a term (at least 1 month)");
        }
        else if (!months.IsNull && months.Number > 1200)
        {
            report("term_months", "is longer than 100 years");
        }

        if (end.IsNull)
        {
            return;
        }

        if (!start.IsNull && end.Date < start.Date)
        {
            report("contract_end", $"is before contract_start {start.Date:yyyy-MM-dd}");
        }
        else if (start.IsNull && !closed.IsNull && end.Date < DateOnly.FromDateTime(closed.Instant.UtcDateTime))
        {
            report("contract_end", $"is before the contract's start, closed_at {DateOnly.FromDateTime(closed.Instant.UtcDateTime):yyyy-MM-dd} (contract_start is empty)");
        }
    }

    private static ColumnSpec Id(string name, bool required = false) => new(name, ColumnKind.Id, required);

    private static ColumnSpec Text(string name, bool required = false) => new(name, ColumnKind.Text, required);

    private static ColumnSpec Enum<T>(string name, bool required = false)
        where T : struct, System.Enum => new(name, ColumnKind.Enum, required) { Allowed = SnakeCase.AllNames<T>() };

    private static ColumnSpec Enum<T>(string name, T @default)
        where T : struct, System.Enum => Enum<T>(name) with { Default = SnakeCase.Name(@default) };
}
