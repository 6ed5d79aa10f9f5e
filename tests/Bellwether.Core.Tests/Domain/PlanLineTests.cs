using Bellwether.Core.Plans;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class PlanLineTests
{
    private static readonly PlanLine Margin = new()
    {
        Pillar = Pillar.CostModel,
        Metric = "operating_margin",
        Period = "2025",
        Target = -0.05m,
        Owner = "CFO",
        Slice = new Dictionary<string, string> { ["vertical"] = "finance" },
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(PlanLine.Pillar), "4", () => Margin with { Pillar = (Pillar)4 } },
        { nameof(PlanLine.Metric), "\"\"", () => Margin with { Metric = "" } },
        { nameof(PlanLine.Period), "\"\"", () => Margin with { Period = "" } },
        { nameof(PlanLine.Owner), "\" \"", () => Margin with { Owner = " " } },
        { nameof(PlanLine.Slice), "null", () => Margin with { Slice = null! } },
    };

    [Fact]
    public void AValidLine_Builds_AndItsTargetMayBeNegative()
    {
        var company = new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2025-Q1", Target = 1_000_000, Owner = "President" };

        Assert.Equal(-0.05m, Margin.Target);
        Assert.Empty(company.Slice);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
