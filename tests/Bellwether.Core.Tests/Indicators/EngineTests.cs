using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class EngineTests
{
    private static Dataset Data { get; } = Company(
        Won("w1", 100, "2017-01-01", "2017-01-11"),
        Won("w2", 300, "2017-02-01", "2017-03-03", rep: "r3", account: "a2"),
        Lost("l1", 200, "2017-01-05", "2017-02-05", rep: "r2"),
        Won("w3", 50, "2017-03-20", "2017-04-02"),
        Deal("o1", 70, "2017-03-01", expected: "2017-05-01")) with
    {
        Reps = [Rep("r1", "east", manager: "m1", region: "north"), Rep("r2", "east", manager: "m1", region: "south"), Rep("r3", "west", manager: "m2", region: "north")],
        ActivityDays = [Acts("r1", "2017-01-02", ActivityType.Call, 3), Acts("r3", "2017-01-02", ActivityType.Demo, 2)],
    };

    [Fact]
    public void OneEngine_DifferentAsOfInstants_AnswerEachCorrectly()
    {
        var engine = new IndicatorEngine(Data);
        IndicatorRow Ask(string asOf) => Assert.Single(engine.Run(new IndicatorQuery
        {
            Indicators = ["bookings"],
            Period = Data.Settings.Calendar.Parse("2017-Q1"),
            AsOf = At(asOf),
        }));

        Assert.Equal(400m, Ask("2017-04-01").Value);
        Assert.Equal(100m, Ask("2017-02-01").Value); // cached figures of the first question do not leak into this one
        Assert.Equal(400m, Ask("2017-04-01").Value);
    }

    [Fact]
    public void ConcurrentQueries_AnswerAsSequentialOnes()
    {
        var engine = new IndicatorEngine(Data);
        var calendar = Data.Settings.Calendar;
        var queries = (from slicing in new[] { Array.Empty<Dimension>(), [Dimension.Rep], [Dimension.Vertical], [Dimension.ServiceLine] }
                       from quarter in new[] { "2016-Q4", "2017-Q1", "2017-Q2" }
                       select new IndicatorQuery { Indicators = IndicatorCatalog.Names, Period = calendar.Parse(quarter), By = slicing, AsOf = At("2017-05-15") }).ToList();

        var parallel = new string[queries.Count];
        Parallel.For(0, queries.Count, i => parallel[i] = IndicatorJson.Serialize(engine.Run(queries[i])));
        var sequential = queries.Select(q => IndicatorJson.Serialize(new IndicatorEngine(Data).Run(q))).ToArray();

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData(Dimension.Manager, "m1", 100)] // r1 and r2: w1 won, l1 lost
    [InlineData(Dimension.RepRegion, "north", 400)] // r1 and r3
    [InlineData(Dimension.AccountRegion, "unknown", 400)] // accounts without a region
    [InlineData(Dimension.Type, "new_business", 400)]
    [InlineData(Dimension.Source, "unknown", 400)] // deals without a source
    public void Filter_ByEachDealDimension(Dimension dimension, string value, double bookings)
    {
        var row = Assert.Single(Run(Data, "bookings", "2017-Q1", filter: new() { [dimension] = value }));

        Assert.Equal((decimal)bookings, row.Value);
    }

    [Fact]
    public void Filter_ValueThatDoesNotExist_GivesTheSliceWithNothingInIt()
    {
        var row = Assert.Single(Run(Data, "win_rate", "2017-Q1", filter: new() { [Dimension.Vertical] = "mining" }));

        Assert.Equal("no closed deals in 2017-Q1", row.MissingReason);
        Assert.Equal(new Dictionary<string, string> { ["vertical"] = "mining" }, row.Slice);
    }

    [Fact]
    public void Activities_ByRepAndActivityType()
    {
        var rows = Run(Data, "activities", "2017-01", by: [Dimension.Team, Dimension.ActivityType]);

        Assert.Equal(3m, Assert.Single(rows, r => r.Slice["team"] == "east" && r.Slice["activity_type"] == "call").Value);
        Assert.Equal(2m, Assert.Single(rows, r => r.Slice["team"] == "west" && r.Slice["activity_type"] == "demo").Value);
        Assert.Equal(0m, Assert.Single(rows, r => r.Slice["team"] == "west" && r.Slice["activity_type"] == "call").Value);
    }

    [Fact]
    public void TrailingQuarters_FollowAnAprilFiscalYear()
    {
        // Fiscal 2018 starts in April 2017. As of 15 May 2017 (in 2018-Q1), the trailing 4 quarters are 2017-Q1..2017-Q4,
        // April 2016 – March 2017: w1, w2 won and l1 lost, all in 2017-Q4 (January–March 2017).
        var data = Data with { Settings = new CompanySettings { Calendar = new FiscalCalendar(4) } };

        var row = One(data, "required_pipeline", "2018-Q1", At("2017-05-15"), target: 250);

        Near((250m - 50m) / (2m / 3), row.Value, 0.0001m); // w3 (50) booked in April
        Assert.Equal("2018-Q1", row.Period);
    }

    [Fact]
    public void Grain_CoarserThanPeriod_IsAnArgumentError()
    {
        var engine = new IndicatorEngine(Data);

        Assert.Throws<ArgumentException>(() => engine.Run(new IndicatorQuery
        {
            Indicators = ["bookings"],
            Period = Data.Settings.Calendar.Parse("2017-03"),
            Grain = Grain.Quarter,
            AsOf = Now,
        }));
    }
}
