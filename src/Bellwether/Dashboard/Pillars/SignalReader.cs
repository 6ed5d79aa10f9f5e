using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Storage;
using Bellwether.Web;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Dashboard.Pillars;

/// <summary>
/// A pillar's leading signals for the dashboard: the same <see cref="SignalQuery"/> over the same engine (engagement
/// loaded) as <c>bellwether signals</c> and <c>GET …/signals</c>, as of the start of the hour the pages stand for, read
/// once per pillar, hour and version of the store's tables — the retention signals fit a client-health model twice
/// (now and a week earlier), which takes seconds, and a wall screen asks every minute.
/// </summary>
public sealed class SignalReader(IStore store, IndicatorService indicators, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _readings = new(new MemoryCacheOptions { SizeLimit = 32 });

    public IReadOnlyList<Signal> Read(string workspace, Pillar pillar)
    {
        var asOf = ForecastService.Now(clock);
        var versions = store.Versions(workspace);
        var key = string.Join(
            "\n",
            workspace,
            SnakeCase.Name(pillar),
            asOf.UtcTicks,
            VersionKey.Of(versions));
        var reading = _readings.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Lazy<IReadOnlyList<Signal>>(() =>
            {
                // The period watched is the fiscal quarter containing the hour, as signals' default.
                var calendar = store.Settings(workspace).Calendar;
                var query = new SignalQuery(pillar, calendar.Containing(asOf.AddTicks(-1), Grain.Quarter), asOf);
                return query.Run(indicators.Engine(workspace, withEngagement: true));
            });
        })!;
        return reading.Value;
    }

    public void Dispose() => _readings.Dispose();
}
