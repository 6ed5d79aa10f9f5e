using System.Globalization;
using System.Text.Json;
using Bellwether.Testing;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Plans;

/// <summary>`bellwether plans` end to end on the demo company's store (history to 2026-06-30), read as of its last day.</summary>
public sealed class PlansCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void ClosedPeriods_AreJudgedOnTheirActuals_AsTheFilesAddThemUp()
    {
        // The same company written as files: the expected figures come from them, not from the engine.
        var folder = Path.Combine(demo.TempPath, "files");
        Assert.Equal(0, CliRunner.Run("demo", "--years", "2", "--history-end", "2026-06-30", "--out", folder, "--format", "csv").ExitCode);
        var june = (Start: Instant("2026-06-01"), End: Instant("2026-07-01"));
        var wonInJune = RawCsv.Read(Path.Combine(folder, "opportunities.csv"))
            .Where(d => d["status"] == "won" && d["type"] == "new_business" && Instant(d["closed_at"]) >= june.Start && Instant(d["closed_at"]) < june.End)
            .Sum(d => decimal.Parse(d["amount"], CultureInfo.InvariantCulture));
        var target = decimal.Parse(RawCsv.Read(Path.Combine(folder, "plans.csv")).Single(p => p["metric"] == "bookings" && p["period"] == "2026-06")["target"], CultureInfo.InvariantCulture);
        var grr = Grr(RawCsv.Read(Path.Combine(folder, "revenue.csv")), "2026-05", "2026-06");

        var result = CliRunner.Run("plans", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["2026-06", "2026-Q2", "2026"], rows.Select(r => r.GetProperty("period").GetString()).Distinct());
        var bookings = Row(rows, "bookings", "2026-06");
        Assert.Equal("actual", bookings.GetProperty("basis").GetString());
        Assert.Equal(wonInJune, bookings.GetProperty("actual").GetDecimal());
        Assert.Equal(wonInJune, bookings.GetProperty("projected").GetDecimal());
        Assert.Equal(JsonValueKind.Null, bookings.GetProperty("p50").ValueKind);
        Assert.Equal(target, bookings.GetProperty("target").GetDecimal());
        Assert.Equal(wonInJune - target, bookings.GetProperty("variance").GetDecimal());
        var attainment = Math.Round(wonInJune / target, 4);
        Assert.Equal(attainment, bookings.GetProperty("attainment").GetDecimal());
        Assert.Equal(attainment >= 1 ? "on_track" : attainment >= 0.9m ? "at_risk" : "off_track", bookings.GetProperty("status").GetString());
        var retention = Row(rows, "grr", "2026-06");
        Assert.Equal("actual", retention.GetProperty("basis").GetString());
        Assert.Equal(grr, retention.GetProperty("actual").GetDecimal(), 4);

        // The quarter is over too; the year is not: it is projected with the forecast.
        Assert.All(rows.Where(r => r.GetProperty("period").GetString() == "2026-Q2"), r => Assert.Equal("actual", r.GetProperty("basis").GetString()));
        var year = Row(rows, "bookings", "2026");
        Assert.Equal("forecast", year.GetProperty("basis").GetString());
        Assert.True(year.GetProperty("p10").GetDecimal() <= year.GetProperty("p50").GetDecimal() && year.GetProperty("p50").GetDecimal() <= year.GetProperty("p90").GetDecimal());
        Assert.Equal(year.GetProperty("p50").GetDecimal(), year.GetProperty("projected").GetDecimal());
        Assert.Equal("2026-06-24T00:00:00Z", year.GetProperty("week_earlier").GetProperty("as_of").GetString());
    }

    [Fact]
    public void TheTable_FitsIn100Columns_NamesTheOwners_AndWritesMoneyAndPercentages()
    {
        var result = CliRunner.Run("plans", "--as-of", DemoStore.Now, "--db", demo.Db);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.ReplaceLineEndings("\n").Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.StartsWith("Plans of 2026-06, 2026-Q2 and 2026 as of 2026-07-01T00:00:00Z", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("new_business · President", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("retention · COO", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("cost_model · CFO", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ 88.0%", StringComparison.Ordinal)); // grr's monthly target
        Assert.Contains(lines, l => l.Contains(" pts ", StringComparison.Ordinal) || l.Contains(" pt ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$1.61M", StringComparison.Ordinal)); // June's bookings target, 1,608,000
    }

    [Fact]
    public void APlanEditedToday_LeavesLastMonthsReadingUnchanged_AndTheLogSaysWhoAndWhen()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Path, "demo.duckdb");
        File.Copy(demo.Db, db);
        var clock = new FixedClock(Instant("2026-07-03T09:00:00Z"));
        string[] may = ["plans", "--period", "2026-05", "--pillar", "new_business", "--db", db, "--format", "json"];
        var before = Single(CliRunner.Run(clock, [.. may, "--as-of", "2026-06-30"]));

        var set = CliRunner.Run(clock, "plan", "set", "--pillar", "new_business", "--metric", "bookings", "--period", "2026-05", "--slice", "type=new_business",
            "--target", "2000000", "--owner", "Rita Reyes", "--by", "alice", "--db", db);
        var lastMonth = Single(CliRunner.Run(clock, [.. may, "--as-of", "2026-06-30"]));
        var now = Single(CliRunner.Run(clock, [.. may, "--as-of", "2026-07-04"]));
        var history = JsonDocument.Parse(CliRunner.Run(clock, "plan", "list", "--history", "--db", db, "--format", "json").Out).RootElement.EnumerateArray().Last();

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal(before.GetRawText(), lastMonth.GetRawText());
        Assert.Equal(2_000_000m, now.GetProperty("target").GetDecimal());
        Assert.Equal("Rita Reyes", now.GetProperty("owner").GetString());
        Assert.Equal(before.GetProperty("actual").GetDecimal(), now.GetProperty("actual").GetDecimal());
        var weekEarlier = now.GetProperty("week_earlier");
        Assert.Equal(before.GetProperty("target").GetDecimal(), weekEarlier.GetProperty("target").GetDecimal());
        Assert.Equal(2_000_000m - before.GetProperty("target").GetDecimal(), weekEarlier.GetProperty("target_change").GetDecimal());
        Assert.Equal("alice", history.GetProperty("changed_by").GetString());
        Assert.Equal("cli", history.GetProperty("source").GetString());
        Assert.Equal("2026-07-03T09:00:00Z", history.GetProperty("changed_at").GetString());
        Assert.Equal(before.GetProperty("target").GetDecimal(), history.GetProperty("before").GetProperty("target").GetDecimal());
    }

    [Fact]
    public void EachMistake_IsOneLine_AndNothingIsRecorded()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Path, "demo.duckdb");
        File.Copy(demo.Db, db);
        var changes = CliRunner.Run("plan", "list", "--history", "--db", db, "--format", "csv").Out;

        var result = CliRunner.Run("plan", "set", "--pillar", "sales", "--metric", "grr", "--period", "2026-Q5", "--slice", "type=new_business", "--target", "45 percent", "--owner", "COO", "--db", db);
        var removed = CliRunner.Run("plan", "remove", "--pillar", "retention", "--metric", "grr", "--period", "2031-01", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
        [
            "bellwether: --pillar \"sales\" is not a pillar (new_business, retention, expansion, cost_model)",
            "bellwether: --period \"2026-Q5\" is not a period: a quarter is Q1 to Q4",
            "bellwether: --slice \"type=new_business\": grr cannot be sliced by type (revenue lines cannot be sliced by type)",
            "bellwether: --target \"45 percent\" is not a number (write 1250000 or 0.45 or 45%, with . as the decimal point and no thousands separator)",
        ],
            result.Err.ReplaceLineEndings("\n").TrimEnd().Split('\n'));
        Assert.Equal(1, removed.ExitCode);
        Assert.Equal("bellwether: no plan retention grr 2031-01 to remove (`bellwether plan list` lists them)", removed.Err.Trim());
        Assert.Equal(changes, CliRunner.Run("plan", "list", "--history", "--db", db, "--format", "csv").Out);
    }

    [Fact]
    public void AnImportThatChangesAPlan_RecordsItAtTheImportsInstant_AndTheFirstImportsLinesHaveNoDate()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["plans.csv"] = """
                pillar,metric,period,target,owner,slice
                new_business,bookings,2025-Q1,10000,President,
                retention,grr,2025-Q1,0.9,COO,
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);
        company.Write("plans.csv", """
            pillar,metric,period,target,owner,slice
            new_business,bookings,2025-Q1,12000,President,
            """);
        Assert.Equal(0, company.Import("--as-of", "2025-03-15").ExitCode);

        var history = JsonDocument.Parse(CliRunner.Run("plan", "list", "--history", "--db", company.Db, "--format", "json").Out).RootElement.EnumerateArray().ToList();
        var imports = JsonDocument.Parse(CliRunner.Run("status", "--db", company.Db, "--format", "json").Out).RootElement.GetProperty("imports").EnumerateArray().ToList();

        Assert.Equal(3, history.Count);
        Assert.All(history.Take(2), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("changed_at").ValueKind));
        var changed = history[2];
        Assert.Equal(imports[1].GetProperty("as_of").GetString(), changed.GetProperty("changed_at").GetString());
        Assert.Equal("2025-03-16T00:00:00Z", changed.GetProperty("changed_at").GetString());
        Assert.Equal(2, changed.GetProperty("import_id").GetInt64());
        Assert.Equal(10000m, changed.GetProperty("before").GetProperty("target").GetDecimal());
        Assert.Equal(12000m, changed.GetProperty("after").GetProperty("target").GetDecimal());

        // grr, left out of the second file, is kept.
        var plans = RawCsv.ParseText(CliRunner.Run("plan", "list", "--db", company.Db, "--format", "csv").Out);
        Assert.Equal(["12000", "0.9"], plans.Select(p => p["target"]));
    }

    [Fact]
    public void APlanForARep_IsPrintedWithTheRepsName_AndJudgedOnTheirDealsAlone()
    {
        // Rita Rep (R1) won O1, 1,000, on 2025-02-15; Raj's deal is still open.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["plans.csv"] = """
                pillar,metric,period,target,owner,slice
                new_business,bookings,2025-02,800,Maria Manager,rep=R1
                new_business,bookings,2025-02,500,Maria Manager,rep=R2
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);

        var table = CliRunner.Run("plans", "--period", "2025-02", "--as-of", "2025-06-30", "--db", company.Db);
        var json = JsonDocument.Parse(CliRunner.Run("plans", "--period", "2025-02", "--as-of", "2025-06-30", "--db", company.Db, "--format", "json").Out).RootElement;

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Rita Rep", table.Out, StringComparison.Ordinal);
        Assert.Contains("Raj Rep", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("R1 ", table.Out, StringComparison.Ordinal);
        var rita = json.EnumerateArray().Single(r => r.GetProperty("slice").GetProperty("rep").GetString() == "R1");
        Assert.Equal(1000m, rita.GetProperty("actual").GetDecimal());
        Assert.Equal(1.25m, rita.GetProperty("attainment").GetDecimal());
        Assert.Equal("on_track", rita.GetProperty("status").GetString());
        var raj = json.EnumerateArray().Single(r => r.GetProperty("slice").GetProperty("rep").GetString() == "R2");
        Assert.Equal("off_track", raj.GetProperty("status").GetString());
    }

    /// <summary>grr as the spec defines it, from revenue.csv: the accounts with revenue in the month before, what they kept.</summary>
    private static decimal Grr(List<Dictionary<string, string>> revenue, string previous, string month)
    {
        Dictionary<string, decimal> ByAccount(string m) => revenue.Where(r => r["month"] == m)
            .GroupBy(r => r["account_id"])
            .ToDictionary(g => g.Key, g => g.Sum(r => decimal.Parse(r["revenue"], CultureInfo.InvariantCulture)));
        var before = ByAccount(previous).Where(kv => kv.Value > 0).ToDictionary();
        var now = ByAccount(month);
        return before.Sum(kv => Math.Min(now.GetValueOrDefault(kv.Key), kv.Value)) / before.Values.Sum();
    }

    private static JsonElement Row(List<JsonElement> rows, string metric, string period) => rows.Single(r =>
        r.GetProperty("metric").GetString() == metric && r.GetProperty("period").GetString() == period && r.GetProperty("slice").EnumerateObject().Count() <= (metric == "bookings" ? 1 : 0));

    private static JsonElement Single(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        return Assert.Single(rows);
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
