using System.Text.Json;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Variance;

/// <summary>bellwether explain on a demo company in a real store: the three formats, the plan's slice, and mistakes.</summary>
public sealed class ExplainCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void Json_IsTheExplanation_WhoseCellsAddUpToTheGap()
    {
        var result = CliRunner.Run("explain", "bookings", "--period", "2026-Q2", "--against", "previous", "--by", "vertical", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var e = json.RootElement;
        Assert.Equal("bookings", e.GetProperty("metric").GetString());
        Assert.Equal("money", e.GetProperty("unit").GetString());
        Assert.Equal("previous", e.GetProperty("against").GetString());
        Assert.Equal("2026-Q1", e.GetProperty("comparison_period").GetString());
        Assert.Equal("actual", e.GetProperty("basis").GetString());
        Assert.Equal("vertical", e.GetProperty("by").GetString());
        var gap = e.GetProperty("gap").GetDecimal();
        Assert.Equal(e.GetProperty("actual").GetDecimal() - e.GetProperty("comparison").GetDecimal(), gap);
        Assert.Equal(gap, e.GetProperty("cells").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal()));
        Assert.Equal(gap, e.GetProperty("drivers").EnumerateArray().Sum(c => c.GetProperty("amount").GetDecimal()));
        Assert.StartsWith("2026-Q2 bookings ", e.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_StartsWithTheSummary_ThenTheDrivers()
    {
        var args = new[] { "explain", "bookings", "--period", "2026-Q2", "--against", "previous", "--by", "vertical", "--as-of", DemoStore.Now, "--db", demo.Db };
        var json = CliRunner.Run([.. args, "--format", "json"]);
        var table = CliRunner.Run(args);

        Assert.Equal(0, table.ExitCode);
        using var parsed = JsonDocument.Parse(json.Out);
        Assert.Equal(parsed.RootElement.GetProperty("summary").GetString(), table.Out.Split('\n')[0]);
        Assert.Contains("Drivers — they add up to the gap", table.Out, StringComparison.Ordinal);
        Assert.Contains("cells by vertical", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasTheGapThenDriversThenCells_WhichAddUp()
    {
        var result = CliRunner.Run("explain", "grr", "--period", "2026-Q2", "--against", "previous", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Trim().Split('\n');
        var header = lines[0].Split(',');
        Assert.Equal("kind", header[7]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        var contribution = Array.IndexOf(header, "contribution");
        Assert.Equal("gap", rows[0][7]);
        var gap = decimal.Parse(rows[0][contribution], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(gap, rows.Where(r => r[7] == "cell").Sum(r => decimal.Parse(r[contribution], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rows, r => r[7] == "driver" && r[8] == "churn");
    }

    [Fact]
    public void AgainstThePlan_TheDemosNewBusinessPlanIsAdopted()
    {
        var result = CliRunner.Run("explain", "bookings", "--period", "2026-Q2", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var e = json.RootElement;
        Assert.Equal(JsonValueKind.Null, e.GetProperty("missing_reason").ValueKind);
        Assert.Equal("new_business", e.GetProperty("slice").GetProperty("type").GetString());
        Assert.Equal("plan", e.GetProperty("comparison_label").GetString());
        Assert.StartsWith("2026-Q2 new-business bookings ", e.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatCannotBeExplained_SaysWhy_AndIsNoFailure()
    {
        var result = CliRunner.Run("explain", "leads", "--period", "2026-Q2", "--as-of", DemoStore.Now, "--db", demo.Db);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-Q2 leads cannot be explained against plan: no plan for leads in 2026-Q2 (plans.csv has none for that period).", result.Out.Trim());
    }

    [Theory]
    [InlineData("explain bookings --against forecast", "bellwether: --against forecast: not one of plan, previous, last_year")]
    [InlineData("explain bookings --against baseline", "bellwether: --against baseline: not one of plan, previous, last_year")]
    [InlineData("explain bookings --by vertical,rep", "bellwether: --by vertical,rep: explain splits by one dimension")]
    [InlineData("explain bookings --by planet", "bellwether: --by planet: not a dimension (rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type)")]
    [InlineData("explain bookings --period 2026-Q9", "bellwether: --period \"2026-Q9\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("explain bookings --as-of yesterday", "bellwether: --as-of \"yesterday\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)")]
    [InlineData("explain nope", "bellwether: \"nope\" is not an indicator (explain takes ")]
    [InlineData("explain win_rate", "bellwether: \"win_rate\" is not explained by driver (explain takes ")]
    public void Mistakes_FailWithOneLine(string arguments, string expected)
    {
        var result = CliRunner.Run([.. arguments.Split(' '), "--db", demo.Db]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(expected, result.Err.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Err.Trim().Split('\n'));
    }
}
