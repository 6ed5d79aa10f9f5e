using Bellwether.Core.Clients;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Dashboard.Accounts;

/// <summary>
/// Every client's churn risk and health as of the start of the hour (<see cref="ChurnRisk.Read(Core.Data.Dataset, DateTimeOffset)"/>,
/// the model the retention signals read), fitted once per hour and version of the store's tables: a client's page
/// reads one client of it, and fitting takes a second or two.
/// </summary>
public sealed class ClientHealthReader(IStore store, IndicatorService indicators, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _readings = new(new MemoryCacheOptions { SizeLimit = 8 });

    public ChurnRiskReading Read(string workspace)
    {
        var asOf = ForecastService.Now(clock);
        var versions = store.Versions(workspace);
        var key = $"{workspace}\n{asOf.UtcTicks}\n{VersionKey.Of(versions)}";
        var reading = _readings.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Lazy<ChurnRiskReading>(() => ChurnRisk.Read(indicators.Engine(workspace, withEngagement: true).Dataset, asOf));
        })!;
        return reading.Value;
    }

    public void Dispose() => _readings.Dispose();
}
