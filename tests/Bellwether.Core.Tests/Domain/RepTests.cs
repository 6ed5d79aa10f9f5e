using Bellwether.Core.Reps;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class RepTests
{
    private static readonly DateOnly January = new(2024, 1, 15);
    private static readonly DateOnly June = new(2024, 6, 30);

    private static readonly Rep Left = new()
    {
        RepId = "r1",
        Name = "Ada Lovelace",
        Email = "ada@example.com",
        Team = "east",
        ManagerId = "m1",
        Role = RepRole.Sdr,
        Region = "EMEA",
        StartDate = January,
        EndDate = June,
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Rep.RepId), "\"\"", () => Left with { RepId = "" } },
        { nameof(Rep.RepId), "\"r1 \"", () => Left with { RepId = "r1 " } },
        { nameof(Rep.Name), "\"\"", () => Left with { Name = "" } },
        { nameof(Rep.Name), "null", () => Left with { Name = null! } },
        { nameof(Rep.ManagerId), "\" \"", () => Left with { ManagerId = " " } },
        { nameof(Rep.Role), "4", () => Left with { Role = (RepRole)4 } },
    };

    [Fact]
    public void AValidRep_Builds()
    {
        var employed = new Rep { RepId = "r2", Name = "Grace Hopper" };

        Assert.Equal(RepRole.Sdr, Left.Role);
        Assert.Equal(RepRole.Ae, employed.Role);
        Assert.Null(employed.ManagerId);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);

    [Fact]
    public void EndDateBeforeStartDate_Throws_WhicheverTheInitializerSetsFirst()
    {
        var startFirst = Assert.ThrowsAny<ArgumentException>(() => new Rep { RepId = "r3", Name = "N", StartDate = June, EndDate = January });
        var endFirst = Assert.ThrowsAny<ArgumentException>(() => new Rep { RepId = "r3", Name = "N", EndDate = January, StartDate = June });

        Assert.Equal(nameof(Rep.EndDate), startFirst.ParamName);
        Assert.Equal(nameof(Rep.StartDate), endFirst.ParamName);
        foreach (var e in new[] { startFirst, endFirst })
        {
            Assert.StartsWith("EndDate 2024-01-15 is before StartDate 2024-06-30", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EndDateOnOrAfterStartDate_Builds_InEitherOrder()
    {
        var oneDay = new Rep { RepId = "r4", Name = "N", EndDate = June, StartDate = June };
        var startFirst = new Rep { RepId = "r4", Name = "N", StartDate = January, EndDate = June };
        var endFirst = new Rep { RepId = "r4", Name = "N", EndDate = June, StartDate = January };

        Assert.True(oneDay.IsActiveOn(June));
        Assert.Equal(startFirst, endFirst);
    }

    [Fact]
    public void With_ChecksTheNewDateAgainstTheOtherAsItStands()
    {
        Assert.ThrowsAny<ArgumentException>(() => Left with { StartDate = June.AddDays(1) });
        Assert.ThrowsAny<ArgumentException>(() => Left with { EndDate = January.AddDays(-1) });

        Assert.Null((Left with { EndDate = null }).EndDate);
    }
}
