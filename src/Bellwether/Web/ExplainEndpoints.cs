using Bellwether.Core.Import;
using Bellwether.Core.Variance;
using Bellwether.Indicators;
using Bellwether.Storage;
using Bellwether.Variance;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/explain?metric=…&amp;period=…&amp;against=…&amp;by=…&amp;slice=…&amp;as_of=…</c>: the
/// explanation the command line prints as JSON, from the host's cached engine and forecast. A mistake is a 400 problem
/// (RFC 9457) whose detail says what is wrong, an unknown workspace a 404; both are returned, never thrown.
/// </summary>
public static class ExplainEndpoints
{
    private static readonly IReadOnlySet<string> EngagementTable = new HashSet<string>(StringComparer.Ordinal) { FileSchemas.Engagement.Table };

    public static IEndpointRouteBuilder MapExplainEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workspaces/{workspace}/explain", Explain)
            .WithTags("bellwether")
            .WithName("explain")
            .WithSummary("A metric's gap against its plan, the previous period or last year, split into driver contributions that add up to it, with a one-sentence summary");
        return app;
    }

    private static Results<Ok<Explanation>, ProblemHttpResult> Explain(
        string workspace, [AsParameters] ExplainParameters q, IStore store, IndicatorService indicators, ForecastService forecasts, TimeProvider clock)
    {
        if (store.Versions(workspace).Count == 0)
        {
            return TypedResults.Problem($"{workspace}: no such workspace (nothing imported)", statusCode: StatusCodes.Status404NotFound, title: "not found");
        }

        if (string.IsNullOrWhiteSpace(q.Metric))
        {
            return BadRequest($"metric: say which metric to explain (metric=bookings; explain takes {string.Join(", ", VarianceExplainer.Metrics)})");
        }

        // Without as_of, "now" is the start of the hour, so a period not over shares the hour's fitted forecast.
        if (!ExplainArguments.TryParse(q.Metric, q.Period, q.Against, q.By, q.Slice, q.AsOf, store.Settings(workspace).Calendar, ForecastService.Now(clock),
            option => option.Replace('-', '_'), out var request, out var error))
        {
            return BadRequest(error);
        }

        var engine = indicators.Engine(workspace);
        var engagement = request!.Metric is "grr" or "nrr" or "logo_churn"
            ? store.Load(workspace, engine.Dataset, EngagementTable).Engagement
            : null;
        return TypedResults.Ok(VarianceExplainer.Explain(engine, request, () => forecasts.Model(workspace, request.AsOf), engagement));
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "bad request");

    /// <summary>The query parameters, named as the command line's options in snake_case.</summary>
    public readonly record struct ExplainParameters(
        [FromQuery(Name = "metric")] string? Metric,
        [FromQuery(Name = "period")] string? Period,
        [FromQuery(Name = "against")] string? Against,
        [FromQuery(Name = "by")] string? By,
        [FromQuery(Name = "slice")] string? Slice,
        [FromQuery(Name = "as_of")] string? AsOf);
}
