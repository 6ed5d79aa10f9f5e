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
}
