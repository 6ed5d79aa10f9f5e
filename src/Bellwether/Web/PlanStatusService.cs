using Bellwether.Core.Forecasting;
using Bellwether.Core.Plans;
using Bellwether.Core.Scenarios;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Web;

/// <summary>
/// Plan status for the web host: each reading is computed once per version of the store's tables (a plan edit or an
/// import bumps them) and kept for a while, since it asks the forecaster for every open plan at two instants — seconds
/// — while a dashboard asks the same question again and again within the hour that "now" stands for.
/// </summary>
public sealed class PlanStatusService(IStore store, IndicatorService indicators, ForecastService forecasts) : IDisposable
{
    private readonly MemoryCache _reports = new(new MemoryCacheOptions { SizeLimit = 64 });

    public PlanReport Read(string workspace, PlanQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var versions = store.Versions(workspace);
        var key = string.Join(
            "\n",
            workspace,
            string.Join(",", versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}")),
            string.Join(",", query.Scope.Periods.Select(p => p.Label)) + (query.Scope.Container is null ? " around" : " within"),
            query.AsOf.UtcTicks,
            query.LatestPlans,
            query.Pillar,
            query.Owner?.ToUpperInvariant(),
            query.WeekEarlier,
            query.Scenario is { } scenario ? ScenarioJson.Serialize(scenario) : "");
        var report = _reports.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return new Lazy<PlanReport>(() => PlanReport.Read(new PlanBook(store.PlanChanges(workspace)), indicators.Engine(workspace), t => Model(workspace, t), query));
        })!;
        return report.Value;
    }

    public void Dispose() => _reports.Dispose();

    private ForecastModel Model(string workspace, DateTimeOffset asOf) => forecasts.Model(workspace, asOf);
}
