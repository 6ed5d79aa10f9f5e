using Bellwether.Services;

namespace Bellwether.Web;

/// <summary>
/// The REST API, version 1, as a table of contents: one group per resource, each in its own class. Every endpoint
/// answers with the rows the command line prints as JSON, and every mistake with a problem document whose detail is
/// the command line's one-line message (see <see cref="ApiResults"/>, <see cref="ApiErrors"/>).
/// </summary>
public static class ApiEndpoints
{
    public static WebApplication MapApi(this WebApplication app, ApiLimits limits)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(limits);
        app.MapGet("/health", () => TypedResults.Text("ok")).ExcludeFromDescription();

        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter<SameOriginWrites>()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        api.MapCatalogEndpoints();

        var workspace = api.MapGroup("/workspaces/{workspace}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        workspace.MapStatusEndpoints();
        workspace.MapIndicatorsEndpoints();
        workspace.MapSignalsEndpoints();
        workspace.MapForecastsEndpoints();
        workspace.MapScenariosEndpoints();
        workspace.MapPlansEndpoints();
        workspace.MapExplainEndpoints();
        workspace.MapDigestEndpoints();
        workspace.MapImportsEndpoints(limits.MaxUploadBytes);
        workspace.MapExportsEndpoints();
        return app;
    }
}
