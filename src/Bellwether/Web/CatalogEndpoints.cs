using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/indicators</c> and <c>GET /api/v1/forecasts</c>: what can be asked of any workspace — every indicator
/// with its unit, definition and the files it needs (<c>bellwether indicators --list</c>), and the forecast indicators.
/// </summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var catalog = api.MapGroup("").WithTags("catalog");
        catalog.MapGet("/indicators", Indicators).WithName("indicatorCatalog").WithSummary("Every indicator: name, unit, definition and the files it needs");
        catalog.MapGet("/forecasts", Forecasts).WithName("forecastCatalog").WithSummary("The indicators that are forecast, with their units");
        return api;
    }

    private static Ok<IReadOnlyList<CatalogEntry>> Indicators() =>
        TypedResults.Ok<IReadOnlyList<CatalogEntry>>([.. IndicatorCatalog.All.Select(d => new CatalogEntry(d.Name, Core.Text.SnakeCase.Name(d.Unit), d.Definition, d.Needs, d.Reads, d.LowerIsBetter))]);

    private static Ok<IReadOnlyList<ForecastEntry>> Forecasts() =>
        TypedResults.Ok<IReadOnlyList<ForecastEntry>>([.. ForecastIndicators.Names.Select(n => new ForecastEntry(n, ForecastIndicators.UnitOf(n)))]);

    /// <summary>An indicator as the catalogue describes it.</summary>
    public sealed record CatalogEntry(string Name, string Unit, string Definition, IReadOnlyList<string> Needs, IReadOnlyList<string> Reads, bool LowerIsBetter);

    /// <summary>An indicator that is forecast, and its unit.</summary>
    public sealed record ForecastEntry(string Name, string Unit);
}
