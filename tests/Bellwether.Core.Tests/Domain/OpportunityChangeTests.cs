using Bellwether.Core.Pipeline;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class OpportunityChangeTests
{
    private static readonly OpportunityChange Committed = new()
    {
        OpportunityId = "o1",
        ChangedAt = March,
        Stage = "Negotiate",
        Status = OpportunityStatus.Open,
        Amount = 5_000,
        ExpectedCloseDate = new DateOnly(2025, 4, 30),
        ForecastCategory = ForecastCategory.Commit,
        Derived = true,
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(OpportunityChange.OpportunityId), "\"\"", () => Committed with { OpportunityId = "" } },
        { nameof(OpportunityChange.ChangedAt), "+02:00", () => Committed with { ChangedAt = MarchInParis } },
        { nameof(OpportunityChange.Stage), "\"\"", () => Committed with { Stage = "" } },
        { nameof(OpportunityChange.Status), "-1", () => Committed with { Status = (OpportunityStatus)(-1) } },
        { nameof(OpportunityChange.Amount), "-5000", () => Committed with { Amount = -5_000 } },
        { nameof(OpportunityChange.ForecastCategory), "5", () => Committed with { ForecastCategory = (ForecastCategory)5 } },
    };

    [Fact]
    public void AValidChange_Builds()
    {
        Assert.Equal(5_000m, Committed.Amount);
        Assert.Null((Committed with { ForecastCategory = null }).ForecastCategory);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
