using Bellwether.Testing;

namespace Bellwether.Core.Tests.Architecture;

/// <summary>
/// The core's features (its folders: Plans, Forecasting, Indicators, …) use each other in one direction only, so
/// each can be read, tested and changed from the ones beneath it up (issue 15: the loops made every feature
/// depend on every other).
/// </summary>
public sealed class FeatureLoopTests
{
    private static readonly FeatureGraph Core = FeatureGraph.Of(typeof(Guard).Assembly, "Bellwether.Core");

    [Fact]
    public void CoreFeatures_UseEachOtherWithoutLoops()
    {
        var loops = Core.Loops();

        Assert.True(
            loops.Count == 0,
            string.Join(
                Environment.NewLine,
                loops.Select(l => $"loop between {string.Join(", ", l)}:{Environment.NewLine}{Core.Describe(l)}")));
    }

    [Fact]
    public void FeatureGraph_SeesUsesInSignaturesAndInMethodBodies_AndTheLoopsTheyMake()
    {
        var sample = FeatureGraph.Of(typeof(FeatureLoopTests).Assembly, "Bellwether.Core.Tests.Architecture.Sample");

        Assert.Contains(("Body", "Low"), sample.Edges.Keys);
        Assert.Contains(("Signature", "Low"), sample.Edges.Keys);
        Assert.DoesNotContain(("Low", "Body"), sample.Edges.Keys);
        var loop = Assert.Single(sample.Loops());
        Assert.Equal(["First", "Second"], loop);
        Assert.Contains("Second → First: Returner → Caller", sample.Describe(loop), StringComparison.Ordinal);
    }
}

