using Bellwether.Storage;
using Bellwether.Testing;

namespace Bellwether.Tests.Architecture;

/// <summary>The app's and the store's features use each other in one direction only, as the core's do.</summary>
public sealed class FeatureLoopTests
{
    public static TheoryData<string> Assemblies => ["Bellwether", "Bellwether.Storage"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Features_UseEachOtherWithoutLoops(string assembly)
    {
        var root = assembly == "Bellwether" ? typeof(Bellwether.Web.ApiErrors).Assembly : typeof(IStore).Assembly;
        var graph = FeatureGraph.Of(root, assembly);

        var loops = graph.Loops();

        Assert.NotEmpty(graph.Edges);
        Assert.True(
            loops.Count == 0,
            string.Join(
                Environment.NewLine,
                loops.Select(l => $"loop between {string.Join(", ", l)}:{Environment.NewLine}{graph.Describe(l)}")));
    }
}
