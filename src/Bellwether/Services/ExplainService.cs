using Bellwether.Core.Budget;
using Bellwether.Core.Text;
using Bellwether.Core.Variance;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Services;

/// <summary>
/// Explanations for the web host (the API's <c>explain</c> and the Variance page): each is computed once per version of
/// the store's tables and kept for a while. An explanation of a period not over asks the forecaster for the period by
/// each of the usual dimensions and splits the deal flow of the trailing year four ways — seconds at ten thousand
/// accounts — while every dashboard user opens the same page, as of the same hour, again and again.
/// A computation is shared by the requests that wait for it (<see cref="SharedWork"/>): one giving up does not fail the others.
/// </summary>
public sealed class ExplainService(IStore store, IndicatorService indicators, ForecastService forecasts, MemoryBudget memory) : IDisposable
{
    private readonly MemoryCache _explanations = new(new MemoryCacheOptions { SizeLimit = 256 });

    /// <summary>The explanation of a checked request; <paramref name="cancellation"/> stops the wait, and the work once no request waits for it.</summary>
    public Explanation Explain(string workspace, ExplainRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var versions = store.Versions(workspace);
        var key = string.Join(
            "\n",
            workspace,
            VersionKey.Of(versions),
            request.Metric,
            request.Period.Label,
            request.Against,
            request.By is { } by ? SnakeCase.Name(by) : "",
            string.Join(";", request.Filter.OrderBy(f => f.Key).Select(f => $"{SnakeCase.Name(f.Key)}={f.Value}")),
            request.AsOf.UtcTicks);
        return SharedWork.In(
            _explanations,
            key,
            stop =>
            {
                // Retention's drivers name the churned clients with the engagement signs before they left.
                var engine = indicators.Engine(workspace, withEngagement: request.Metric is "grr" or "nrr" or "logo_churn").Within(memory.For(stop));
                return VarianceExplainer.Explain(engine, request, () => forecasts.Model(workspace, request.AsOf, stop));
            },
            cancellation);
    }

    public void Dispose() => _explanations.Dispose();
}
