using Bellwether.Core.Accounts;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class EngagementSignalTests
{
    private static readonly EngagementSignal Detractor = new() { AccountId = "a1", OccurredAt = March, Kind = EngagementKind.Nps, Value = -40 };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(EngagementSignal.AccountId), "\"\"", () => Detractor with { AccountId = "" } },
        { nameof(EngagementSignal.OccurredAt), "+02:00", () => Detractor with { OccurredAt = MarchInParis } },
        { nameof(EngagementSignal.Kind), "6", () => Detractor with { Kind = (EngagementKind)6 } },
    };

    [Fact]
    public void AValidSignal_Builds_AndItsValueMayBeNegative()
    {
        Assert.Equal(-40m, Detractor.Value);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
