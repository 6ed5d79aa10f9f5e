using System.Text.Json;
using Bellwether.Core.Plans;
using Bellwether.Core.Scenarios;
using Bellwether.Plans;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// The plans of a workspace over HTTP, under <c>/api/v1/workspaces/{workspace}/plans</c>: their status (the rows
/// <c>bellwether plans --format json</c> prints), the change log, and edits — PUT sets one plan, DELETE removes one, each
/// recorded as changed by <c>api</c>. Query parameters mirror the command line's options. A mistake is answered with an
/// RFC 9457 problem whose detail is the command line's message.
/// </summary>
public static class PlansEndpoints
{
    private static readonly PlanAuthor Api = new() { Name = "api", Source = PlanChangeSource.Api };

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var plans = app.MapGroup("/api/v1/workspaces/{workspace}/plans").WithTags("plans");
        plans.MapGet("", Status).WithName("plans")
            .WithSummary("Each plan against its actual and forecast (projected, attainment, variance, status) and a week earlier; by default the plans of the month, quarter and year containing the instant");
        plans.MapGet("/changes", Changes).WithName("planChanges").WithSummary("The plan log: every change, who made it, when, before and after");
        plans.MapPut("", Set).WithName("setPlan").WithSummary("Sets one plan (adds it, or changes the target and owner of the plan with its key); 204 when it already says that");
        plans.MapDelete("", Remove).WithName("removePlan").WithSummary("Removes one plan, named by pillar, metric, period and slice");
    }

    private static Results<Ok<IReadOnlyList<PlanStatusRow>>, ProblemHttpResult> Status(
        string workspace, [AsParameters] StatusParameters q, IStore store, PlanStatusService plans, TimeProvider clock)
    {
        if (Missing(store, workspace) is { } missing)
        {
            return missing;
        }

        if (!PlanArguments.TryParse(q.Period, q.Pillar, q.Owner, q.AsOf, store.Settings(workspace).Calendar, ForecastService.Now(clock), commandLine: false, out var query, out var error))
        {
            return BadRequest(error);
        }

        if (q.Scenario is { } name)
        {
            if (!store.Scenarios(workspace).TryGetValue(name, out var json))
            {
                return NotFound($"{name}: no such scenario");
            }

            query = query with { Scenario = ScenarioJson.Deserialize(json) with { Name = name } };
        }

        return TypedResults.Ok(plans.Read(workspace, query).Rows);
    }

    private static Results<Ok<IReadOnlyList<PlanChange>>, ProblemHttpResult> Changes(string workspace, [FromQuery(Name = "as_of")] string? asOf, IStore store)
    {
        if (Missing(store, workspace) is { } missing)
        {
            return missing;
        }

        var book = new PlanBook(store.PlanChanges(workspace));
        if (asOf is null)
        {
            return TypedResults.Ok(book.Changes);
        }

        return Core.Time.Instants.TryParseAsOf(asOf, out var instant)
            ? TypedResults.Ok(book.ChangesAsOf(instant))
            : BadRequest($"as_of {asOf}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)");
    }

    private static Results<Ok<PlanChange>, NoContent, ProblemHttpResult> Set(string workspace, PlanBody body, IStore store)
    {
        if (Missing(store, workspace) is { } missing)
        {
            return missing;
        }

        var fields = new PlanFields { Pillar = body.Pillar, Metric = body.Metric, Period = body.Period, Slice = body.Slice, Target = TargetText(body.Target), Owner = body.Owner };
        var plan = PlanInput.Read(fields, store.Settings(workspace).Calendar, out var problems);
        if (plan is null)
        {
            return Invalid(problems);
        }

        return store.SetPlan(workspace, plan, Api) is { } change ? TypedResults.Ok(change) : TypedResults.NoContent();
    }

    private static Results<Ok<PlanChange>, ProblemHttpResult> Remove(string workspace, [AsParameters] KeyParameters q, IStore store)
    {
        if (Missing(store, workspace) is { } missing)
        {
            return missing;
        }

        var key = PlanInput.ReadKey(new PlanFields { Pillar = q.Pillar, Metric = q.Metric, Period = q.Period, Slice = q.Slice }, store.Settings(workspace).Calendar, out var problems);
        if (key is null)
        {
            return Invalid(problems);
        }

        return store.RemovePlan(workspace, key, Api) is { } change ? TypedResults.Ok(change) : NotFound($"no plan {key} to remove");
    }

    /// <summary>A target as JSON gives it: a number (0.45, 1250000) or a string ("45%").</summary>
    private static string? TargetText(JsonElement? target) => target switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
    };

    private static ProblemHttpResult? Missing(IStore store, string workspace) =>
        store.Versions(workspace).Count == 0 ? NotFound($"{workspace}: no such workspace (nothing imported)") : null;

    /// <summary>Every mistake: the detail joins them, <c>errors</c> lists them one by one.</summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<PlanProblem> problems) => TypedResults.Problem(
        string.Join("; ", problems.Select(p => p.Describe())),
        statusCode: StatusCodes.Status400BadRequest,
        title: "bad request",
        extensions: new Dictionary<string, object?> { ["errors"] = problems.Select(p => p.Describe()).ToList() });

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "bad request");

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "not found");

    /// <summary>The query parameters of the status rows, named as the command line's options.</summary>
    public readonly record struct StatusParameters(
        [FromQuery(Name = "period")] string? Period,
        [FromQuery(Name = "pillar")] string? Pillar,
        [FromQuery(Name = "owner")] string? Owner,
        [FromQuery(Name = "as_of")] string? AsOf,
        [FromQuery(Name = "scenario")] string? Scenario);

    /// <summary>The query parameters that name one plan.</summary>
    public readonly record struct KeyParameters(
        [FromQuery(Name = "pillar")] string? Pillar,
        [FromQuery(Name = "metric")] string? Metric,
        [FromQuery(Name = "period")] string? Period,
        [FromQuery(Name = "slice")] string? Slice);

    /// <summary>A plan as a PUT sends it: <c>{"pillar", "metric", "period", "slice", "target", "owner"}</c>; target a number or a string such as "45%".</summary>
    public sealed record PlanBody(string? Pillar, string? Metric, string? Period, string? Slice, JsonElement? Target, string? Owner);
}
