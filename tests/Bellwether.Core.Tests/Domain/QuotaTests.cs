using Bellwether.Core.Reps;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class QuotaTests
{
    private static readonly Quota Meetings = new() { RepId = "r1", Period = "2025-Q1", Amount = 40, Metric = QuotaMetric.Meetings };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Quota.RepId), "\"\"", () => Meetings with { RepId = "" } },
        { nameof(Quota.Period), "\" \"", () => Meetings with { Period = " " } },
        { nameof(Quota.Amount), "-1", () => Meetings with { Amount = -1 } },
        { nameof(Quota.Metric), "4", () => Meetings with { Metric = (QuotaMetric)4 } },
    };

    [Fact]
    public void AValidQuota_Builds_AndAZeroQuotaIsOne()
    {
        var zero = new Quota { RepId = "r1", Period = "2025-03", Amount = 0 };

        Assert.Equal(QuotaMetric.Bookings, zero.Metric);
        Assert.Equal(40m, Meetings.Amount);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
