using Bellwether.Core.Pipeline;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class StageTests
{
    private static readonly Stage Proposal = new() { Name = "Proposal", Order = 3, Probability = 0.4 };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Stage.Name), "\"\"", () => Proposal with { Name = "" } },
        { nameof(Stage.Order), "-1", () => Proposal with { Order = -1 } },
        { nameof(Stage.Probability), "1.01", () => Proposal with { Probability = 1.01 } },
        { nameof(Stage.Probability), "-Infinity", () => Proposal with { Probability = double.NegativeInfinity } },
    };

    [Fact]
    public void AValidStage_Builds_WithTheEdgesOfAProbability()
    {
        var lost = new Stage { Name = "Closed Lost", Order = 0, Probability = 0 };
        var won = new Stage { Name = "Closed Won", Order = 9, Probability = 1 };

        Assert.Equal(0.0, lost.Probability);
        Assert.Equal(1.0, won.Probability);
        Assert.Null(new Stage { Name = "Engaging", Order = 1 }.Probability);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
