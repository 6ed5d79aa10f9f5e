using Bellwether.Core.Signals;
using Bellwether.Indicators;
using Bellwether.Signals;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/signals?pillar=…&amp;as_of=…&amp;period=…</c>: the pillars' leading signals as the
/// <c>signals</c> command prints them in JSON, each with its change since a week earlier. Mistakes are returned as
/// problems (RFC 9457) whose detail is the command line's one-line message.
/// </summary>
public static class SignalsEndpoints
{
    public static IEndpointRouteBuilder MapSignalsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workspaces/{workspace}/signals", Signals)
            .WithTags("bellwether")
            .WithName("signals")
            .WithSummary("Each pillar's leading signals against plan, standard or benchmark, with their change since a week earlier and who needs attention");
        return app;
    }

    private static Results<Ok<IReadOnlyList<Signal>>, ProblemHttpResult> Signals(
        string workspace,
        [FromQuery(Name = "pillar")] string? pillar,
        [FromQuery(Name = "period")] string? period,
        [FromQuery(Name = "as_of")] string? asOf,
        IStore store,
        IndicatorService indicators,
        TimeProvider clock)
    {
        if (store.Versions(workspace).Count == 0)
        {
            return TypedResults.Problem($"{workspace}: no such workspace (nothing imported)", statusCode: StatusCodes.Status404NotFound, title: "not found");
        }

        var now = clock.GetUtcNow();
        var request = SignalRequest.Parse(pillar, period, asOf, store.Settings(workspace).Calendar, new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero), out var error);
        if (request is null)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "bad request");
        }

        // The retention signals read engagement.csv, which the indicator engine alone never needs.
        return TypedResults.Ok(request.Run(indicators.Engine(workspace, withEngagement: true)));
    }
}
