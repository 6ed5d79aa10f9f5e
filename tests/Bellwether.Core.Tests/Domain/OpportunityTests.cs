using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class OpportunityTests
{
    private static readonly Opportunity Won = new()
    {
        OpportunityId = "o1",
        AccountId = "a1",
        OwnerRepId = "r1",
        ServiceLine = "consulting",
        Type = OpportunityType.Expansion,
        Source = LeadSource.Inbound,
        Amount = 0,
        CreatedAt = March,
        Stage = "Closed Won",
        Status = OpportunityStatus.Won,
        ClosedAt = March,
        Probability = 1,
        ForecastCategory = ForecastCategory.Closed,
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Opportunity.OpportunityId), "\"\"", () => Won with { OpportunityId = "" } },
        { nameof(Opportunity.OpportunityId), "\" o1\"", () => Won with { OpportunityId = " o1" } },
        { nameof(Opportunity.OpportunityId), "null", () => Won with { OpportunityId = null! } },
        { nameof(Opportunity.AccountId), "\"  \"", () => Won with { AccountId = "  " } },
        { nameof(Opportunity.OwnerRepId), "\"r1\t\"", () => Won with { OwnerRepId = "r1\t" } },
        { nameof(Opportunity.ServiceLine), "\"\"", () => Won with { ServiceLine = "" } },
        { nameof(Opportunity.Type), "7", () => Won with { Type = (OpportunityType)7 } },
        { nameof(Opportunity.Source), "-1", () => Won with { Source = (LeadSource)(-1) } },
        { nameof(Opportunity.Amount), "-0.01", () => Won with { Amount = -0.01m } },
        { nameof(Opportunity.CreatedAt), "+02:00", () => Won with { CreatedAt = MarchInParis } },
        { nameof(Opportunity.Stage), "\" \"", () => Won with { Stage = " " } },
        { nameof(Opportunity.Status), "3", () => Won with { Status = (OpportunityStatus)3 } },
        { nameof(Opportunity.ClosedAt), "+02:00", () => Won with { ClosedAt = MarchInParis } },
        { nameof(Opportunity.Probability), "2.5", () => Won with { Probability = 2.5 } },
        { nameof(Opportunity.Probability), "-0.1", () => Won with { Probability = -0.1 } },
        { nameof(Opportunity.Probability), "NaN", () => Won with { Probability = double.NaN } },
        { nameof(Opportunity.ForecastCategory), "9", () => Won with { ForecastCategory = (ForecastCategory)9 } },
    };

    [Fact]
    public void AValidDeal_Builds_AndKeepsItsValues()
    {
        Assert.Equal(0m, Won.Amount);
        Assert.Equal(March, Won.ClosedAt);
        Assert.Equal(1.0, Won.Probability);
    }

    [Fact]
    public void AnOpenDeal_WithoutTheOptionalValues_Builds()
    {
        var open = new Opportunity
        {
            OpportunityId = "o2",
            AccountId = "a1",
            OwnerRepId = "r1",
            ServiceLine = "consulting",
            Amount = 1_000,
            CreatedAt = March,
            Stage = "Proposal",
            Status = OpportunityStatus.Open,
        };

        Assert.Null(open.ClosedAt);
        Assert.Equal(OpportunityType.NewBusiness, open.Type);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);

    [Fact]
    public void ANegativeZeroAmount_IsZero_NotNegative()
    {
        var deal = Won with { Amount = Math.Round(-0.001m, 2) };

        Assert.Equal(0m, deal.Amount);
    }

    [Fact]
    public void ClosedAtBeforeCreatedAt_Throws_WhicheverTheInitializerSetsFirst()
    {
        var createdFirst = Assert.ThrowsAny<ArgumentException>(() => new Opportunity
        {
            OpportunityId = "o3",
            AccountId = "a1",
            OwnerRepId = "r1",
            ServiceLine = "consulting",
            Amount = 1,
            CreatedAt = April,
            ClosedAt = March,
            Stage = "Closed Lost",
            Status = OpportunityStatus.Lost,
        });
        var closedFirst = Assert.ThrowsAny<ArgumentException>(() => new Opportunity
        {
            OpportunityId = "o3",
            AccountId = "a1",
            OwnerRepId = "r1",
            ServiceLine = "consulting",
            Amount = 1,
            ClosedAt = March,
            CreatedAt = April,
            Stage = "Closed Lost",
            Status = OpportunityStatus.Lost,
        });

        Assert.Equal(nameof(Opportunity.ClosedAt), createdFirst.ParamName);
        Assert.Equal(nameof(Opportunity.CreatedAt), closedFirst.ParamName);
        foreach (var e in new[] { createdFirst, closedFirst })
        {
            Assert.StartsWith("ClosedAt 2025-03-01T09:30:00Z is before CreatedAt 2025-04-01T00:00:00Z", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ClosedAtAfterOrAtCreatedAt_Builds_InEitherOrder()
    {
        var createdFirst = new Opportunity
        {
            OpportunityId = "o4",
            AccountId = "a1",
            OwnerRepId = "r1",
            ServiceLine = "consulting",
            Amount = 1,
            CreatedAt = March,
            ClosedAt = April,
            Stage = "Closed Won",
            Status = OpportunityStatus.Won,
        };
        var closedFirst = new Opportunity
        {
            OpportunityId = "o4",
            AccountId = "a1",
            OwnerRepId = "r1",
            ServiceLine = "consulting",
            Amount = 1,
            ClosedAt = April,
            CreatedAt = March,
            Stage = "Closed Won",
            Status = OpportunityStatus.Won,
        };

        Assert.Equal(createdFirst, closedFirst);
    }

    [Fact]
    public void With_ChecksEachChangeAgainstWhatTheCopyHolds()
    {
        // A with is a copy, then its assignments in order: each is checked against the other values as they stand.
        Assert.ThrowsAny<ArgumentException>(() => Won with { CreatedAt = April });
        Assert.ThrowsAny<ArgumentException>(() => Won with { ClosedAt = March.AddTicks(-1) });

        // Moving both later works when the later one moves first, and reopening clears ClosedAt.
        var moved = Won with { ClosedAt = April.AddDays(1), CreatedAt = April };
        var reopened = Won with { Status = OpportunityStatus.Open, ClosedAt = null, CreatedAt = April };

        Assert.Equal(April, moved.CreatedAt);
        Assert.Null(reopened.ClosedAt);
    }
}
