using System.ComponentModel;
using Bellwether.Core.Budget;
using Bellwether.Core.Digest;
using Bellwether.Core.Plans;
using Bellwether.Digest;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/digest</c>: an owner's weekly digest as <c>bellwether digest</c> writes it — JSON,
/// Markdown or HTML — from the host's cached engine and fitted models. Without <c>as_of</c>, as of the start of the
/// hour, so that the hour's fitted models serve every digest.
/// </summary>
public static class DigestEndpoints
{
    /// <summary>The formats a digest is written in; JSON unless asked.</summary>
    private static readonly IReadOnlyList<string> Formats = ["json", "md", "html"];

    public static RouteGroupBuilder MapDigestEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapGet("/digest", Digest).WithTags("digest").WithName("digest").RequireRateLimiting(ApiLimits.Heavy)
            .Produces(StatusCodes.Status200OK, contentType: "text/markdown")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .WithSummary("An owner's week on one page: plans and forecast, what changed since last week, why, the signals that moved, who needs attention");
        return workspace;
    }

    private static Results<Ok<OwnerDigest>, ContentHttpResult, ProblemHttpResult, ValidationProblem> Digest(
        string workspace, [AsParameters] DigestParameters q, WorkspaceRequests requests, IStore store, IndicatorService indicators, ForecastService forecasts, MemoryBudget memory, CancellationToken cancellation)
    {
        var book = new PlanBook(store.PlanChanges(workspace));
        var read = requests.Read(workspace, Now.Hour, read =>
            {
                var format = read.OneOf(q.Format, "format", Formats, "json", "a format of the digest");
                return Requests.Digest(read, q.Owner, q.AsOf).Map(request => (Request: request, Format: format));
            })
            .Then(asked => PlanOwners.Find(book, asked.Request).Map(request => asked with { Request = request }));
        if (!read.Ok)
        {
            return read.IsNotFound ? ApiResults.NotFound(read.Problems) : ApiResults.Invalid(read.Problems);
        }

        var (request, format) = read.Value;
        var engine = indicators.Engine(workspace, withEngagement: true).Within(memory.For(cancellation));
        var digest = DigestReader.Read(engine, book, request.Owner, request.AsOf, request.LatestPlans, t => forecasts.Model(workspace, t, cancellation));
        return format switch
        {
            "md" => TypedResults.Text(DigestMarkdown.Write(digest), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(DigestHtml.Write(digest), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(digest),
        };
    }

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct DigestParameters(
        [property: Description("The owner as plans.csv names them: President, COO, CFO or a name (any case).")]
        [FromQuery(Name = "owner")] string? Owner,
        [property: Description("Only what was known at this instant (a date means the end of that day); default: the start of the current hour, with the plans as they stand.")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("json (default), md (Markdown) or html (a self-contained page).")]
        [FromQuery(Name = "format")] string? Format);
}
