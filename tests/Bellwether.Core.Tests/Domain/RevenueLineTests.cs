using Bellwether.Core.Finance;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class RevenueLineTests
{
    private static readonly RevenueLine Support = new() { AccountId = "a1", Month = new DateOnly(2025, 2, 1), ServiceLine = "support", Revenue = 0, Cogs = 0 };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(RevenueLine.AccountId), "\"\"", () => Support with { AccountId = "" } },
        { nameof(RevenueLine.Month), "2025-02-28", () => Support with { Month = new DateOnly(2025, 2, 28) } },
        { nameof(RevenueLine.ServiceLine), "\" \"", () => Support with { ServiceLine = " " } },
        { nameof(RevenueLine.Revenue), "-100", () => Support with { Revenue = -100 } },
        { nameof(RevenueLine.Cogs), "-1", () => Support with { Cogs = -1 } },
    };

    [Fact]
    public void AValidLine_Builds_AndUnknownCogsStayNull()
    {
        var unknownCogs = Support with { Revenue = 1_000, Cogs = null };

        Assert.Null(unknownCogs.Cogs);
        Assert.Equal(0m, Support.Cogs);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
