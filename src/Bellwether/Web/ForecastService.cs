using Bellwether.Core.Forecasting;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Web;

/// <summary>
/// Fitted forecast models for the web host, kept per workspace, store version and instant: fitting takes seconds,
/// asking a fitted model (any slicing, any scenario) a fraction of one. An import changes the versions, so the next
/// request fits afresh; "now" is taken to the hour, so a dashboard left open refits at most hourly.
/// </summary>
public sealed class ForecastService(IStore store, IndicatorService indicators) : IDisposable
{
    private readonly MemoryCache _models = new(new MemoryCacheOptions { SizeLimit = 8 });

    /// <summary>The instant "now" stands for: the start of the current hour.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    public ForecastModel Model(string workspace, DateTimeOffset asOf)
    {
        // The forecaster reads no plans: a plan edit (a new version of the plans table) must not refit the model.
        var versions = store.Versions(workspace).Where(v => v.Key != "plans");
        var key = $"{workspace}\n{asOf.UtcTicks}\n{string.Join(",", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"))}";
        var lazy = _models.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Lazy<ForecastModel>(() => ForecastModel.Fit(indicators.Data(workspace), asOf));
        })!;
        return lazy.Value;
    }

    public void Dispose() => _models.Dispose();
}
