using System.Globalization;
using Bellwether.Core.Import;

namespace Bellwether.Core.Tests.Demo;

public sealed class DemoCompanyTests(DefaultDemoFixture fixture) : IClassFixture<DefaultDemoFixture>
{
    private readonly DemoFiles _files = fixture.Files;

    [Fact]
    public void EveryFileOfTheFormat_IsWritten_WithItsSchemaHeader()
    {
        foreach (var schema in FileSchemas.All)
        {
            var table = _files.Table(schema.FileName);
            Assert.Equal(schema.Columns.Select(c => c.Name), table.Header);
            Assert.NotEmpty(table.Rows);
            Assert.Equal(table.Rows.Count, _files.Summary.Rows[schema.FileName]);
        }
    }

    [Fact]
    public void EveryRow_PassesTheImportRules_WithUniqueKeys()
    {
        foreach (var schema in FileSchemas.All)
        {
            var table = _files.Table(schema.FileName);
            var reader = new RowReader(schema, table.Header);
            Assert.Empty(reader.HeaderProblems);
            var errors = new ImportErrors();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var keyColumns = schema.Key.Select(table.Column).ToArray();
            for (var i = 0; i < table.Rows.Count; i++)
            {
                reader.TryRead(table.Rows[i], schema.FileName, i + 2, errors);
                if (schema.OptionalKey && keyColumns.All(c => table.Rows[i][c].Length == 0))
                {
                    continue; // an event without an id: identical rows are separate events
                }

                Assert.True(keys.Add(string.Join('\u001f', keyColumns.Select(c => table.Rows[i][c]))), $"{schema.FileName}:{i + 2} repeats its key");
            }

            Assert.True(errors.Count == 0, string.Join('\n', errors.Listed.Take(10)));
        }
    }

    [Fact]
    public void EveryReference_NamesARowOfTheReferencedFile()
    {
        foreach (var schema in FileSchemas.All)
        {
            var table = _files.Table(schema.FileName);
            foreach (var column in schema.Columns.Where(c => c.References is not null))
            {
                var target = FileSchemas.ForFile(column.References!)!;
                var ids = _files.Table(target.FileName).Values(target.Key[0]).ToHashSet(StringComparer.Ordinal);
                var missing = table.Values(column.Name)
                    .Where(v => v.Length > 0 && !column.ReferenceUnless.Contains(v) && !ids.Contains(v))
                    .Take(5)
                    .ToList();
                Assert.True(missing.Count == 0, $"{schema.FileName} {column.Name} names unknown ids: {string.Join(", ", missing)}");
            }
        }
    }

    [Fact]
    public void NoInstant_IsAtOrAfterTheCompanysNow()
    {
        var now = _files.Options.Now;
        foreach (var schema in FileSchemas.All)
        {
            var table = _files.Table(schema.FileName);
            foreach (var column in schema.Columns.Where(c => c.Kind == ColumnKind.Instant))
            {
                var late = table.Values(column.Name).Where(v => v.Length > 0 && Instant(v) >= now).Take(3).ToList();
                Assert.True(late.Count == 0, $"{schema.FileName} {column.Name}: {string.Join(", ", late)}");
            }
        }
    }

    [Fact]
    public void History_SpansAboutThreeYears()
    {
        var leads = _files.Table("leads.csv").Values("created_at").Select(Instant).ToList();
        var start = new DateTimeOffset(_files.Options.HistoryStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.InRange(leads.Min(), start, start.AddDays(3));
        Assert.InRange(leads.Max(), _files.Options.Now.AddDays(-3), _files.Options.Now);
        var months = _files.Table("revenue.csv").Values("month").Distinct().Count();
        Assert.InRange(months, 35, 37);
    }

    [Fact]
    public void Reps_Are20To40OnEveryDay_InTeamsWithManagers_WithHiresAndLeavers()
    {
        var reps = _files.Table("reps.csv");
        var role = reps.Column("role");
        var start = reps.Column("start_date");
        var end = reps.Column("end_date");
        var managers = reps.Rows.Where(r => r[role] == "manager").Select(r => r[0]).ToHashSet();
        Assert.True(managers.Count >= 4);
        Assert.All(reps.Rows.Where(r => r[role] != "manager"), r => Assert.Contains(r[reps.Column("manager_id")], managers));
        Assert.All(reps.Rows, r => Assert.NotEqual("", r[reps.Column("team")]));
        for (var day = _files.Options.HistoryStart; day <= _files.Options.HistoryEnd; day = day.AddDays(7))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var active = reps.Rows.Count(r => string.CompareOrdinal(r[start], text) <= 0 && (r[end].Length == 0 || string.CompareOrdinal(r[end], text) >= 0));
            Assert.InRange(active, 20, 40);
        }

        var historyStart = _files.Options.HistoryStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(reps.Rows, r => string.CompareOrdinal(r[start], historyStart) > 0);
        Assert.Contains(reps.Rows, r => r[end].Length > 0);
        Assert.Equal(["ae", "am", "manager", "sdr"], reps.Values("role").Distinct().Order());
    }

    [Fact]
    public void Company_Has4To7Verticals_And4To6ServiceLines()
    {
        Assert.InRange(_files.Table("accounts.csv").Values("vertical").Distinct().Count(), 4, 7);
        Assert.InRange(_files.Table("opportunities.csv").Values("service_line").Distinct().Count(), 4, 6);
    }

    [Fact]
    public void Deals_AreOfAllThreeTypes_OpenWonAndLost()
    {
        var opps = _files.Table("opportunities.csv");
        var type = opps.Column("type");
        var status = opps.Column("status");
        foreach (var t in new[] { "new_business", "expansion", "renewal" })
        {
            foreach (var s in new[] { "open", "won", "lost" })
            {
                Assert.Contains(opps.Rows, r => r[type] == t && r[status] == s);
            }
        }

        Assert.InRange(opps.Rows.Count, 7_000, 13_000);
    }

    [Fact]
    public void EachDealsHistory_StartsAtCreation_IsOrdered_AndEndsWithItsCurrentRow()
    {
        var opps = _files.Table("opportunities.csv");
        var history = _files.Table("opportunity_history.csv");
        var byDeal = history.Rows.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var slipped = 0;
        var amountChanged = 0;
        foreach (var opp in opps.Rows)
        {
            var rows = byDeal[opp[0]];
            Assert.Equal(opp[opps.Column("created_at")], rows[0][1]);
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(string.CompareOrdinal(rows[i - 1][1], rows[i][1]) < 0, $"{opp[0]} history is not ordered");
            }

            var last = rows[^1];
            foreach (var column in new[] { "stage", "status", "amount", "expected_close_date", "forecast_category" })
            {
                Assert.Equal(opp[opps.Column(column)], last[history.Column(column)]);
            }

            if (opp[opps.Column("closed_at")].Length > 0)
            {
                Assert.Equal(opp[opps.Column("closed_at")], last[1]);
            }

            slipped += rows.Zip(rows.Skip(1)).Any(p => string.CompareOrdinal(p.Second[5], p.First[5]) > 0 && p.Second[3] == "open") ? 1 : 0;
            amountChanged += rows.Select(r => r[4]).Distinct().Count() > 1 ? 1 : 0;
        }

        Assert.True(slipped > opps.Rows.Count / 10, $"only {slipped} deals slipped");
        Assert.True(amountChanged > opps.Rows.Count / 20, $"only {amountChanged} deals changed amount");
    }

    [Fact]
    public void Stages_AreOrdered_WithProbabilities()
    {
        var stages = _files.Table("stages.csv");
        Assert.Equal(7, stages.Rows.Count);
        var used = _files.Table("opportunities.csv").Values("stage").ToHashSet();
        Assert.Subset(stages.Values("stage").ToHashSet(), used);
    }

    [Fact]
    public void Plans_CoverTheFourPillars_WithTheirOwners_MonthsQuartersYears_AndTheFuture()
    {
        var plans = _files.Table("plans.csv");
        var owners = plans.Rows.Select(r => (r[0], r[1], r[4])).Distinct().ToList();
        Assert.Contains(("new_business", "bookings", "President"), owners);
        Assert.Contains(("retention", "grr", "COO"), owners);
        Assert.Contains(("expansion", "expansion_revenue", "President"), owners);
        Assert.Contains(("cost_model", "operating_margin", "CFO"), owners);
        Assert.Equal(4, plans.Values("pillar").Distinct().Count());
        var periods = plans.Values("period").ToHashSet();
        Assert.Contains("2026", periods);
        Assert.Contains("2026-Q4", periods);
        Assert.Contains("2026-12", periods);
        Assert.Contains("2025-Q2", periods);
        // History ends in 2026's last quarter, by when next year's plan is set.
        Assert.Contains("2027", periods);
        Assert.Contains("2027-Q1", periods);
        foreach (var pillar in new[] { "new_business", "retention", "expansion", "cost_model" })
        {
            Assert.Contains(plans.Rows, r => r[0] == pillar && r[2] == "2026-12");
        }
    }

    [Fact]
    public void NewBusinessPlan_IsTheTrailingYearsNewBusinessBookings_PlusAQuarter()
    {
        // Fiscal years are calendar years in the demo: the 2026 plan is set on 2025-10-01, the first day of 2025's last
        // quarter, from the twelve months before it.
        var deals = _files.Table("opportunities.csv");
        var (type, status, closed, amount) = (deals.Column("type"), deals.Column("status"), deals.Column("closed_at"), deals.Column("amount"));
        var bookedBefore = deals.Rows
            .Where(r => r[type] == "new_business" && r[status] == "won"
                && string.CompareOrdinal(r[closed], "2024-10-01") >= 0 && string.CompareOrdinal(r[closed], "2025-10-01") < 0)
            .Sum(r => decimal.Parse(r[amount], CultureInfo.InvariantCulture));
        var plans = _files.Table("plans.csv");
        decimal Target(string period) => plans.Rows
            .Where(r => r[0] == "new_business" && r[2] == period && r[5] == "type=new_business")
            .Select(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)).Single();

        // Each month's target is rounded to the thousand.
        Assert.InRange(Target("2026"), (bookedBefore * 1.25m) - 6_000, (bookedBefore * 1.25m) + 6_000);
        Assert.Equal(Target("2026"), Enumerable.Range(1, 4).Sum(q => Target($"2026-Q{q}")));
        Assert.Equal(Target("2026-Q4"), Target("2026-10") + Target("2026-11") + Target("2026-12"));
    }

    [Fact]
    public void Quotas_AreBookingsForSellers_AndMeetingsForSdrs_IncludingTheRestOfTheYear()
    {
        var reps = _files.Table("reps.csv").Rows.ToDictionary(r => r[0], r => r[5]);
        var quotas = _files.Table("quotas.csv");
        Assert.All(quotas.Rows, q => Assert.Equal(reps[q[0]] == "sdr" ? "meetings" : "bookings", q[3]));
        Assert.Contains(quotas.Rows, q => q[1] == "2026-12" && q[3] == "meetings");
        Assert.Contains(quotas.Rows, q => q[1] == "2026-Q4" && q[3] == "bookings");
        Assert.Contains(quotas.Rows, q => q[1] == "2024-Q2" && reps[q[0]] == "am");
    }

    [Fact]
    public void Activities_AreAboutTwentyPerDeal_AndOfEveryType()
    {
        var activities = _files.Table("activities.csv");
        var ratio = activities.Rows.Count / (double)_files.Table("opportunities.csv").Rows.Count;
        Assert.InRange(ratio, 15, 25);
        Assert.Equal(["call", "demo", "email", "meeting", "other", "proposal"], activities.Values("type").Distinct().Order());
        Assert.Contains(activities.Rows, a => a[activities.Column("opportunity_id")].Length > 0);
        Assert.Contains(activities.Rows, a => a[activities.Column("lead_id")].Length > 0);
    }

    [Fact]
    public void SomeSdrs_FallShortOfTheirCallStandard_AndSomeMeetIt()
    {
        var reps = _files.Table("reps.csv").Rows.Where(r => r[5] == "sdr").ToDictionary(r => r[0], r => r);
        var calls = _files.Table("activities.csv").Rows
            .Where(a => a[2] == "call" && reps.ContainsKey(a[1]))
            .GroupBy(a => a[1])
            .ToDictionary(g => g.Key, g => g.Count());
        var perDay = reps.Values
            .Select(r => calls.GetValueOrDefault(r[0]) / (double)WorkingDays(r))
            .ToList();
        var standard = double.Parse(_files.Table("standards.csv").Rows.Single(s => s[0] == "sdr" && s[1] == "call")[3], CultureInfo.InvariantCulture);
        Assert.Contains(perDay, d => d < standard);
        Assert.Contains(perDay, d => d >= standard);
    }

    [Fact]
    public void InboundLeads_FallDuringTheShock()
    {
        var leads = _files.Table("leads.csv").Rows.Where(r => r[2] == "inbound").GroupBy(r => r[1][..7]).ToDictionary(g => g.Key, g => g.Count());
        var shock = _files.Options.HistoryStart.AddMonths(18);
        var shockMonths = new[] { shock, shock.AddMonths(1) }.Select(Month).ToList();
        var yearBefore = shockMonths.Select(m => leads[Month(DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).AddYears(-1))]).Sum();
        Assert.True(shockMonths.Sum(m => leads[m]) < 0.8 * yearBefore, "inbound leads did not fall in the shock");
    }

    [Fact]
    public void Verticals_Trend_SomeThrivingSomeStalling()
    {
        var verticals = _files.Table("accounts.csv").Rows.ToDictionary(r => r[0], r => r[2]);
        var won = _files.Table("opportunities.csv").Rows.Where(r => r[10] == "won" && r[4] == "new_business").ToList();
        double Growth(Func<string, bool> vertical)
        {
            var first = won.Where(r => vertical(verticals[r[1]]) && r[11].StartsWith("2024", StringComparison.Ordinal)).Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture));
            var last = won.Where(r => vertical(verticals[r[1]]) && r[11].StartsWith("2026", StringComparison.Ordinal)).Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture));
            return (double)(last / first);
        }

        var company = Growth(_ => true);
        Assert.True(Growth(v => v == "finance") > company * 1.2);
        Assert.True(Growth(v => v == "retail") < company * 0.8);
    }

    [Fact]
    public void Finance_HasRevenueWithCogs_AndExpensesOfEveryCategory_ForClosedMonthsOnly()
    {
        var revenue = _files.Table("revenue.csv");
        Assert.All(revenue.Rows, r => Assert.NotEqual("", r[4]));
        Assert.Equal("2026-10", revenue.Values("month").Max());
        var expenses = _files.Table("expenses.csv");
        Assert.Equal(8, expenses.Values("category").Distinct().Count());
        Assert.Equal(revenue.Values("month").Distinct().Order(), expenses.Values("month").Distinct().Order());
        var kinds = _files.Table("engagement.csv").Values("kind").Distinct().Order();
        Assert.Equal(["csat", "meeting", "nps", "qbr", "support_ticket", "usage"], kinds);
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private int WorkingDays(string[] rep)
    {
        var from = DateOnly.ParseExact(rep[7], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = rep[8].Length > 0 ? DateOnly.ParseExact(rep[8], "yyyy-MM-dd", CultureInfo.InvariantCulture) : _files.Options.HistoryEnd;
        if (from < _files.Options.HistoryStart)
        {
            from = _files.Options.HistoryStart;
        }

        var days = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            days += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return Math.Max(1, days);
    }
}
