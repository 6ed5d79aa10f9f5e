using Bellwether.Core.Budget;
using Bellwether.Core.Forecasting;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Services;

/// <summary>
/// Fitted forecast models for the web host, kept per workspace, store version and instant: fitting takes seconds,
/// asking a fitted model (any slicing, any scenario) a fraction of one. What the models learn from history is shared
/// across instants (<see cref="ForecastFits"/>: once per month of as-of instants), so users asking for different dates
/// of a month, a plan's "a week earlier" and each hour's "now" pay only for the state at their instant. An import
/// changes the versions, so the next request fits afresh; "now" is taken to the hour, so a dashboard left open refits
/// at most hourly. At most one fit per core runs at a time: many users asking for new instants at once queue for the
/// processor instead of each holding a half-built model in memory, and what is already fitted keeps answering. A fit is
/// shared by the requests that wait for it (<see cref="SharedWork"/>): one request giving up does not fail the others.
/// </summary>
public sealed class ForecastService(IStore store, IndicatorService indicators, MemoryBudget memory) : IDisposable
{
    private readonly MemoryCache _models = new(new MemoryCacheOptions { SizeLimit = 8 });
    private readonly MemoryCache _fits = new(new MemoryCacheOptions { SizeLimit = 4 });
    private readonly SemaphoreSlim _fitting = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>The instant "now" stands for: the start of the current hour.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    /// <summary>
    /// The model fitted as of <paramref name="asOf"/>, answering within one request's budget: its cancellation stops
    /// the wait (and the fit, once no request waits for it) and its forecasts; the process's memory budget refuses
    /// forecasts too large to start.
    /// </summary>
    public ForecastModel Model(string workspace, DateTimeOffset asOf, CancellationToken cancellation)
    {
        // The forecaster reads no plans: a plan edit (a new version of the plans table) must not refit the model.
        var versions = store.Versions(workspace).Where(v => v.Key != "plans");
        var data = $"{workspace}\n{VersionKey.Of(versions)}";
        var model = SharedWork.In(_models, $"{data}\n{asOf.UtcTicks}", stop => Fit(Fits(data, workspace), asOf, stop), cancellation);
        return model.Within(memory.For(cancellation));
    }

    public void Dispose()
    {
        _models.Dispose();
        _fits.Dispose();
        _fitting.Dispose();
    }

    /// <summary>The models of one version of a workspace's data, sharing their learning.</summary>
    private ForecastFits Fits(string key, string workspace) => _fits.GetOrCreate(key, entry =>
    {
        entry.Size = 1;
        entry.SlidingExpiration = TimeSpan.FromMinutes(30);
        return new Lazy<ForecastFits>(() => new ForecastFits(indicators.Data(workspace)));
    })!.Value;

    private ForecastModel Fit(ForecastFits fits, DateTimeOffset asOf, CancellationToken cancellation)
    {
        _fitting.Wait(cancellation);
        try
        {
            return fits.Fit(asOf, cancellation);
        }
        finally
        {
            _fitting.Release();
        }
    }
}
