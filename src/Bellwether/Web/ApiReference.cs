namespace Bellwether.Web;

/// <summary>
/// The API's browsable reference at <c>/docs</c>: Swagger UI rendering the OpenAPI document <c>/openapi/v1.json</c> that
/// the host generates from the endpoints. Its files are embedded in the Swashbuckle.AspNetCore.SwaggerUI package and
/// served by the host itself (no CDN; the validator badge, which would call out, is off). <c>/api</c> leads there.
/// </summary>
public static class ApiReference
{
    /// <summary>Where the page is, relative to the host's root; the dashboard's navigation links to it.</summary>
    public const string Path = "docs";

    public static WebApplication UseApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = Path;
            o.DocumentTitle = "Bellwether API reference";
            o.SwaggerEndpoint("/openapi/v1.json", "Bellwether API v1");
        });
        app.MapGet("/api", () => TypedResults.Redirect($"/{Path}/")).ExcludeFromDescription();
        return app;
    }
}
