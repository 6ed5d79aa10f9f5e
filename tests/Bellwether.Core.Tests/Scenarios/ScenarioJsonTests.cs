using System.Text.Json;
using Bellwether.Core.Finance;
using Bellwether.Core.Reps;
using Bellwether.Core.Scenarios;

namespace Bellwether.Core.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private static readonly Scenario EveryDriver = new()
    {
        Name = "everything",
        Description = "one of each",
        Changes =
        [
            new WinRateChange { Relative = 0.1, Slice = new Dictionary<string, string> { ["vertical"] = "finance" } },
            new WinRateChange { Absolute = -0.05 },
            new DealSizeChange { Relative = 0.05 },
            new CycleLengthChange { Relative = 0.2 },
            new NewPipelineChange { Relative = -0.1, From = new DateOnly(2025, 7, 1) },
            new InboundLeadsChange { Relative = -0.4, From = new DateOnly(2025, 7, 1), To = new DateOnly(2025, 9, 1) },
            new ActivityChange { Relative = 0.15, Slice = new Dictionary<string, string> { ["team"] = "east" } },
            new AddRepsChange { Count = 2, Start = new DateOnly(2025, 8, 1), Role = RepRole.Ae, Team = "east", RampMonths = 4 },
            new RemoveRepChange { RepId = "r3", From = new DateOnly(2025, 9, 1) },
            new QuotaLiftChange(),
            new ChurnChange { Relative = 0.25 },
            new ExpenseChange { Category = ExpenseCategory.Marketing, MonthlyAmount = -20_000m, From = new DateOnly(2025, 7, 1) },
        ],
    };

    [Fact]
    public void EveryDriver_RoundTripsThroughJson()
    {
        var json = ScenarioJson.Serialize(EveryDriver);
        var back = ScenarioJson.Deserialize(json);

        Assert.Equal(json, ScenarioJson.Serialize(back));
        Assert.Equal(EveryDriver.Changes.Select(c => c.GetType()), back.Changes.Select(c => c.GetType()));
        Assert.Contains("\"driver\": \"inbound_leads\"", json, StringComparison.Ordinal);
        Assert.Contains("\"category\": \"marketing\"", json, StringComparison.Ordinal);
        Assert.Contains("\"from\": \"2025-07-01\"", json, StringComparison.Ordinal);
        Assert.Empty(ScenarioCheck.Problems(back));
    }

    [Fact]
    public void AScenarioWrittenByHand_IsRead()
    {
        var scenario = ScenarioJson.Deserialize("""
            {"name": "inbound scare", "changes": [{"driver": "inbound_leads", "relative": -0.4, "from": "2025-07-01", "to": "2025-09-01"}]}
            """);

        var change = Assert.IsType<InboundLeadsChange>(Assert.Single(scenario.Changes));
        Assert.Equal(-0.4, change.Relative);
        Assert.Equal("inbound_leads -40% 2025-07-01..2025-09-01", change.Describe());
    }

    [Fact]
    public void Problems_NameEveryBadChange()
    {
        var bad = new Scenario
        {
            Name = " ",
            Changes =
            [
                new WinRateChange { Relative = 0.1, Absolute = 0.1 },
                new CycleLengthChange { Relative = -1 },
                new NewPipelineChange { Relative = 0.1, Slice = new Dictionary<string, string> { ["colour"] = "red" } },
                new AddRepsChange { Count = 0, Start = new DateOnly(2025, 1, 1) },
                new ExpenseChange { Category = ExpenseCategory.Rnd },
            ],
        };

        Assert.Equal(
        [
            "a scenario needs a name",
            "change 1 (win_rate): give exactly one of relative and absolute",
            "change 2 (cycle_length): relative is more than −1 (a cycle cannot vanish)",
            "change 3 (new_pipeline): \"colour\" is not a dimension deals can be sliced by",
            "change 4 (add_reps): count is 1 or more",
            "change 5 (expense): give relative, monthly_amount or both",
        ], ScenarioCheck.Problems(bad));
    }

    [Theory]
    [InlineData("""{"name": "x", "changes": null}""", "$.changes")]
    [InlineData("""{"name": "x", "changes": [{"driver": "win_rate", "relative": 0.1}, null]}""", "$.changes[1]")]
    public void NullWhereAChangeBelongs_IsAJsonMistake_NotAScenario(string json, string path)
    {
        var mistake = Assert.Throws<JsonException>(() => ScenarioJson.Deserialize(json));

        Assert.Equal(path, mistake.Path);
    }

    [Fact]
    public void NumbersNoForecastCanBeMadeWith_AreProblems()
    {
        var wild = new Scenario
        {
            Name = "wild",
            Changes =
            [
                new DealSizeChange { Relative = 1e300 },
                new WinRateChange { Absolute = double.NaN },
                new ChurnChange { Relative = double.PositiveInfinity },
                new QuotaLiftChange { Share = double.NaN },
                new ExpenseChange { Category = ExpenseCategory.Rnd, MonthlyAmount = decimal.MaxValue },
                new AddRepsChange { Count = 1, Start = new DateOnly(2026, 1, 1), RampMonths = int.MaxValue },
                new DealSizeChange { Relative = ScenarioCheck.MaxRelative },
            ],
        };

        Assert.Equal(
        [
            "change 1 (deal_size): relative is at most 100 (+10000%)",
            "change 2 (win_rate): absolute is −1 to 1 (a change in the win rate, in points)",
            "change 3 (churn): relative is at most 100 (+10000%)",
            "change 4 (quota_lift): share is 0 to 1",
            "change 5 (expense): monthly_amount is at most 1000000000000 either way",
            "change 6 (add_reps): ramp_months is at most 60",
        ], ScenarioCheck.Problems(wild));
    }
}
