using System.Text.Json;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Status;

/// <summary>
/// <c>bellwether status</c> on the real maven-crm data, whose counts and dates come from the data set's README and
/// docs/presets.md: 8,800 deals engaged from 2016-10-20, the 500 Prospecting deals created on 2017-12-31, 85 accounts
/// plus <c>unassigned</c>, 35 agents plus 6 managers; no revenue, expenses, leads, activities, quotas or history files.
/// </summary>
public sealed class StatusCommandTests(StatusCommandTests.MavenStore maven) : IClassFixture<StatusCommandTests.MavenStore>
{
    /// <summary>The indicators indicators.md defines over revenue.csv alone, in its order.</summary>
    private static readonly string[] RevenueIndicators = ["revenue", "cogs", "gross_profit", "gross_margin", "grr", "nrr", "logo_churn", "expansion_revenue", "services_per_client"];

    [Fact]
    public void Table_ShowsRowsAndDateRangesPerFile_AndWhyIndicatorsAreUnavailable()
    {
        var result = CliRunner.Run("status", "--db", maven.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["opportunities.csv", "8,800", "2016-10-20", "2017-12-31"], TableRow(result.Out, "opportunities.csv"));
        Assert.Equal(["reps.csv", "41", "", ""], TableRow(result.Out, "reps.csv"));
        Assert.Equal(["accounts.csv", "86", "", ""], TableRow(result.Out, "accounts.csv"));
        Assert.Equal(["revenue.csv", "0", "", ""], TableRow(result.Out, "revenue.csv"));
        Assert.Equal(["quotas.csv", "0", "", ""], TableRow(result.Out, "quotas.csv"));
        var lines = result.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains($"no revenue.csv: {string.Join(", ", RevenueIndicators)} unavailable", lines);
        // Indicators that need both finance files share one reason, the files named in the folder format's order.
        Assert.Contains("no revenue.csv, no expenses.csv: sales_contribution_pct, operating_margin unavailable", lines);
        // The import recorded each deal's state at the export instant; that is not the CRM's history.
        Assert.Contains("no opportunity_history.csv: slipped_deals unavailable", lines);
        Assert.Contains(lines, l => l.StartsWith("1 imports; last #1 of ", StringComparison.Ordinal) && l.EndsWith("as of 2017-12-31T00:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_GivesFilesImportsAndEachIndicatorsReason()
    {
        var result = CliRunner.Run("status", "--db", maven.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("default", root.GetProperty("workspace").GetString());
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!);
        var opportunities = files["opportunities.csv"];
        Assert.Equal(8800, opportunities.GetProperty("rows").GetInt64());
        Assert.Equal("created_at", opportunities.GetProperty("date_column").GetString());
        Assert.Equal("2016-10-20T00:00:00Z", opportunities.GetProperty("from").GetString());
        Assert.Equal("2017-12-31T00:00:00Z", opportunities.GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, opportunities.GetProperty("first_period").ValueKind);
        Assert.Equal(0, files["revenue.csv"].GetProperty("rows").GetInt64());
        Assert.Equal(JsonValueKind.Null, files["revenue.csv"].GetProperty("from").ValueKind);
        Assert.Equal("period", files["quotas.csv"].GetProperty("date_column").GetString());

        var import = Assert.Single(root.GetProperty("imports").EnumerateArray());
        Assert.Equal("maven-crm", import.GetProperty("preset").GetString());

        var indicators = root.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!);
        foreach (var name in RevenueIndicators)
        {
            Assert.False(indicators[name].GetProperty("available").GetBoolean(), name);
            Assert.Equal("no revenue.csv", indicators[name].GetProperty("reason").GetString());
        }

        Assert.Equal("no revenue.csv, no expenses.csv", indicators["operating_margin"].GetProperty("reason").GetString());
        Assert.True(indicators["bookings"].GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, indicators["bookings"].GetProperty("reason").ValueKind);
    }

    [Fact]
    public void Csv_CarriesFilesImportsAndIndicators_EachLineMarkedByItsSection()
    {
        var result = CliRunner.Run("status", "--db", maven.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = RawCsv.ParseText(result.Out);
        Assert.Equal("workspace", rows[1]["section"]);
        Assert.Equal("default", rows[1]["name"]);
        var files = rows.Where(r => r["section"] == "file").ToDictionary(r => r["name"]);
        Assert.Equal(13, files.Count); // every file of the folder format, held or not
        Assert.Equal("8800", files["opportunities.csv"]["rows"]);
        Assert.Equal("2016-10-20T00:00:00Z", files["opportunities.csv"]["from"]);
        Assert.Equal("2017-12-31T00:00:00Z", files["opportunities.csv"]["to"]);
        Assert.Equal("41", files["reps.csv"]["rows"]);
        Assert.Equal("86", files["accounts.csv"]["rows"]);
        Assert.Equal("", files["opportunities.csv"]["available"]);

        var import = Assert.Single(rows, r => r["section"] == "import");
        Assert.Equal("1", import["name"]);
        Assert.Equal("maven-crm", import["preset"]);
        Assert.Equal("2017-12-31T00:00:00Z", import["as_of"]);

        var indicators = rows.Where(r => r["section"] == "indicator").ToDictionary(r => r["name"]);
        Assert.All(RevenueIndicators, name => Assert.Equal(("false", "no revenue.csv"), (indicators[name]["available"], indicators[name]["reason"])));
        Assert.Equal(("true", ""), (indicators["win_rate"]["available"], indicators["win_rate"]["reason"]));
        Assert.Equal("", indicators["win_rate"]["rows"]);
    }

    [Fact]
    public void QuotasAndPlans_ShowTheirFirstAndLastPeriod()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            // First is the period that starts first; last is the one that ends last (the year 2025 outlasts 2025-Q1).
            ["quotas.csv"] = """
                rep_id,period,amount
                R1,2025-Q1,10000
                R1,2025,40000
                R2,2024-12,3000
                """,
            // 2025-01 and 2025-Q1 start together, 2025-03 and 2025-Q1 end together: the month is the finer answer.
            ["plans.csv"] = """
                pillar,metric,period,target,owner
                new_business,bookings,2025-Q1,9000,President
                new_business,bookings,2025-01,2000,President
                new_business,bookings,2025-02,3000,President
                new_business,bookings,2025-03,4000,President
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);

        var table = CliRunner.Run("status", "--db", company.Db);
        var json = CliRunner.Run("status", "--db", company.Db, "--format", "json");
        var csv = CliRunner.Run("status", "--db", company.Db, "--format", "csv");

        Assert.Equal(["quotas.csv", "3", "2024-12", "2025"], TableRow(table.Out, "quotas.csv"));
        Assert.Equal(["plans.csv", "4", "2025-01", "2025-03"], TableRow(table.Out, "plans.csv"));
        using var document = JsonDocument.Parse(json.Out);
        var plans = document.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "plans.csv");
        Assert.Equal(("period", "2025-01", "2025-03"), (plans.GetProperty("date_column").GetString(), plans.GetProperty("first_period").GetString(), plans.GetProperty("last_period").GetString()));
        var quotas = RawCsv.ParseText(csv.Out).Single(r => r["section"] == "file" && r["name"] == "quotas.csv");
        Assert.Equal(("2024-12", "2025"), (quotas["first_period"], quotas["last_period"]));
    }

    /// <summary>The cells of the table row of a file, trimmed.</summary>
    private static string[] TableRow(string output, string file) =>
        output.Split('\n')
            .Select(l => l.Split('│').Select(c => c.Trim()).ToArray())
            .Single(cells => cells.Length > 2 && cells[1] == file)[1..^1];

    /// <summary>The maven-crm data imported once for the class.</summary>
    public sealed class MavenStore : IDisposable
    {
        private readonly TempFolder _temp = new();

        public MavenStore()
        {
            Db = _temp.File("maven.duckdb");
            var import = CliRunner.Run("import", SharedData.Folder("maven-crm"), "--preset", "maven-crm", "--db", Db);
            Assert.Equal(0, import.ExitCode);
        }

        public string Db { get; }

        public void Dispose() => _temp.Dispose();
    }
}
