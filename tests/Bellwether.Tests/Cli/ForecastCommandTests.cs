using System.Text.Json;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Cli;

public sealed class ForecastCommandTests(DemoStore demo) : IClassFixture<DemoStore>
{
    [Fact]
    public void Forecast_GivesOrderedRangesAndPartsThatAddUpToTheMean()
    {
        var result = CliRunner.Run("forecast", "bookings", "revenue", "--period", "2026-Q3", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal("2026-07-01T00:00:00Z", row.GetProperty("as_of").GetString());
            var p10 = row.GetProperty("p10").GetDecimal();
            var p50 = row.GetProperty("p50").GetDecimal();
            var p90 = row.GetProperty("p90").GetDecimal();
            Assert.True(p10 <= p50 && p50 <= p90, $"{p10} ≤ {p50} ≤ {p90}");
            var parts = row.GetProperty("parts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal());
            var expected = row.GetProperty("indicator").GetString() == "bookings"
                ? new[] { "closed", "open_pipeline", "not_yet_created" }
                : ["closed", "existing_book", "new_bookings"];
            Assert.Equal(expected.Order(), parts.Keys.Order());
            Assert.Equal(row.GetProperty("mean").GetDecimal(), parts.Values.Sum(), 2);
        }
    }

    [Fact]
    public void Forecast_AsOfTheStartOfAQuarter_HasNothingClosedYet()
    {
        var result = CliRunner.Run("forecast", "bookings", "--period", "2026-Q3", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0m, json.RootElement[0].GetProperty("parts").GetProperty("closed").GetDecimal());
    }

    [Fact]
    public void Forecast_ByRep_WritesARowPerRep_AndACsvThatSaysItsColumns()
    {
        var result = CliRunner.Run("forecast", "bookings", "--period", "2026-Q3", "--by", "team", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Trim().Split('\n');
        Assert.StartsWith("indicator,period,slice,p10,p50,p90,mean,closed,open_pipeline,not_yet_created,missing_reason,as_of,unit,scenario", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 2);
        Assert.All(lines.Skip(1), l => Assert.Contains(",team=", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("forecast leads --period 2026-Q3", "bellwether: \"leads\" is not an indicator that is forecast (forecasts: bookings, expansion_bookings, won_deals, new_logos, revenue, grr, nrr, expansion_revenue, operating_margin)")]
    [InlineData("forecast bookings --period 2026-W30", "bellwether: --period \"2026-W30\" is a week: forecasts are made for months, fiscal quarters and fiscal years")]
    [InlineData("forecast bookings --scenario nope", "bellwether: --scenario \"nope\": no such scenario (saved: none; base is the forecast without changes)")]
    [InlineData("forecast bookings --format xml", "bellwether: --format: \"xml\" is not a format (table, json or csv) (see `bellwether forecast --help`)")]
    public void BadArguments_FailWithOneLine(string arguments, string expected)
    {
        var result = CliRunner.Run([.. arguments.Split(' '), "--db", demo.Db]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected, result.Err.Trim());
    }

    [Fact]
    public void Backtest_ReportsEachMeasureForTheForecastAndEveryBaseline_AndDrawsAChart()
    {
        var chart = Path.Combine(demo.TempPath, "backtest.png");

        var result = CliRunner.Run("backtest", "bookings", "--from", "2026-Q1", "--to", "2026-Q2", "--offsets=0,45", "--chart", chart, "--db", demo.Db, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(
            ["0 forecast", "0 previous_period", "0 stage_weighted", "0 year_earlier", "45 forecast", "45 previous_period", "45 stage_weighted", "45 year_earlier"],
            summary.Select(s => $"{s.GetProperty("offset").GetInt32()} {s.GetProperty("method").GetString()}").Order());
        Assert.Equal(4, json.RootElement.GetProperty("points").GetArrayLength());
        Assert.True(new FileInfo(chart).Length > 1000);
    }

    [Fact]
    public void Backtest_AsATable_FitsAReport_WithEachForecastsErrorWorkedOutFromItsNumbers()
    {
        string[] query = ["backtest", "bookings", "--from", "2026-Q1", "--to", "2026-Q2", "--offsets=0", "--db", demo.Db];

        var table = CliRunner.Run(query);
        using var json = JsonDocument.Parse(CliRunner.Run([.. query, "--format", "json"]).Out);

        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.All(table.Out.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 100, line));
        foreach (var point in json.RootElement.GetProperty("points").EnumerateArray())
        {
            var actual = point.GetProperty("actual").GetDecimal();
            var p50 = point.GetProperty("p50").GetDecimal();
            var miss = Math.Round(((p50 / actual) - 1) * 100, 1, MidpointRounding.AwayFromZero);
            var written = (miss > 0 ? "+" : miss < 0 ? "−" : "") + Math.Abs(miss).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
            var row = table.Out.Split('\n').Single(l => l.Contains($"│ {point.GetProperty("period").GetString()} ", StringComparison.Ordinal));
            Assert.Contains($"│ {written} ", row, StringComparison.Ordinal);
        }
    }
}
