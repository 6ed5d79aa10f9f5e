using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Tests.Domain;

public sealed class GuardTests
{
    [Fact]
    public void NumbersOutOfRange_AreArgumentOutOfRange_WithTheActualValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.NotNegative(-2m, "Amount"));
        var p = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Probability(2.5, "Probability"));
        var d = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Defined((OpportunityStatus)5, "Status"));

        Assert.Equal(-2m, e.ActualValue);
        Assert.StartsWith("Amount is negative: -2", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Probability is not a probability between 0 and 1: 2.5", p.Message, StringComparison.Ordinal);
        Assert.StartsWith("Status is not a OpportunityStatus: 5", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidPath_AllocatesNothing()
    {
        // The store loads tens of millions of records through these guards.
        var instant = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var day = new DateOnly(2025, 3, 1);
        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run()
        {
            Guard.Id("o1", "Id");
            Guard.OptionalId(null, "Id");
            Guard.NotBlank("Proposal", "Stage");
            Guard.NotNegative(12.5m, "Amount");
            Guard.NotNegative((long?)3, "Count");
            Guard.Probability(0.3, "Probability");
            Guard.Defined(OpportunityStatus.Won, "Status");
            Guard.Defined((ForecastCategory?)ForecastCategory.Commit, "ForecastCategory");
            Guard.Utc(instant, "At");
            Guard.Utc((DateTimeOffset?)instant, "At");
            Guard.FirstOfMonth(day, "Month");
            Guard.InOrder(instant, "CreatedAt", instant.AddDays(1), "ClosedAt", "ClosedAt");
            Guard.InOrder(day, "StartDate", (DateOnly?)null, "EndDate", "EndDate");
        }
    }
}
