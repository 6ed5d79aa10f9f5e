using System.Text.Json;
using Bellwether.Core.Scenarios;
using Bellwether.Queries;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Cli;

public sealed class ScenarioCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void NewListCompareDelete_RoundTrip()
    {
        var made = CliRunner.Run("scenario", "new", "push", "--set", "win_rate=+15%", "--set", "deal_size=+5%", "--description", "Q3 push", "--db", demo.Db, "--format", "csv");
        Assert.Equal(0, made.ExitCode);
        Assert.Contains("push,win_rate +15%,Q3 push", made.Out, StringComparison.Ordinal);

        var list = CliRunner.Run("scenario", "list", "--db", demo.Db, "--format", "csv");
        Assert.Contains("push,deal_size +5%,Q3 push", list.Out, StringComparison.Ordinal);

        var compared = CliRunner.Run("scenario", "compare", "base", "push", "--period", "2026-Q3", "--indicators", "bookings", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");
        Assert.Equal(0, compared.ExitCode);
        using var json = JsonDocument.Parse(compared.Out);
        var difference = json.RootElement.GetProperty("differences")[0];
        var byDriver = difference.GetProperty("by_driver").EnumerateArray().Select(d => d.GetProperty("mean_change").GetDecimal()).ToList();
        Assert.Equal(2, byDriver.Count);
        Assert.All(byDriver, change => Assert.True(change > 0)); // a higher win rate and bigger deals only add bookings
        Assert.Equal(difference.GetProperty("mean_change").GetDecimal(), byDriver.Sum(), 2); // the steps add up

        Assert.Equal(0, CliRunner.Run("scenario", "delete", "push", "--db", demo.Db).ExitCode);
        Assert.Equal("bellwether: push: no such scenario", CliRunner.Run("scenario", "delete", "push", "--db", demo.Db).Err.Trim());
    }

    [Fact]
    public void Show_ReadsAsTablesForPeople_WithTheSameNumbersAsTheJson()
    {
        Assert.Equal(0, CliRunner.Run("scenario", "new", "lift", "--set", "win_rate=+5pt", "--db", demo.Db).ExitCode);
        string[] query = ["scenario", "show", "lift", "--period", "2026-Q3", "--indicators", "bookings", "--as-of", DemoStore.Now, "--db", demo.Db];

        var table = CliRunner.Run([.. query]);
        using var json = JsonDocument.Parse(CliRunner.Run([.. query, "--format", "json"]).Out);

        Assert.Equal(0, table.ExitCode);
        Assert.All(table.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, line));
        var difference = json.RootElement.GetProperty("differences")[0];
        // The forecast table shows both P50s in dollars, rounded to the dollar, as the JSON has them raw.
        foreach (var p50 in new[] { "first_p50", "second_p50" })
        {
            Assert.Contains($"${difference.GetProperty(p50).GetDecimal():N0}", table.Out, StringComparison.Ordinal);
        }

        Assert.Contains("what each change adds", table.Out, StringComparison.Ordinal);
        Assert.Contains("win_rate +5 points", table.Out, StringComparison.Ordinal);
        Assert.Contains("new business · President: projected and status", table.Out, StringComparison.Ordinal);
        Assert.Contains("on track", table.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("scenario", "delete", "lift", "--db", demo.Db).ExitCode);
    }

    [Fact]
    public void Show_SaysWhichChangesDoNotActWithinThePeriod_AndWhereTheyStart()
    {
        Assert.Equal(0, CliRunner.Run("scenario", "new", "later", "--set", "add_reps=2 from 2026-10-15", "--set", "win_rate=+5pt", "--set", "new_pipeline=+10% to 2026-04-01", "--db", demo.Db).ExitCode);

        var shown = CliRunner.Run("scenario", "show", "later", "--period", "2026-Q3", "--indicators", "bookings", "--as-of", DemoStore.Now, "--db", demo.Db);

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("add_reps +2 ae from 2026-10-15 does not act within 2026-Q3: nothing of it shows here (it starts 2026-10-15, in 2026-Q4: --period 2026-Q4)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("new_pipeline +10% until 2026-04-01 does not act within 2026-Q3: nothing of it shows here (it ends 2026-04-01, before 2026-Q3 starts)", shown.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("win_rate +5 points does not act", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ForecastUnderAScenarioWithNoChanges_EqualsTheBaseForecast()
    {
        var scenario = Path.Combine(demo.TempPath, "empty.json");
        File.WriteAllText(scenario, "{\"name\": \"x\", \"changes\": []}");
        Assert.Equal(0, CliRunner.Run("scenario", "new", "same", "--file", scenario, "--db", demo.Db).ExitCode);

        var baseRows = CliRunner.Run("forecast", "bookings", "--period", "2026-Q3", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "csv").Out;
        var sameRows = CliRunner.Run("forecast", "bookings", "--period", "2026-Q3", "--as-of", DemoStore.Now, "--scenario", "same", "--db", demo.Db, "--format", "csv").Out;

        Assert.Equal(baseRows, sameRows);
    }

    public static TheoryData<string, string> Sets => new()
    {
        { "win_rate=+10%", "win_rate +10%" },
        { "win_rate[vertical=finance]=+5pt", "win_rate +5 points (vertical=finance)" },
        { "deal_size=-5%", "deal_size -5%" },
        { "cycle_length=+20%", "cycle_length +20%" },
        { "new_pipeline=+15% from 2026-07-01 to 2026-10-01", "new_pipeline +15% 2026-07-01..2026-10-01" },
        { "inbound_leads=-40% from 2026-07-01 to 2026-09-01", "inbound_leads -40% 2026-07-01..2026-09-01" },
        { "activity=+20%", "activity +20%" },
        { "add_reps=3 from 2026-07-15 role ae", "add_reps +3 ae from 2026-07-15" },
        { "remove_rep=R1 from 2026-08-01", "remove_rep R1 from 2026-08-01" },
        { "quota_lift", "quota_lift" },
        { "churn=+25%", "churn +25%" },
        { "expense[marketing]=+10% from 2026-07-01", "expense" },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Set_ReadsEveryDriver(string text, string described)
    {
        Assert.True(ScenarioSet.TryParse(text, out var change, out var reason), reason);

        Assert.Contains(described, change.Describe(), StringComparison.Ordinal);
        Assert.Empty(ScenarioCheck.Problems(new Scenario { Name = "t", Changes = [change] }));
    }

    [Theory]
    [InlineData("win_rate=10", "\"win_rate=10\": \"10\" is not a relative change such as +10% or -40%")]
    [InlineData("win_rate=+5 pt", "\"win_rate=+5 pt\": \"pt\" is not understood (after the value: from DATE, to DATE, and for add_reps role, team, ramp)")]
    [InlineData("add_reps=3", "\"add_reps=3\": needs a start date: add_reps=3 from 2026-01-15")]
    [InlineData("magic=+5%", "\"magic=+5%\": \"magic\" is not a driver (win_rate, deal_size, cycle_length, new_pipeline, inbound_leads, activity, add_reps, remove_rep, quota_lift, churn, expense)")]
    [InlineData("churn=+5% since 2026-01-01", "\"churn=+5% since 2026-01-01\": \"since\" is not understood (after the value: from DATE, to DATE, and for add_reps role, team, ramp)")]
    [InlineData("churn=+10% to 2026-04-01", "\"churn=+10% to 2026-04-01\": churn takes no dates: it changes every deal the forecast simulates, whenever it closes (drop the from/to)")]
    [InlineData("win_rate=+5pt from 2026-01-01", "\"win_rate=+5pt from 2026-01-01\": win_rate takes no dates: it changes every deal the forecast simulates, whenever it closes (drop the from/to)")]
    [InlineData("expense=+5%", "\"expense=+5%\": names its expense category in brackets: expense[marketing]=+10% (sales_salaries, sales_commissions, sales_enablement, marketing, delivery, rnd, g_and_a, other)")]
    public void Set_SaysWhatIsWrong(string text, string expected)
    {
        Assert.False(ScenarioSet.TryParse(text, out _, out var reason));

        Assert.Equal(expected, reason);
    }
}
