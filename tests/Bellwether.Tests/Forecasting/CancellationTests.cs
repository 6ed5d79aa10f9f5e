using Bellwether.Cli;
using Bellwether.Core.Budget;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Forecasting;

/// <summary>
/// Work that nobody waits for any more stops: a cancelled request or Ctrl+C reaches the fit, the simulations, the
/// indicator engine and backtests over a real store, and a request giving up on a shared fit leaves the cached model
/// usable by the next one.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private const string Workspace = "default";
    private static readonly DateTimeOffset AsOf = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly SmallCompany _company = new();
    private readonly CancellationTokenSource _cancelled = new();

    public CancellationTests()
    {
        var import = CliRunner.Run("import", _company.Folder, "--db", _company.Db, "--report", _company.Report);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        _cancelled.Cancel();
    }

    public void Dispose()
    {
        _cancelled.Dispose();
        _company.Dispose();
    }

    [Fact]
    public void ARequestGivingUpOnTheFit_LeavesTheModelToTheNextRequest()
    {
        using var store = new SerializedStore(DuckDbStore.Open(_company.Db));
        using var indicators = new IndicatorService(store);
        using var forecasts = new ForecastService(store, indicators, MemoryBudget.Unlimited);

        Assert.ThrowsAny<OperationCanceledException>(() => forecasts.Model(Workspace, AsOf, _cancelled.Token));
        var model = forecasts.Model(Workspace, AsOf, CancellationToken.None);

        var quarter = store.Settings(Workspace).Calendar.Parse("2025-Q3");
        var rows = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = quarter });
        Assert.Equal(AsOf, model.AsOf);
        Assert.Equal("2025-Q3", Assert.Single(rows).Period);
        Assert.Same(model.Known, forecasts.Model(Workspace, AsOf, CancellationToken.None).Known);
    }

    [Fact]
    public void ACancelledToken_StopsTheFit()
    {
        var data = Load();

        Assert.ThrowsAny<OperationCanceledException>(() => ForecastModel.Fit(data, AsOf, cancellation: _cancelled.Token));
    }

    [Fact]
    public void ACancelledBudget_StopsTheSimulations_ButNotTheSharedModel()
    {
        var data = Load();
        var model = ForecastModel.Fit(data, AsOf, cancellation: TestContext.Current.CancellationToken);
        var query = new ForecastQuery { Indicators = ["bookings", "won_deals"], Period = data.Settings.Calendar.Parse("2025-Q3") };

        Assert.ThrowsAny<OperationCanceledException>(() => model.Within(WorkBudget.Until(_cancelled.Token)).Forecast(query));
        Assert.Equal(2, model.Forecast(query).Count);
    }

    [Fact]
    public void ACancelledBudget_StopsTheIndicatorEngine()
    {
        var data = Load();
        var engine = new IndicatorEngine(data);
        var query = new IndicatorQuery { Indicators = ["bookings"], Period = data.Settings.Calendar.Parse("2025"), Grain = Grain.Month, AsOf = AsOf };

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Within(WorkBudget.Until(_cancelled.Token)).Run(query));
        Assert.Equal(12, engine.Run(query).Count);
    }

    [Fact]
    public void ACancelledToken_StopsABacktest()
    {
        var data = Load();
        var calendar = data.Settings.Calendar;
        var request = new BacktestRequest { Indicator = "bookings", Grain = Grain.Quarter, From = calendar.Parse("2025-Q1"), To = calendar.Parse("2025-Q2"), Offsets = [0] };

        Assert.ThrowsAny<OperationCanceledException>(() => Backtest.Run(data, request, cancellation: _cancelled.Token));
    }

    [Theory]
    [InlineData("forecast", "bookings", "--period", "2025-Q3", "--as-of", "2025-06-30")]
    [InlineData("indicators", "bookings", "--period", "2025", "--grain", "month")]
    [InlineData("backtest", "bookings", "--from", "2025-Q1", "--to", "2025-Q2")]
    public void CtrlC_StopsTheCommandWithOneLine(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, TimeProvider.System, _ => null, interactive: false, cancellation: _cancelled.Token);

        var code = BellwetherCli.Run([.. args, "--db", _company.Db], context);

        Assert.True(code == ExitCodes.Cancelled, $"exit {code}\n{output}\n{error}");
        Assert.Equal("bellwether: cancelled" + Environment.NewLine, error.ToString());
        Assert.Equal("", output.ToString());
    }

    private Core.Data.Dataset Load()
    {
        using var store = DuckDbStore.Open(_company.Db);
        return store.Load(Workspace);
    }
}
