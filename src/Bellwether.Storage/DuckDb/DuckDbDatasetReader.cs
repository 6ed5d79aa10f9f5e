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
using DuckDB.NET.Data;

namespace Bellwether.Storage.DuckDb;

/// <summary>Loads a workspace into a <see cref="Dataset"/>. Activities are counted per rep, day and type by the database.</summary>
internal sealed class DuckDbDatasetReader(DuckDBConnection connection, string workspace, CompanySettings settings)
{
    public Dataset Read()
    {
        var reps = Query("SELECT rep_id, name, email, team, manager_id, role, region, start_date, end_date FROM reps WHERE workspace_id = $ws ORDER BY rep_id", r => new Rep
        {
            RepId = r.GetString(0),
            Name = r.GetString(1),
            Email = Text(r, 2),
            Team = Text(r, 3),
            ManagerId = Text(r, 4),
            Role = SnakeCase.Parse<RepRole>(r.GetString(5)),
            Region = Text(r, 6),
            StartDate = Date(r, 7),
            EndDate = Date(r, 8),
        });
        var quotas = Query("SELECT rep_id, period, amount, metric FROM quotas WHERE workspace_id = $ws ORDER BY rep_id, period, metric", r => new Quota
        {
            RepId = r.GetString(0),
            Period = r.GetString(1),
            Amount = r.GetDecimal(2),
            Metric = SnakeCase.Parse<QuotaMetric>(r.GetString(3)),
        });
        var accounts = Query("SELECT account_id, name, vertical, region, employees, annual_revenue, owner_rep_id, created_at FROM accounts WHERE workspace_id = $ws ORDER BY account_id", r => new Account
        {
            AccountId = r.GetString(0),
            Name = r.GetString(1),
            Vertical = r.GetString(2),
            Region = Text(r, 3),
            Employees = r.IsDBNull(4) ? null : r.GetInt64(4),
            AnnualRevenue = r.IsDBNull(5) ? null : r.GetDecimal(5),
            OwnerRepId = Text(r, 6),
            CreatedAt = Instant(r, 7),
        });
        var stages = Query("SELECT stage, \"order\", probability FROM stages WHERE workspace_id = $ws ORDER BY \"order\", stage", r => new Stage
        {
            Name = r.GetString(0),
            Order = (int)r.GetInt64(1),
            Probability = r.IsDBNull(2) ? null : r.GetDouble(2),
        });
        var opportunities = Query(
            """
            SELECT opportunity_id, account_id, owner_rep_id, service_line, type, source, amount, created_at, expected_close_date,
                   stage, status, closed_at, lost_reason, probability, forecast_category
            FROM opportunities WHERE workspace_id = $ws ORDER BY opportunity_id
            """,
            r => new Opportunity
            {
                OpportunityId = r.GetString(0),
                AccountId = r.GetString(1),
                OwnerRepId = r.GetString(2),
                ServiceLine = r.GetString(3),
                Type = SnakeCase.Parse<OpportunityType>(r.GetString(4)),
                Source = r.IsDBNull(5) ? null : SnakeCase.Parse<LeadSource>(r.GetString(5)),
                Amount = r.GetDecimal(6),
                CreatedAt = Instant(r, 7)!.Value,
                ExpectedCloseDate = Date(r, 8),
                Stage = r.GetString(9),
                Status = SnakeCase.Parse<OpportunityStatus>(r.GetString(10)),
                ClosedAt = Instant(r, 11),
                LostReason = Text(r, 12),
                Probability = r.IsDBNull(13) ? null : r.GetDouble(13),
                ForecastCategory = r.IsDBNull(14) ? null : SnakeCase.Parse<ForecastCategory>(r.GetString(14)),
            });
        var history = Query(
            """
            SELECT opportunity_id, changed_at, stage, status, amount, expected_close_date, forecast_category, derived
            FROM opportunity_history WHERE workspace_id = $ws ORDER BY opportunity_id, changed_at
            """,
            r => new OpportunityChange
            {
                OpportunityId = r.GetString(0),
                ChangedAt = Instant(r, 1)!.Value,
                Stage = r.GetString(2),
                Status = SnakeCase.Parse<OpportunityStatus>(r.GetString(3)),
                Amount = r.GetDecimal(4),
                ExpectedCloseDate = Date(r, 5),
                ForecastCategory = r.IsDBNull(6) ? null : SnakeCase.Parse<ForecastCategory>(r.GetString(6)),
                Derived = r.GetBoolean(7),
            });
        var leads = Query(
            """
            SELECT lead_id, created_at, source, channel, owner_rep_id, account_id, qualified_at, disqualified_at, opportunity_id
            FROM leads WHERE workspace_id = $ws ORDER BY lead_id
            """,
            r => new Lead
            {
                LeadId = r.GetString(0),
                CreatedAt = Instant(r, 1)!.Value,
                Source = SnakeCase.Parse<LeadSource>(r.GetString(2)),
                Channel = Text(r, 3),
                OwnerRepId = Text(r, 4),
                AccountId = Text(r, 5),
                QualifiedAt = Instant(r, 6),
                DisqualifiedAt = Instant(r, 7),
                OpportunityId = Text(r, 8),
            });
        var activityDays = Query(
            """
            SELECT rep_id, CAST(occurred_at AS DATE) AS day, type, count(*) AS n
            FROM activities WHERE workspace_id = $ws GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """,
            r => new ActivityDay(r.GetString(0), Date(r, 1)!.Value, SnakeCase.Parse<ActivityType>(r.GetString(2)), (int)r.GetInt64(3)));
        var revenue = Query("SELECT account_id, month, service_line, revenue, cogs FROM revenue WHERE workspace_id = $ws ORDER BY month, account_id, service_line", r => new RevenueLine
        {
            AccountId = r.GetString(0),
            Month = Date(r, 1)!.Value,
            ServiceLine = r.GetString(2),
            Revenue = r.GetDecimal(3),
            Cogs = r.IsDBNull(4) ? null : r.GetDecimal(4),
        });
        var expenses = Query("SELECT month, category, amount, team FROM expenses WHERE workspace_id = $ws ORDER BY month, category, team", r => new Expense
        {
            Month = Date(r, 0)!.Value,
            Category = SnakeCase.Parse<ExpenseCategory>(r.GetString(1)),
            Amount = r.GetDecimal(2),
            Team = Text(r, 3),
        });
        var engagement = Query("SELECT account_id, occurred_at, kind, value FROM engagement WHERE workspace_id = $ws ORDER BY occurred_at, account_id, kind", r => new EngagementSignal
        {
            AccountId = r.GetString(0),
            OccurredAt = Instant(r, 1)!.Value,
            Kind = SnakeCase.Parse<EngagementKind>(r.GetString(2)),
            Value = r.IsDBNull(3) ? null : r.GetDecimal(3),
        });
        var plans = Query("SELECT pillar, metric, period, target, owner, slice FROM plans WHERE workspace_id = $ws ORDER BY pillar, metric, period, slice", r => new PlanLine
        {
            Pillar = SnakeCase.Parse<Pillar>(r.GetString(0)),
            Metric = r.GetString(1),
            Period = r.GetString(2),
            Target = r.GetDecimal(3),
            Owner = r.GetString(4),
            Slice = SliceText.TryParse(Text(r, 5), out var slice, out _) ? slice : new Dictionary<string, string>(),
        });
        var standards = Query("SELECT role, type, per, minimum FROM standards WHERE workspace_id = $ws ORDER BY role, type, per", r => new ActivityStandard
        {
            Role = r.GetString(0),
            Type = SnakeCase.Parse<ActivityType>(r.GetString(1)),
            Per = SnakeCase.Parse<StandardPer>(r.GetString(2)),
            Minimum = r.GetDecimal(3),
        });

        var files = new HashSet<string>(StringComparer.Ordinal);
        void Present<T>(IReadOnlyCollection<T> rows, FileSchema schema)
        {
            if (rows.Count > 0)
            {
                files.Add(schema.FileName);
            }
        }

        Present(reps, FileSchemas.Reps);
        Present(quotas, FileSchemas.Quotas);
        Present(accounts, FileSchemas.Accounts);
        Present(stages, FileSchemas.Stages);
        Present(opportunities, FileSchemas.Opportunities);
        Present(leads, FileSchemas.Leads);
        Present(activityDays, FileSchemas.Activities);
        Present(revenue, FileSchemas.Revenue);
        Present(expenses, FileSchemas.Expenses);
        Present(engagement, FileSchemas.Engagement);
        Present(plans, FileSchemas.Plans);
        Present(standards, FileSchemas.Standards);
        if (history.Any(h => !h.Derived))
        {
            // Recorded-by-comparison history is partial: only a file of history makes exact "as of" views.
            files.Add(FileSchemas.OpportunityHistory.FileName);
        }

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

    private List<T> Query<T>(string sql, Func<DbDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("ws", workspace));
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static DateTimeOffset? Instant(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : new DateTimeOffset(DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc));
}
