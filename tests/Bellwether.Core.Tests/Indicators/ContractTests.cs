using System.Text.Json;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class ContractTests
{
    private static readonly Dataset Data = Company(
        Won("w1", 100, "2017-07-01", "2017-07-11"), Lost("l1", 50, "2017-07-01", "2017-08-11"), Won("w2", 300, "2017-07-01", "2017-08-11", rep: "r3", account: "a2")) with
    {
        Quotas = [new Quota { RepId = "r1", Period = "2017-Q3", Amount = 200 }],
    };

    private static readonly JsonSerializerOptions CallersOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly DateTimeOffset AsOf = At("2026-11-28T09:00:00Z");

    [Fact]
    public void Json_RowHasTheContractsShape()
    {
        var row = Slice(Run(Data, "win_rate", "2017-Q3", AsOf, by: [Dimension.Vertical]), "vertical", "retail");

        var json = JsonSerializer.Serialize(row, IndicatorJson.Options);

        Assert.Equal(
            """{"indicator":"win_rate","period":"2017-Q3","as_of":"2026-11-28T09:00:00Z","slice":{"vertical":"retail"},"value":0.5,"unit":"ratio","provisional":false,"provisional_reason":null,"missing_reason":null,"detail":null}""",
            json);
    }

    [Fact]
    public void Json_CallersSnakeCaseOptionsAreEnough_AndDetailNamesItsKind()
    {
        var row = One(Data, "quota_attainment", "2017-Q3", AsOf);

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(row, CallersOptions));

        var detail = doc.RootElement.GetProperty("detail");
        Assert.Equal("quota", detail.GetProperty("kind").GetString());
        Assert.Equal("bookings", detail.GetProperty("metric").GetString());
        Assert.Equal("r1", detail.GetProperty("reps")[0].GetProperty("rep_id").GetString());
        Assert.Equal(0.5m, detail.GetProperty("reps")[0].GetProperty("attainment").GetDecimal()); // 100 / 200
        Assert.Equal("2026-11-28T09:00:00Z", doc.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public void Json_RowsRoundTrip()
    {
        var rows = Run(Data, "attainment_bands", "2017-Q3", AsOf);

        var back = JsonSerializer.Deserialize<List<IndicatorRow>>(IndicatorJson.Serialize(rows), IndicatorJson.Options)!;

        var row = Assert.Single(back);
        Assert.Equal(AsOf, row.AsOf);
        Assert.Equal("r1", Assert.IsType<AttainmentBandsDetail>(row.Detail).Far.Reps[0].RepId);
    }

    [Fact]
    public void Json_MissingValueIsNullWithReason()
    {
        var row = Slice(Run(Data, "win_rate", "2017-Q2", AsOf, by: [Dimension.Vertical]), "vertical", "retail");

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(row, IndicatorJson.Options));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("value").ValueKind);
        Assert.Equal("no closed deals in 2017-Q2", doc.RootElement.GetProperty("missing_reason").GetString());
    }

    [Fact]
    public void Csv_RowLineThenDetailLines()
    {
        var rows = Run(Data, "quota_attainment", "2017-Q3", AsOf, by: [Dimension.Team]);

        var lines = IndicatorCsv.Write(rows).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("indicator,period,as_of,slice,value,unit,provisional,provisional_reason,missing_reason,detail,detail_rank,detail_item,detail_fields", lines[0]);
        Assert.Equal("quota_attainment,2017-Q3,2026-11-28T09:00:00Z,team=east,0.5,ratio,false,,,,,,", lines[1]);
        Assert.Equal("quota_attainment,2017-Q3,2026-11-28T09:00:00Z,team=east,0.5,,,,,reps,1,r1,rep_name=Rep r1;metric=bookings;actual=100;quota=200;band=far;note=", lines[2]);
        Assert.Equal("quota_attainment,2017-Q3,2026-11-28T09:00:00Z,team=west,,ratio,false,,no rep of the slice has a quota for 2017-Q3,,,,", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Csv_QuotesFieldsWithCommas()
    {
        var row = new IndicatorRow
        {
            Indicator = "bookings",
            Period = "2017",
            AsOf = AsOf,
            Slice = new Dictionary<string, string> { ["account"] = "Acme, Inc." },
            Unit = "money",
            MissingReason = "a \"quoted\" reason",
        };

        var line = IndicatorCsv.Write([row]).Split('\n')[1];

        Assert.Equal("bookings,2017,2026-11-28T09:00:00Z,\"account=Acme, Inc.\",,money,false,,\"a \"\"quoted\"\" reason\",,,,", line);
    }

    [Fact]
    public void EveryCatalogIndicatorIsComputed()
    {
        Assert.Empty(IndicatorCatalog.Names.Except(IndicatorEngine.Supported, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryIndicator_OnAnEmptyCompany_GivesRowsNeverThrows()
    {
        var engine = new IndicatorEngine(Company());

        var rows = engine.Run(new IndicatorQuery { Indicators = IndicatorCatalog.Names, Period = Data.Settings.Calendar.Parse("2017-Q3"), AsOf = AsOf });

        Assert.All(rows, r => Assert.True(r.Value is not null || r.MissingReason is not null));
        Assert.Equal(IndicatorCatalog.Names.Count, rows.Select(r => r.Indicator).Distinct().Count());
    }
}
