using System.Data.Common;
using Bellwether.Core.Accounts;
using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Import;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Storage.Sql;
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>
/// Loads a workspace into a <see cref="Dataset"/>, whole or only the tables that changed since an earlier load.
/// Activities are counted per rep, day and type by the database.
/// </summary>
internal sealed class DuckDbDatasetReader(DuckDBConnection connection, string workspace, CompanySettings settings)
{
    /// <param name="previous">An earlier load whose tables not in <paramref name="tables"/> are still current; null for none.</param>
    /// <param name="tables">The tables to read (store names); null reads them all. Tables not read are taken from
    /// <paramref name="previous"/>, or are empty. Which files the company has is always read from the store.</param>
    public Dataset Read(Dataset? previous = null, IReadOnlySet<string>? tables = null)
    {
        bool Reads(string table) => tables is null || tables.Contains(table);
        var loads = new List<Action>();
        IReadOnlyList<Rep> reps = previous?.Reps ?? [];
        IReadOnlyList<Quota> quotas = previous?.Quotas ?? [];
        IReadOnlyList<Account> accounts = previous?.Accounts ?? [];
        IReadOnlyList<Stage> stages = previous?.Stages ?? [];
        IReadOnlyList<Opportunity> opportunities = previous?.Opportunities ?? [];
        IReadOnlyList<OpportunityChange> history = previous?.History ?? [];
        IReadOnlyList<Lead> leads = previous?.Leads ?? [];
        IReadOnlyList<ActivityDay> activityDays = previous?.ActivityDays ?? [];
        IReadOnlyList<RevenueLine> revenue = previous?.Revenue ?? [];
        IReadOnlyList<Expense> expenses = previous?.Expenses ?? [];
        IReadOnlyList<EngagementSignal> engagement = previous?.Engagement ?? [];
        IReadOnlyList<PlanLine> plans = previous?.Plans ?? [];
        IReadOnlyList<ActivityStandard> standards = previous?.Standards ?? [];

        if (Reads("reps"))
        {
            loads.Add(() => reps = Query("SELECT rep_id, name, email, team, manager_id, role, region, start_date, end_date FROM reps WHERE workspace_id = $ws ORDER BY rep_id", (r, texts) => new Rep
            {
                RepId = texts.Category(r, 0),
                Name = r.GetString(1),
                Email = Text(r, 2),
                Team = texts.CategoryOrNull(r, 3),
                ManagerId = texts.CategoryOrNull(r, 4),
                Role = SnakeCase.Parse<RepRole>(r.GetString(5)),
                Region = texts.CategoryOrNull(r, 6),
                StartDate = Date(r, 7),
                EndDate = Date(r, 8),
            }));
        }

        if (Reads("quotas"))
        {
            loads.Add(() => quotas = Query("SELECT rep_id, period, amount, metric FROM quotas WHERE workspace_id = $ws ORDER BY rep_id, period, metric", (r, texts) => new Quota
            {
                RepId = texts.Category(r, 0),
                Period = texts.Category(r, 1),
                Amount = Money(r, 2),
                Metric = SnakeCase.Parse<QuotaMetric>(r.GetString(3)),
            }));
        }

        if (Reads("accounts"))
        {
            loads.Add(() => accounts = Query("SELECT account_id, name, vertical, region, employees, annual_revenue, owner_rep_id, created_at FROM accounts WHERE workspace_id = $ws ORDER BY account_id", (r, texts) => new Account
            {
                AccountId = r.GetString(0),
                Name = r.GetString(1),
                Vertical = texts.Category(r, 2),
                Region = texts.CategoryOrNull(r, 3),
                Employees = r.IsDBNull(4) ? null : r.GetInt64(4),
                AnnualRevenue = r.IsDBNull(5) ? null : Money(r, 5),
                OwnerRepId = texts.CategoryOrNull(r, 6),
                CreatedAt = Instant(r, 7),
            }));
        }

        if (Reads("stages"))
        {
            loads.Add(() => stages = Query("SELECT stage, \"order\", probability FROM stages WHERE workspace_id = $ws ORDER BY \"order\", stage", (r, texts) => new Stage
            {
                Name = texts.Category(r, 0),
                Order = (int)r.GetInt64(1),
                Probability = r.IsDBNull(2) ? null : r.GetDouble(2),
            }));
        }

        if (Reads("opportunities"))
        {
            loads.Add(() => opportunities = Query(
            """
            SELECT opportunity_id, account_id, owner_rep_id, service_line, type, source, amount, created_at, expected_close_date,
                   stage, status, closed_at, lost_reason, probability, forecast_category, contract_start, contract_end, term_months
            FROM opportunities WHERE workspace_id = $ws ORDER BY opportunity_id
            """,
            (r, texts) => new Opportunity
            {
                OpportunityId = r.GetString(0),
                AccountId = r.GetString(1),
                OwnerRepId = texts.Category(r, 2),
                ServiceLine = texts.Category(r, 3),
                Type = SnakeCase.Parse<OpportunityType>(r.GetString(4)),
                Source = r.IsDBNull(5) ? null : SnakeCase.Parse<LeadSource>(r.GetString(5)),
                Amount = Money(r, 6),
                CreatedAt = Instant(r, 7)!.Value,
                ExpectedCloseDate = Date(r, 8),
                Stage = texts.Category(r, 9),
                Status = SnakeCase.Parse<OpportunityStatus>(r.GetString(10)),
                ClosedAt = Instant(r, 11),
                LostReason = texts.CategoryOrNull(r, 12),
                Probability = r.IsDBNull(13) ? null : r.GetDouble(13),
                ForecastCategory = r.IsDBNull(14) ? null : SnakeCase.Parse<ForecastCategory>(r.GetString(14)),
                Contract = r.IsDBNull(16) && r.IsDBNull(17)
                    ? null
                    : ContractTerm.From(Date(r, 15), Date(r, 16), r.IsDBNull(17) ? null : (int)r.GetInt64(17), Instant(r, 11) is { } closed ? Instants.DayOf(closed) : null),
            }));
        }

        if (Reads("opportunity_history"))
        {
            loads.Add(() => history = Query(
            """
            SELECT opportunity_id, changed_at, stage, status, amount, expected_close_date, forecast_category, derived
            FROM opportunity_history WHERE workspace_id = $ws ORDER BY opportunity_id, changed_at
            """,
            (r, texts) => new OpportunityChange
            {
                OpportunityId = texts.Run(r, 0),
                ChangedAt = Instant(r, 1)!.Value,
                Stage = texts.Category(r, 2),
                Status = SnakeCase.Parse<OpportunityStatus>(r.GetString(3)),
                Amount = Money(r, 4),
                ExpectedCloseDate = Date(r, 5),
                ForecastCategory = r.IsDBNull(6) ? null : SnakeCase.Parse<ForecastCategory>(r.GetString(6)),
                Derived = r.GetBoolean(7),
            }));
        }

        if (Reads("leads"))
        {
            loads.Add(() => leads = Query(
            """
            SELECT lead_id, created_at, source, channel, owner_rep_id, account_id, qualified_at, disqualified_at, opportunity_id
            FROM leads WHERE workspace_id = $ws ORDER BY lead_id
            """,
            (r, texts) => new Lead
            {
                LeadId = r.GetString(0),
                CreatedAt = Instant(r, 1)!.Value,
                Source = SnakeCase.Parse<LeadSource>(r.GetString(2)),
                Channel = texts.CategoryOrNull(r, 3),
                OwnerRepId = texts.CategoryOrNull(r, 4),
                AccountId = Text(r, 5),
                QualifiedAt = Instant(r, 6),
                DisqualifiedAt = Instant(r, 7),
                OpportunityId = Text(r, 8),
            }));
        }

        if (Reads("activities"))
        {
            loads.Add(() => activityDays = Query(
            """
            SELECT rep_id, CAST(occurred_at AS DATE) AS day, type, count(*) AS n
            FROM activities WHERE workspace_id = $ws GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """,
            (r, texts) => new ActivityDay(texts.Category(r, 0), Date(r, 1)!.Value, SnakeCase.Parse<ActivityType>(r.GetString(2)), (int)r.GetInt64(3))));
        }

        if (Reads("revenue"))
        {
            loads.Add(() => revenue = Query("SELECT account_id, month, service_line, revenue, cogs FROM revenue WHERE workspace_id = $ws ORDER BY month, account_id, service_line", (r, texts) => new RevenueLine
            {
                AccountId = r.GetString(0),
                Month = Date(r, 1)!.Value,
                ServiceLine = texts.Category(r, 2),
                Revenue = Money(r, 3),
                Cogs = r.IsDBNull(4) ? null : Money(r, 4),
            }));
        }

        if (Reads("expenses"))
        {
            loads.Add(() => expenses = Query("SELECT month, category, amount, team FROM expenses WHERE workspace_id = $ws ORDER BY month, category, team", (r, texts) => new Expense
            {
                Month = Date(r, 0)!.Value,
                Category = SnakeCase.Parse<ExpenseCategory>(r.GetString(1)),
                Amount = Money(r, 2),
                Team = texts.CategoryOrNull(r, 3),
            }));
        }

        if (Reads("engagement"))
        {
            loads.Add(() => engagement = Query("SELECT account_id, occurred_at, kind, value FROM engagement WHERE workspace_id = $ws ORDER BY occurred_at, account_id, kind", r => new EngagementSignal
            {
                AccountId = r.GetString(0),
                OccurredAt = Instant(r, 1)!.Value,
                Kind = SnakeCase.Parse<EngagementKind>(r.GetString(2)),
                Value = r.IsDBNull(3) ? null : Money(r, 3),
            }));
        }

        if (Reads("plans"))
        {
            loads.Add(() => plans = Query("SELECT pillar, metric, period, target, owner, slice FROM plans WHERE workspace_id = $ws ORDER BY pillar, metric, period, slice", (r, texts) => new PlanLine
            {
                Pillar = SnakeCase.Parse<Pillar>(r.GetString(0)),
                Metric = texts.Category(r, 1),
                Period = texts.Category(r, 2),
                Target = Money(r, 3),
                Owner = texts.Category(r, 4),
                Slice = SliceText.TryParse(Text(r, 5), out var slice, out _) ? slice : new Dictionary<string, string>(),
            }));
        }

        if (Reads("standards"))
        {
            loads.Add(() => standards = Query("SELECT role, type, per, minimum FROM standards WHERE workspace_id = $ws ORDER BY role, type, per", (r, texts) => new ActivityStandard
            {
                Role = texts.Category(r, 0),
                Type = SnakeCase.Parse<ActivityType>(r.GetString(1)),
                Per = SnakeCase.Parse<StandardPer>(r.GetString(2)),
                Minimum = Money(r, 3),
            }));
        }


        // Tables load side by side, each on its own connection to the same database: reading rows into records is
        // the slow part, and it is spread over the cores.
        Parallel.Invoke(loads.ToArray());
        var files = Present();
        return new Dataset
        {
            Settings = settings,
            Files = files,
            Reps = reps,
            Quotas = quotas,
            Accounts = accounts,
            Stages = stages,
            Opportunities = opportunities,
            History = history,
            Leads = leads,
            ActivityDays = activityDays,
            Revenue = revenue,
            Expenses = expenses,
            Engagement = engagement,
            Plans = plans,
            Standards = standards,
        };
    }

    /// <summary>The files the workspace holds rows of; history counts only when some of it came from a history file.</summary>
    private HashSet<string> Present()
    {
        var checks = string.Join(" UNION ALL ", FileSchemas.All.Select(s =>
            s == FileSchemas.OpportunityHistory
                ? $"SELECT '{s.FileName}' WHERE EXISTS (SELECT 1 FROM opportunity_history WHERE workspace_id = $ws AND NOT derived)"
                : $"SELECT '{s.FileName}' WHERE EXISTS (SELECT 1 FROM {SqlDialect.Quote(s.Table)} WHERE workspace_id = $ws)"));
        return [.. Query(checks, r => r.GetString(0))];
    }

    private List<T> Query<T>(string sql, Func<DbDataReader, T> map) => Query(sql, (r, _) => map(r));

    /// <summary>The rows of <paramref name="sql"/>, mapped with a <see cref="TextPool"/> of their own.</summary>
    private List<T> Query<T>(string sql, Func<DbDataReader, TextPool, T> map)
    {
        // A second connection to the same file shares the process's one database instance (DuckDB.NET keeps one per path).
        using var own = new DuckDBConnection(connection.ConnectionString);
        own.Open();
        using var command = own.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("ws", workspace));
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        var texts = new TextPool();
        while (reader.Read())
        {
            rows.Add(map(reader, texts));
        }

        // The list doubled as it grew: up to half of its array is empty, and the company is held for as long as it serves.
        rows.TrimExcess();
        return rows;
    }

    /// <summary>
    /// A DECIMAL(18,6) without its trailing zeros, so that 1000 reads as 1000 and not 1000.000000 wherever it is printed.
    /// </summary>
    private static decimal Money(DbDataReader r, int i) => r.GetDecimal(i) / 1.000000000000000000000000000000000m;

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static DateTimeOffset? Instant(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}
