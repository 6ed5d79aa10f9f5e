using Bellwether.Core.Activities;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class ActivityTests
{
    private static readonly Activity Call = new()
    {
        ActivityId = "c1",
        RepId = "r1",
        Type = ActivityType.Call,
        OccurredAt = March,
        AccountId = "a1",
        OpportunityId = "o1",
        LeadId = "l1",
        Outcome = "no_answer",
        DurationMinutes = 0,
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Activity.ActivityId), "\"\"", () => Call with { ActivityId = "" } },
        { nameof(Activity.RepId), "\" \"", () => Call with { RepId = " " } },
        { nameof(Activity.Type), "6", () => Call with { Type = (ActivityType)6 } },
        { nameof(Activity.OccurredAt), "+02:00", () => Call with { OccurredAt = MarchInParis } },
        { nameof(Activity.AccountId), "\"\"", () => Call with { AccountId = "" } },
        { nameof(Activity.OpportunityId), "\"\"", () => Call with { OpportunityId = "" } },
        { nameof(Activity.LeadId), "\"\"", () => Call with { LeadId = "" } },
        { nameof(Activity.DurationMinutes), "-5", () => Call with { DurationMinutes = -5 } },
    };

    [Fact]
    public void AValidActivity_Builds()
    {
        var bare = new Activity { ActivityId = "e1", RepId = "r1", Type = ActivityType.Email, OccurredAt = March };

        Assert.Null(bare.AccountId);
        Assert.Equal(0, Call.DurationMinutes);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
