using Bellwether.Core.Budget;
using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Services;

/// <summary>
/// Leading signals for the dashboard and the API: the same <see cref="SignalQuery"/> over the same engine (engagement
/// loaded) as <c>bellwether signals</c>, read once per query and version of the store's tables — the retention signals
/// fit a client-health model twice (now and a week earlier), which takes seconds at ten thousand accounts and more than
/// a request's time at a million deals, and a wall screen asks every minute. The pages read as of the start of the hour
/// they stand for, as <c>GET …/signals</c> does by default, so the two share their readings.
/// </summary>
public sealed class SignalReader(IStore store, IndicatorService indicators, TimeProvider clock) : IDisposable
{
    private readonly MemoryCache _readings = new(new MemoryCacheOptions { SizeLimit = 32 });

    /// <summary>A pillar's signals for the fiscal quarter containing the hour the pages stand for.</summary>
    public IReadOnlyList<Signal> Read(string workspace, Pillar pillar)
    {
        var asOf = ForecastService.Now(clock);
        var calendar = store.Settings(workspace).Calendar;
        return Read(workspace, new SignalQuery(pillar, calendar.Containing(asOf.AddTicks(-1), Grain.Quarter), asOf), CancellationToken.None);
    }

    /// <summary>
    /// The signals a query asks for, shared by the requests that wait for them (<see cref="SharedWork"/>); the work draws
    /// on <paramref name="memory"/> when given.
    /// </summary>
    public IReadOnlyList<Signal> Read(string workspace, SignalQuery query, CancellationToken cancellation, MemoryBudget? memory = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Pillar is null)
        {
            // All four are each pillar's signals in turn: read (and kept) pillar by pillar, shared with the pages.
            return [.. PillarSignals.Pillars.SelectMany(p => Read(workspace, query with { Pillar = p }, cancellation, memory))];
        }

        var key = string.Join(
            "\n",
            workspace,
            SnakeCase.Name(query.Pillar.Value),
            query.Period.Label,
            query.AsOf.UtcTicks,
            VersionKey.Of(store.Versions(workspace)));
        return SharedWork.In(
            _readings,
            key,
            stop =>
            {
                var engine = indicators.Engine(workspace, withEngagement: true);
                return query.Run(memory is null ? engine : engine.Within(memory.For(stop)));
            },
            cancellation);
    }

    public void Dispose() => _readings.Dispose();
}
