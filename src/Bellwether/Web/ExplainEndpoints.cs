using System.ComponentModel;
using Bellwether.Core.Variance;
using Bellwether.Queries;
using Bellwether.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/explain</c>: the explanation <c>bellwether explain --format json</c> prints, from
/// the host's cached engine and forecast, kept per store version (<see cref="ExplainService"/>). Without <c>as_of</c>, as of the start of the current hour.
/// </summary>
public static class ExplainEndpoints
{
    public static RouteGroupBuilder MapExplainEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapGet("/explain", Explain).WithTags("explain").WithName("explain").RequireRateLimiting(ApiLimits.Heavy)
            .WithSummary("A metric's gap against its plan, the previous period or last year, split into driver contributions that add up to it, with a one-sentence summary");
        return workspace;
    }

    private static Results<Ok<Explanation>, ProblemHttpResult, ValidationProblem> Explain(
        string workspace, [AsParameters] ExplainParameters q, WorkspaceRequests requests, ExplainService explanations, CancellationToken cancellation) =>
        requests.Read(workspace, Now.Hour, read => Requests.Explain(read, q.Metric, q.Period, q.Against, q.By, q.Slice, q.AsOf))
            .Then(request => requests.InData(workspace, request, request.Filter))
            .Map(request => explanations.Explain(workspace, request, cancellation))
            .ToResults();

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct ExplainParameters(
        [property: Description("The metric to explain: bookings, new_pipeline, grr, nrr, logo_churn, expansion_revenue, operating_margin, or any additive indicator.")]
        [FromQuery(Name = "metric")] string? Metric,
        [property: Description("A period (2025-03, 2025-Q1, 2025, …); default: the current fiscal quarter.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("plan (default), previous (the period before) or last_year (the same period a year earlier).")]
        [FromQuery(Name = "against")] string? Against,
        [property: Description("Split the gap by one dimension; default: the most telling of the usual ones.")]
        [FromQuery(Name = "by")] string? By,
        [property: Description("Restrict to a slice: dimension=value pairs joined by ';'.")]
        [FromQuery(Name = "slice")] string? Slice,
        [property: Description("Explain with only what was known at this instant; default: the start of the current hour.")]
        [FromQuery(Name = "as_of")] string? AsOf);
}
