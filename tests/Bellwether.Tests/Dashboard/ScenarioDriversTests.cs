using Bellwether.Core.Scenarios;
using Bellwether.Dashboard.Scenarios;

namespace Bellwether.Tests.Dashboard;

public sealed class ScenarioDriversTests
{
    private static readonly DateOnly Today = new(2026, 5, 14);

    [Fact]
    public void None_IsTheBase_WithNoChange()
    {
        Assert.True(ScenarioDrivers.None.IsBase);
        Assert.Empty(ScenarioDrivers.None.ToScenario("x", Today).Changes);
    }

    [Theory]
    [InlineData("win_rate", 10, 10)]
    [InlineData("win_rate", 95, 30)]
    [InlineData("churn", -80, -50)]
    [InlineData("add_reps", 12, 10)]
    public void With_SetsAValue_WithinItsSlidersRange(string kind, int value, int expected) =>
        Assert.Equal(expected, ScenarioDrivers.None.With(kind, value)[kind]);

    [Fact]
    public void With_Zero_TakesTheDriverBackToTheBase() =>
        Assert.True(ScenarioDrivers.None.With("deal_size", -10).With("deal_size", 0).IsBase);

    [Fact]
    public void ToScenario_MakesTheChangesTheCliWouldMake()
    {
        var scenario = ScenarioDrivers.None.With("win_rate", 10).With("add_reps", 3).With("new_pipeline", -20).With("quota_lift", 50).ToScenario("plan b", Today);

        Assert.Equal("plan b", scenario.Name);
        Assert.Equal(0.1, Assert.Single(scenario.Changes.OfType<WinRateChange>()).Relative);
        var hires = Assert.Single(scenario.Changes.OfType<AddRepsChange>());
        Assert.Equal((3, Today), (hires.Count, hires.Start));
        var pipeline = Assert.Single(scenario.Changes.OfType<NewPipelineChange>());
        Assert.Equal((-0.2, Today), (pipeline.Relative, pipeline.From));
        Assert.Equal(0.5, Assert.Single(scenario.Changes.OfType<QuotaLiftChange>()).Share);
        Assert.Empty(ScenarioCheck.Problems(scenario));
    }

    [Fact]
    public void Of_ASavedScenario_ReadsTheSlidersBack_ForTheCompanyAndASlice_AndKeepsWhatNoSliderShows()
    {
        var finance = new Dictionary<string, string> { ["vertical"] = "finance" };
        var twoDimensions = new Dictionary<string, string> { ["vertical"] = "finance", ["source"] = "inbound" };
        var saved = new Scenario
        {
            Name = "mixed",
            Changes =
            [
                new DealSizeChange { Relative = -0.15 }, new WinRateChange { Relative = 0.05, Slice = finance }, new ChurnChange { Relative = 0.25 },
                new WinRateChange { Relative = 0.2, Slice = twoDimensions }, new ChurnChange { Relative = 0.1, Slice = finance },
            ],
        };

        var drivers = ScenarioDrivers.Of(saved);

        Assert.Equal(-15, drivers["deal_size"]);
        Assert.Equal(25, drivers["churn"]);
        Assert.Equal(0, drivers["win_rate"]);
        Assert.Equal(5, drivers["vertical=finance", "win_rate"]);
        Assert.Equal(["vertical=finance"], drivers.Slices);

        // Two dimensions at once, and churn (which acts on clients, not a slider of a slice), stay as they were saved.
        Assert.Equal([twoDimensions, finance], drivers.Others.Select(o => o.Slice));
        Assert.Equal(5, drivers.ToScenario("again", Today).Changes.Count);
    }

    [Fact]
    public void With_AScope_NarrowsTheChangeToThatSliceOfTheDeals_BesideTheCompanysOwn()
    {
        var drivers = ScenarioDrivers.None.With("win_rate", 10).With(ScenarioDrivers.Scope("vertical", "Health; Life=Care"), "win_rate", -20);

        var changes = drivers.ToScenario("narrow", Today).Changes.OfType<WinRateChange>().ToList();

        Assert.Equal(2, changes.Count);
        Assert.Equal((0.1, 0), (changes[0].Relative!.Value, changes[0].Slice.Count));
        Assert.Equal(-0.2, changes[1].Relative);
        Assert.Equal(new Dictionary<string, string> { ["vertical"] = "Health; Life=Care" }, changes[1].Slice);
        Assert.Equal(10, drivers["win_rate"]);
        Assert.Equal(-20, drivers["vertical=Health; Life=Care", "win_rate"]);
        Assert.Empty(ScenarioCheck.Problems(drivers.ToScenario("narrow", Today)));

        // Read back from what is saved, the same sliders.
        Assert.Equal(drivers.ToString(), ScenarioDrivers.Of(drivers.ToScenario("narrow", Today)).ToString());
    }

    [Theory]
    [InlineData("add_reps", "vertical=finance")]
    [InlineData("win_rate", "finance")]
    [InlineData("win_rate", "planet=mars")]
    public void With_AScopeASliderCannotTake_IsRefused(string kind, string scope) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioDrivers.None.With(scope, kind, 10));
}
