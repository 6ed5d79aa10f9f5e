using System.ComponentModel;
using System.Text.Json;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Plans;
using Bellwether.Queries;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// The plans of a workspace under <c>/api/v1/workspaces/{workspace}/plans</c>: their status (the rows <c>bellwether plans
/// --format json</c> prints), the plans as they stand or stood (<c>plan list</c>), the change log (<c>plan list
/// --history</c>), and edits — PUT sets one plan, DELETE removes one, each recorded as changed by <c>api</c>.
/// </summary>
public static class PlansEndpoints
{
    private static readonly PlanAuthor Api = new() { Name = "api", Source = PlanChangeSource.Api };

    public static RouteGroupBuilder MapPlansEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var plans = workspace.MapGroup("/plans").WithTags("plans");
        plans.MapGet("", Status).WithName("plans").RequireRateLimiting(ApiLimits.Heavy)
            .WithSummary("Each plan against its actual and forecast (projected, attainment, variance, status) and a week earlier; by default the plans of the month, quarter and year containing the instant");
        plans.MapGet("/lines", Lines).WithName("planLines").WithSummary("The plans as they stand, or as they stood at as_of (plan list)");
        plans.MapGet("/changes", Changes).WithName("planChanges").WithSummary("The plan log: every change, who made it, when, before and after (plan list --history)");
        plans.MapPut("", Set).WithName("setPlan").WithSummary("Sets one plan (adds it, or changes the target and owner of the plan with its key); 204 when it already says that");
        plans.MapDelete("", Remove).WithName("removePlan").WithSummary("Removes one plan, named by pillar, metric, period and slice");
        return workspace;
    }

    private static Results<Ok<IReadOnlyList<PlanStatusRow>>, ProblemHttpResult, ValidationProblem> Status(
        string workspace, [AsParameters] StatusParameters q, WorkspaceRequests requests, PlanStatusService plans, CancellationToken cancellation) =>
        requests.Read(workspace, Now.Hour, read => Requests.Plans(read, q.Period, q.Pillar, q.Owner, q.AsOf, q.Scenario))
            .Then(request => requests.Scenario(workspace, request.Scenario).Map(scenario => plans.Read(workspace, request.Query with { Scenario = scenario }, cancellation).Rows))
            .ToResults();

    private static Results<Ok<IReadOnlyList<PlanLine>>, ProblemHttpResult, ValidationProblem> Lines(
        string workspace, [FromQuery(Name = "as_of"), Description("The plans as they stood at this instant (a date means the end of that day); default: as they stand.")] string? asOf,
        WorkspaceRequests requests, IStore store) =>
        requests.Read(workspace, read => Requests.PlanInstant(read, asOf))
            .Map(instant =>
            {
                var book = new PlanBook(store.PlanChanges(workspace));
                return PlanLogTable.Ordered(instant is { } t ? book.AsOf(t) : book.Current(), store.Settings(workspace).Calendar);
            })
            .ToResults();

    private static Results<Ok<IReadOnlyList<PlanChange>>, ProblemHttpResult, ValidationProblem> Changes(
        string workspace, [FromQuery(Name = "as_of"), Description("The changes known at this instant; default: every change.")] string? asOf,
        WorkspaceRequests requests, IStore store) =>
        requests.Read(workspace, read => Requests.PlanInstant(read, asOf))
            .Map(instant =>
            {
                var book = new PlanBook(store.PlanChanges(workspace));
                return instant is { } t ? book.ChangesAsOf(t) : book.Changes;
            })
            .ToResults();

    private static Results<Ok<PlanChange>, NoContent, ProblemHttpResult, ValidationProblem> Set(string workspace, [FromBody] PlanBody body, WorkspaceRequests requests, IStore store)
    {
        var existing = requests.Existing(workspace);
        if (!existing.Ok)
        {
            return ApiResults.NotFound(existing.Problems);
        }

        var fields = new PlanFields { Pillar = body.Pillar, Metric = body.Metric, Period = body.Period, Slice = body.Slice, Target = TargetText(body.Target), Owner = body.Owner };
        var plan = PlanEdits.Plan(fields, store.Settings(workspace).Calendar);
        if (!plan.Ok)
        {
            return ApiResults.Invalid(plan.Problems);
        }

        return store.SetPlan(workspace, plan.Value, Api) is { } change ? TypedResults.Ok(change) : TypedResults.NoContent();
    }

    private static Results<Ok<PlanChange>, ProblemHttpResult, ValidationProblem> Remove(string workspace, [AsParameters] KeyParameters q, WorkspaceRequests requests, IStore store)
    {
        var existing = requests.Existing(workspace);
        if (!existing.Ok)
        {
            return ApiResults.NotFound(existing.Problems);
        }

        var key = PlanEdits.Key(new PlanFields { Pillar = q.Pillar, Metric = q.Metric, Period = q.Period, Slice = q.Slice }, store.Settings(workspace).Calendar);
        if (!key.Ok)
        {
            return ApiResults.Invalid(key.Problems);
        }

        return store.RemovePlan(workspace, key.Value, Api) is { } change ? TypedResults.Ok(change) : ApiResults.NotFound($"no plan {key.Value} to remove");
    }

    /// <summary>A target as JSON gives it: a number (0.45, 1250000) or a string ("45%").</summary>
    private static string? TargetText(JsonElement? target) => target switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => other.GetRawText(),
    };

    /// <summary>The query parameters of the status rows, named as the command line's options.</summary>
    public readonly record struct StatusParameters(
        [property: Description("The plans of this period and of every period within it (2026 gives its months, quarters and the year); default: the month, fiscal quarter and fiscal year containing the instant.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("One pillar: new_business, retention, expansion or cost_model.")]
        [FromQuery(Name = "pillar")] string? Pillar,
        [property: Description("One owner's plans, e.g. President, COO, CFO.")]
        [FromQuery(Name = "owner")] string? Owner,
        [property: Description("The plans as they stood at this instant, read with what was known then; default: now (the start of the hour), with the plans as they stand.")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("Forecast under a saved scenario; base is the forecast without changes.")]
        [FromQuery(Name = "scenario")] string? Scenario);

    /// <summary>The query parameters that name one plan.</summary>
    public readonly record struct KeyParameters(
        [property: Description("new_business, retention, expansion or cost_model.")]
        [FromQuery(Name = "pillar")] string? Pillar,
        [property: Description("An indicator's name, e.g. bookings, grr.")]
        [FromQuery(Name = "metric")] string? Metric,
        [property: Description("A month (2026-03), fiscal quarter (2026-Q1) or fiscal year (2026).")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("dimension=value pairs joined by ';'; empty for the whole company.")]
        [FromQuery(Name = "slice")] string? Slice);

    /// <summary>A plan as a PUT sends it: <c>{"pillar", "metric", "period", "slice", "target", "owner"}</c>; target a number or a string such as "45%".</summary>
    public sealed record PlanBody(string? Pillar, string? Metric, string? Period, string? Slice, JsonElement? Target, string? Owner);
}
