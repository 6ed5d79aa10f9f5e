using Bellwether.Core.Activities;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class ActivityDayTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    private static readonly ActivityDay Calls = new("r1", Day, ActivityType.Call, 12);

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        // Through the constructor and through with: both run the guards.
        { nameof(ActivityDay.RepId), "\"\"", () => new ActivityDay("", Day, ActivityType.Call, 1) },
        { nameof(ActivityDay.RepId), "\"\"", () => Calls with { RepId = "" } },
        { nameof(ActivityDay.Type), "9", () => new ActivityDay("r1", Day, (ActivityType)9, 1) },
        { nameof(ActivityDay.Type), "9", () => Calls with { Type = (ActivityType)9 } },
        { nameof(ActivityDay.Count), "-1", () => new ActivityDay("r1", Day, ActivityType.Call, -1) },
        { nameof(ActivityDay.Count), "-1", () => Calls with { Count = -1 } },
    };

    [Fact]
    public void AValidDay_Builds_AndDeconstructs()
    {
        var (rep, day, type, count) = Calls;

        Assert.Equal(("r1", Day, ActivityType.Call, 12), (rep, day, type, count));
        Assert.Equal(Calls, new ActivityDay("r1", Day, ActivityType.Call, 12));
        Assert.Equal(0, new ActivityDay("r1", Day, ActivityType.Demo, 0).Count);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
