using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class PipelineIndicatorTests
{
    [Fact]
    public void OpenPipeline_AtPeriodEnd_CountsDealsCreatedBeforeAndNotClosedBefore()
    {
        var data = Company(
            Deal("open", 100, "2017-02-01"),
            Won("closed-in-q1", 200, "2017-02-01", "2017-03-31T23:59:59Z"),
            Won("closed-at-end", 400, "2017-02-01", "2017-04-01"), // still open at the end instant 2017-04-01T00:00
            Deal("created-at-end", 800, "2017-04-01"));

        Assert.Equal(500m, Value(data, "open_pipeline", "2017-Q1")); // 100 + 400
        Assert.Equal(2m, Value(data, "open_deals", "2017-Q1"));
    }

    [Fact]
    public void OpenPipeline_AsOfBeforeAnyHistory_UsesEarliestRecordedAmount()
    {
        var data = Company(Won("o1", 500, "2017-01-10", "2017-03-01")) with
        {
            History = [Change("o1", "2017-02-01", "Proposal", 80), Change("o1", "2017-03-01", "Won", 500, status: OpportunityStatus.Won)],
        };

        var row = One(data, "open_pipeline", "2017-Q1", At("2017-01-20"));

        Assert.Equal(80m, row.Value);
        Assert.True(row.Provisional); // read at t, before the end of the quarter
    }

    [Fact]
    public void OpenPipeline_AsOf_UsesLastHistoryRowStrictlyBefore()
    {
        var data = Company(Deal("o1", 500, "2017-01-10")) with
        {
            History = [Change("o1", "2017-01-10", "Qualify", 80), Change("o1", "2017-02-01", "Proposal", 300), Change("o1", "2017-03-01", "Proposal", 500)],
        };

        Assert.Equal(80m, One(data, "open_pipeline", "2017-Q1", At("2017-02-01")).Value); // the 2017-02-01 row is not before t
        Assert.Equal(300m, One(data, "open_pipeline", "2017-Q1", At("2017-02-01T00:00:01Z")).Value);
        Assert.Equal(0m, One(data, "open_pipeline", "2017-Q1", At("2017-01-10")).Value); // created at t: not yet open
    }

    [Fact]
    public void WeightedPipeline_TakesStageProbabilityThenDealsThenHistoricalWinRate()
    {
        var data = Company(
            Deal("o1", 100, "2017-01-01", stage: "Proposal"),
            Deal("o2", 200, "2017-01-01", stage: "Negotiation", probability: 0.3),
            Deal("o3", 90, "2017-01-01", stage: "Discovery"),
            Won("c1", 10, "2016-01-01", "2016-03-01"),
            Lost("c2", 10, "2016-01-01", "2016-03-01"),
            Lost("c3", 10, "2016-01-01", "2016-03-01")) with
        {
            Stages = [new Stage { Name = "Proposal", Order = 2, Probability = 0.5 }, new Stage { Name = "Negotiation", Order = 3 }, new Stage { Name = "Discovery", Order = 1 }],
            History = [Change("c1", "2016-01-01", "Discovery", 10), Change("c2", "2016-01-01", "Discovery", 10), Change("c3", "2016-01-01", "Discovery", 10)],
        };

        // 100 × 0.5 (stages.csv) + 200 × 0.3 (the deal's own) + 90 × 1/3 (Discovery: 1 won of 3 that reached it)
        Near(50m + 60m + 30m, Value(data, "weighted_pipeline", "2017-Q1"), 0.0001m);
    }

    [Fact]
    public void WeightedPipeline_StageWithNoProbabilityAnywhere_UsesOverallWinRateProvisionally()
    {
        var data = Company(Deal("o1", 100, "2017-01-01", stage: "Mystery"), Won("c1", 10, "2016-01-01", "2016-03-01"), Lost("c2", 10, "2016-01-01", "2016-03-01"));

        var row = One(data, "weighted_pipeline", "2017-Q1");

        Assert.Equal(50m, row.Value); // 100 × 1/2
        Assert.True(row.Provisional);
    }

    // Won cycles in 2016 of 10, 20, 30, 40 and 50 days: the 10th percentile is 10 + 0.4 × (20 − 10) = 14 days.
    private static readonly Opportunity[] WonIn2016 =
    [
        Won("h1", 1, "2016-03-01", "2016-03-11"), Won("h2", 1, "2016-03-01", "2016-03-21"), Won("h3", 1, "2016-03-01", "2016-03-31"),
        Won("h4", 1, "2016-03-01", "2016-04-10"), Won("h5", 1, "2016-03-01", "2016-04-20"),
    ];

    [Fact]
    public void ClosableDeals_ByExpectedDateOrCycleForUndatedDeals()
    {
        var data = Company([.. WonIn2016,
            Deal("inside", 100, "2017-01-05", expected: "2017-03-31"),
            Deal("overdue", 200, "2017-01-05", expected: "2017-01-31"),
            Deal("later", 400, "2017-01-05", expected: "2017-04-01"),
            Deal("undated-old", 800, "2017-03-18"), // 14 days before 1 April: closable
            Deal("undated-new", 1600, "2017-03-18T00:00:01Z")]);

        var row = One(data, "closable_deals", "2017-Q1", At("2017-03-25"));

        Assert.Equal(3m, row.Value); // inside, overdue, undated-old
        var detail = Assert.IsType<ClosableDetail>(row.Detail);
        Assert.Equal(1100m, detail.Amount);
        Near(14m, detail.P10CycleDays);
    }

    [Fact]
    public void ClosableDeals_PeriodOver_IsMissing()
    {
        var row = One(Company(Deal("o", 1, "2017-01-01")), "closable_deals", "2017-Q1", At("2017-04-01"));

        Assert.Equal("2017-Q1 is over as of 2017-04-01T00:00:00Z", row.MissingReason);
    }

    [Fact]
    public void SlippedDeals_ExpectedCloseMovedOutOfPeriod()
    {
        var data = Company(Deal("s1", 100, "2017-01-05", expected: "2017-05-01"), Deal("s2", 200, "2017-01-05", expected: "2017-05-01")) with
        {
            History =
            [
                Change("s1", "2017-01-05", "Proposal", 100, "2017-03-15"), Change("s1", "2017-03-20", "Proposal", 100, "2017-05-01"),
                Change("s2", "2017-01-05", "Proposal", 200, "2017-04-15"), Change("s2", "2017-03-20", "Proposal", 200, "2017-05-01"),
            ],
        };

        var row = One(data, "slipped_deals", "2017-Q1");

        Assert.Equal(1m, row.Value);
        var slipped = Assert.Single(Assert.IsType<SlippedDetail>(row.Detail).Deals);
        Assert.Equal("s1", slipped.OpportunityId);
        Assert.Equal(Day("2017-03-15"), slipped.ExpectedBefore);
    }

    [Fact]
    public void SlippedDeals_WithoutHistory_IsMissing()
    {
        Assert.Equal("no opportunity_history.csv", One(Company(Deal("o", 1, "2017-01-01")), "slipped_deals", "2017-Q1").MissingReason);
    }

    [Fact]
    public void SalesVelocity_OpenDealsTimesTrailingRates()
    {
        var data = Company(
            Won("w1", 100, "2017-01-01", "2017-01-11"), Won("w2", 300, "2017-02-01", "2017-03-03"), Lost("l1", 200, "2017-01-05", "2017-02-05"),
            Deal("o1", 5, "2017-03-01"), Deal("o2", 5, "2017-03-01"));

        // Trailing 4 quarters before 1 April 2017: win rate 2/3, average deal 200, cycle (10 + 30) / 2 = 20 days.
        Near(2 * (2m / 3) * 200 / 20, Value(data, "sales_velocity", "2017-Q1"), 0.0001m);
    }
}
