using Bellwether.Core.Data;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Import;
using Bellwether.Import.Presets;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;

namespace Bellwether.Tests.Forecasting;

/// <summary>
/// The forecast backtested on real public data, end to end: the maven-crm preset imported into a DuckDB file, loaded,
/// and 2017-Q3 and Q4 forecast as of each quarter's first instant and its midpoint (docs/forecasting.md reports the
/// numbers). Maven keeps no history, so as-of views carry the amounts of later-closed deals: the result says so.
/// </summary>
public sealed class MavenCrmBacktestTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Bookings_2017Q3AndQ4_AtTheStartAndTheMiddle()
    {
        var data = Import(SharedData.Folder("maven-crm"));
        var calendar = data.Settings.Calendar;

        var result = Backtest.Run(data, new BacktestRequest
        {
            Indicator = "bookings",
            From = calendar.Parse("2017-Q3"),
            To = calendar.Parse("2017-Q4"),
            Offsets = [0, 45],
        }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(["2017-Q3/0", "2017-Q4/0", "2017-Q3/45", "2017-Q4/45"], result.Points.Select(p => $"{p.Period}/{p.Offset}"));
        Assert.Equal([2_982_255m, 2_802_496m, 2_982_255m, 2_802_496m], result.Points.Select(p => p.Actual));
        Assert.All(result.Points, p => Assert.True(p.P10 <= p.P50 && p.P50 <= p.P90));
        Assert.Contains(result.Notes, n => n.StartsWith("no opportunity history", StringComparison.Ordinal));

        // Guards against regressions, well outside the measured figures (2017: 7.6% at the start, 1.8% at the midpoint).
        var start = result.Summary.Single(s => s.Method == Backtest.Forecast && s.Offset == 0);
        var middle = result.Summary.Single(s => s.Method == Backtest.Forecast && s.Offset == 45);
        var stageWeighted = result.Summary.Single(s => s.Method == Backtest.StageWeightedMethod && s.Offset == 45);
        Assert.InRange(start.Wape!.Value, 0m, 0.15m);
        Assert.InRange(middle.Wape!.Value, 0m, 0.06m);
        Assert.True(middle.Wape < stageWeighted.Wape);
    }

    [Fact]
    public void ForecastAsOfAnInstant_UsesOnlyWhatWasKnown_DealsClosedLaterAreOpen()
    {
        var data = Import(SharedData.Folder("maven-crm"));
        var t = new DateTimeOffset(2017, 10, 1, 0, 0, 0, TimeSpan.Zero);

        var model = ForecastModel.Fit(data, t, cancellation: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(model.Known.Opportunities, o => o.CreatedAt >= t);
        Assert.DoesNotContain(model.Known.Opportunities, o => o.ClosedAt >= t);
        var row = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = data.Settings.Calendar.Parse("2017-Q4") })[0];
        Assert.Equal(0m, row.Parts!["closed"]);
        Assert.True(row.Provisional);
    }

    public void Dispose() => _temp.Dispose();

    private Dataset Import(string folder)
    {
        using var store = DuckDbStore.Open(_temp.File("maven.duckdb"));
        using (var session = store.BeginImport("default"))
        {
            var result = new ImportRunner(session).Run(PresetCatalog.Open("maven-crm", folder), new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });
            Assert.True(result.Stored, string.Join("\n", result.Errors));
        }

        return store.Load("default");
    }
}
