using Bellwether.Core.Demo;

namespace Bellwether.Core.Tests.Demo;

public sealed class DemoDeterminismTests
{
    private static readonly DemoOptions OneYear = new() { Years = 1, Seed = 7 };

    [Fact]
    public void SameSeed_GivesByteIdenticalFiles()
    {
        var first = new DemoFiles(OneYear);
        var second = new DemoFiles(OneYear);
        foreach (var file in first.FileNames)
        {
            Assert.True(first.Text(file) == second.Text(file), $"{file} differs between two runs of the same seed");
        }
    }

    [Fact]
    public void DifferentSeed_GivesADifferentCompany()
    {
        var first = new DemoFiles(OneYear);
        var other = new DemoFiles(OneYear with { Seed = 8 });
        Assert.NotEqual(first.Text("opportunities.csv"), other.Text("opportunities.csv"));
        Assert.NotEqual(first.Text("reps.csv"), other.Text("reps.csv"));
        Assert.NotEqual(first.Text("revenue.csv"), other.Text("revenue.csv"));
    }

    [Fact]
    public void Output_DoesNotDependOnTheClock_ButOnTheHistoryEnd()
    {
        var options = OneYear with { HistoryEnd = new DateOnly(2025, 6, 30) };
        var files = new DemoFiles(options);
        Assert.Equal(new DateOnly(2024, 7, 1), files.Summary.HistoryStart);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), files.Summary.Now);
        Assert.Equal("2025-06", files.Table("revenue.csv").Values("month").Max());
        Assert.Contains("2025-12", files.Table("plans.csv").Values("period"));
    }

    [Fact]
    public void ScaleTwo_RoughlyDoublesDealsActivitiesAndReps()
    {
        var one = new DemoFiles(OneYear);
        var two = new DemoFiles(OneYear with { Scale = 2 });
        foreach (var file in new[] { "opportunities.csv", "activities.csv", "reps.csv", "leads.csv", "revenue.csv" })
        {
            var ratio = two.Summary.Rows[file] / (double)one.Summary.Rows[file];
            Assert.InRange(ratio, 1.7, 2.3);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Scale_OutOfRange_IsRefused(int scale)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCompany.Generate(new DemoOptions { Scale = scale }, _ => TextWriter.Null));
    }
}
