using Bellwether.Core.Digest;
using Bellwether.Core.Plans;
using Bellwether.Core.Time;
using Bellwether.Digest;
using Bellwether.Indicators;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/digest?owner=…&amp;as_of=…&amp;format=json|md|html</c>: an owner's weekly digest
/// as <c>bellwether digest</c> writes it, from the host's cached engine and fitted models. Mistakes are returned as
/// problems (RFC 9457) whose detail is the command line's one-line message.
/// </summary>
public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workspaces/{workspace}/digest", Digest)
            .WithTags("bellwether")
            .WithName("digest")
            .WithSummary("An owner's week on one page: plans and forecast, what changed since last week, why, the signals that moved, who needs attention");
        return app;
    }

    private static Results<Ok<OwnerDigest>, ContentHttpResult, ProblemHttpResult> Digest(
        string workspace,
        [FromQuery(Name = "owner")] string? owner,
        [FromQuery(Name = "as_of")] string? asOf,
        [FromQuery(Name = "format")] string? format,
        IStore store,
        IndicatorService indicators,
        ForecastService forecasts,
        TimeProvider clock)
    {
        if (store.Versions(workspace).Count == 0)
        {
            return Problem(StatusCodes.Status404NotFound, $"{workspace}: no such workspace (nothing imported)");
        }

        if (format is not (null or "json" or "md" or "html"))
        {
            return Problem(StatusCodes.Status400BadRequest, $"format: \"{format}\" is not a format of the digest (json, md or html)");
        }

        // Without as_of, "now" is the start of the hour, so that the hour's fitted models serve every digest.
        var instant = ForecastService.Now(clock);
        if (asOf is not null && !Instants.TryParseAsOf(asOf, out instant))
        {
            return Problem(StatusCodes.Status400BadRequest, $"as_of {asOf}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)");
        }

        var book = new PlanBook(store.PlanChanges(workspace));
        var owners = DigestReader.Owners(book, asOf is null ? DateTimeOffset.MaxValue : instant);
        if (string.IsNullOrWhiteSpace(owner) || !owners.Contains(owner.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return Problem(StatusCodes.Status400BadRequest, $"owner: {(string.IsNullOrWhiteSpace(owner) ? "say whose digest" : $"{owner.Trim()} holds no plan")} (owners: {(owners.Count == 0 ? "none" : string.Join(", ", owners))})");
        }

        var data = indicators.Engine(workspace, withEngagement: true).Dataset;
        var digest = DigestReader.Read(data, book, owner.Trim(), instant, latestPlans: asOf is null, t => forecasts.Model(workspace, t));
        return format switch
        {
            "md" => TypedResults.Text(DigestMarkdown.Write(digest), "text/markdown; charset=utf-8"),
            "html" => TypedResults.Text(DigestHtml.Write(digest), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(digest),
        };
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: status == StatusCodes.Status404NotFound ? "not found" : "bad request");
}
