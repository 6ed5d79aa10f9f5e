using Bellwether.Core.Budget;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Scenarios;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Services;

/// <summary>
/// Plan status for the web host: each reading is computed once per version of the store's tables (a plan edit or an
/// import bumps them) and kept for a while, since it asks the forecaster for every open plan at two instants — seconds
/// — while a dashboard asks the same question again and again within the hour that "now" stands for.
/// A reading is shared by the requests that wait for it (<see cref="SharedWork"/>): one giving up does not fail the others.
/// </summary>
public sealed class PlanStatusService(IStore store, IndicatorService indicators, ForecastService forecasts, MemoryBudget memory) : IDisposable
{
    private readonly MemoryCache _reports = new(new MemoryCacheOptions { SizeLimit = 64 });

    /// <summary>The plans' status; <paramref name="cancellation"/> stops the wait, and the reading once no request waits for it.</summary>
    public PlanReport Read(string workspace, PlanQuery query, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(query);
        var versions = store.Versions(workspace);
        var key = string.Join(
            "\n",
            workspace,
            VersionKey.Of(versions),
            string.Join(",", query.Scope.Periods.Select(p => p.Label)) + (query.Scope.Container is null ? " around" : " within"),
            query.AsOf.UtcTicks,
            query.LatestPlans,
            query.Pillar,
            query.Owner?.ToUpperInvariant(),
            query.WeekEarlier,
            query.Scenario is { } scenario ? ScenarioJson.Serialize(scenario) : "");
        return SharedWork.In(
            _reports,
            key,
            stop => PlanReport.Read(new PlanBook(store.PlanChanges(workspace)), indicators.Engine(workspace).Within(memory.For(stop)), t => forecasts.Model(workspace, t, stop), query),
            cancellation);
    }

    public void Dispose() => _reports.Dispose();
}
