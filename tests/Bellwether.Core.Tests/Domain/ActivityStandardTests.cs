using Bellwether.Core.Activities;
using Bellwether.Core.Reps;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class ActivityStandardTests
{
    private static readonly ActivityStandard SdrCalls = new() { Role = "sdr", Type = ActivityType.Call, Per = StandardPer.Day, Minimum = 40 };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(ActivityStandard.Role), "\"\"", () => SdrCalls with { Role = "" } },
        { nameof(ActivityStandard.Role), "\" sdr\"", () => SdrCalls with { Role = " sdr" } },
        { nameof(ActivityStandard.Type), "6", () => SdrCalls with { Type = (ActivityType)6 } },
        { nameof(ActivityStandard.Per), "2", () => SdrCalls with { Per = (StandardPer)2 } },
        { nameof(ActivityStandard.Minimum), "-1", () => SdrCalls with { Minimum = -1 } },
    };

    [Fact]
    public void AValidStandard_Builds_ForARoleOrARep()
    {
        var onePerson = SdrCalls with { Role = "r7", Per = StandardPer.Week, Minimum = 0 };

        Assert.Equal("r7", onePerson.Role);
        Assert.Equal(40m, SdrCalls.Minimum);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
