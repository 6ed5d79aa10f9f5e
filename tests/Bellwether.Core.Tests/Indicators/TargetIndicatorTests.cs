using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class TargetIndicatorTests
{
    // Trailing 4 fiscal quarters before mid-April 2017 (2016-Q2 to 2017-Q1): 2 won (w1, w2 of account a2 / finance), 1 lost.
    private static Dataset Data { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-01-11"),
        Won("w2", 300, "2017-02-01", "2017-03-03", account: "a2"),
        Lost("l1", 200, "2017-01-05", "2017-02-05"),
        Won("q2", 100, "2017-03-01", "2017-04-05"),
        Deal("o1", 450, "2017-03-01", expected: "2017-06-15"),
        Deal("o2", 900, "2017-03-01", expected: "2017-08-15"));

    private static DateTimeOffset MidApril { get; } = At("2017-04-15");

    [Fact]
    public void RequiredPipeline_RemainingTargetOverTrailingWinRate()
    {
        var row = One(Data, "required_pipeline", "2017-Q2", MidApril, target: 1000);

        Near((1000m - 100m) / (2m / 3), row.Value, 0.0001m); // 100 already booked in Q2 before t
        var detail = Assert.IsType<TargetDetail>(row.Detail);
        Assert.Equal("query", detail.TargetSource);
        Assert.Equal(100m, detail.BookedSoFar);
    }

    [Fact]
    public void PipelineCoverage_ClosableAmountOverRemaining()
    {
        Near(450m / 900m, Value(Data, "pipeline_coverage", "2017-Q2", MidApril, target: 1000)); // o1 closable, o2 expected in Q3
    }

    [Fact]
    public void PipelineCoverage_TargetMet_IsMissingWithReason()
    {
        Assert.Equal("target met", One(Data, "pipeline_coverage", "2017-Q2", MidApril, target: 100).MissingReason);
    }

    [Fact]
    public void RequiredPipeline_TakesPlanForTheRowsSlice()
    {
        var data = Data with
        {
            Plans = [new PlanLine { Pillar = Pillar.NewBusiness, Metric = "bookings", Period = "2017-Q2", Target = 400, Owner = "CRO", Slice = new Dictionary<string, string> { ["vertical"] = "retail" } }],
        };

        var rows = Run(data, "required_pipeline", "2017-Q2", MidApril, by: [Dimension.Vertical]);

        // retail: w1 won, l1 lost in the trailing year → win rate 1/2; q2 (100) booked → (400 − 100) / 0.5
        Assert.Equal(600m, Slice(rows, "vertical", "retail").Value);
        Assert.Equal("no target: no bookings plan for 2017-Q2 (vertical=finance) and no explicit target", Slice(rows, "vertical", "finance").MissingReason);
        Assert.Equal(
            "no target: no bookings plan for 2017-Q2 and no explicit target (plans of 2017-Q2 exist for vertical=retail: ask for that slice)",
            One(data, "required_pipeline", "2017-Q2", MidApril).MissingReason);
    }

    [Fact]
    public void RequiredPipeline_NoTarget_IsMissing()
    {
        Assert.StartsWith("no target", One(Data, "required_pipeline", "2017-Q2", MidApril).MissingReason);
    }

    [Fact]
    public void RequiredPipeline_PeriodOver_IsMissing()
    {
        Assert.Equal("2017-Q1 is over as of 2017-04-15T00:00:00Z", One(Data, "required_pipeline", "2017-Q1", MidApril, target: 5).MissingReason);
    }
}
