using System.ComponentModel;
using Bellwether.Core.Budget;
using Bellwether.Core.Scenarios;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Scenarios;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// Saved scenarios under <c>/api/v1/workspaces/{workspace}/scenarios</c>, as <c>bellwether scenario</c> keeps them: list,
/// read, save (PUT, replacing one of the same name), delete, and a comparison of two — <c>scenario show</c> and
/// <c>compare</c>. <c>base</c>, the forecast without changes, can be read and compared but not saved.
/// </summary>
public static class ScenariosEndpoints
{
    public static RouteGroupBuilder MapScenariosEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var scenarios = workspace.MapGroup("/scenarios").WithTags("scenarios");
        scenarios.MapGet("", List).WithName("scenarios").WithSummary("The saved scenarios");
        scenarios.MapGet("/{name}", Get).WithName("scenario").WithSummary("One saved scenario (base: the forecast without changes)");
        scenarios.MapPut("/{name}", Save).WithName("saveScenario").WithSummary("Saves a scenario, replacing one of the same name");
        scenarios.MapDelete("/{name}", Delete).WithName("deleteScenario").WithSummary("Deletes a saved scenario");
        scenarios.MapGet("/{name}/comparison", Compare).WithName("compareScenarios").RequireRateLimiting(ApiLimits.Heavy)
            .WithSummary("The scenario beside another (base by default): each one's forecast, what each change adds, and the plans under each");
        return workspace;
    }

    private static Results<Ok<IReadOnlyList<Scenario>>, ProblemHttpResult, ValidationProblem> List(string workspace, WorkspaceRequests requests, IStore store) =>
        requests.Existing(workspace).Map(w => ScenarioBook.All(store, w)).ToResults();

    private static Results<Ok<Scenario>, ProblemHttpResult, ValidationProblem> Get(string workspace, string name, WorkspaceRequests requests, IStore store) =>
        requests.Existing(workspace).Then(w => ScenarioBook.Find(store, w, name, "name")).ToResults();

    private static Results<Ok<Scenario>, ProblemHttpResult, ValidationProblem> Save(string workspace, string name, [FromBody] ScenarioBody body, WorkspaceRequests requests, IStore store) =>
        requests.Existing(workspace)
            .Then(_ => body.Read(name))
            .Then(scenario => requests.InData(workspace, scenario))
            .Map(scenario =>
            {
                store.SaveScenario(workspace, scenario.Name, ScenarioJson.Serialize(scenario));
                return scenario;
            })
            .ToResults();

    private static Results<NoContent, ProblemHttpResult, ValidationProblem> Delete(string workspace, string name, WorkspaceRequests requests, IStore store)
    {
        var existing = requests.Existing(workspace);
        if (!existing.Ok)
        {
            return ApiResults.NotFound(existing.Problems);
        }

        return store.DeleteScenario(workspace, name) ? TypedResults.NoContent() : ApiResults.NotFound($"name \"{name}\": no such scenario");
    }

    private static Results<Ok<ScenarioReport>, ProblemHttpResult, ValidationProblem> Compare(
        string workspace, string name, [AsParameters] ComparisonParameters q, WorkspaceRequests requests, IStore store, IndicatorService indicators, ForecastService forecasts, MemoryBudget memory, CancellationToken cancellation) =>
        requests.Read(workspace, Now.Hour, read => Requests.Comparison(read, q.With ?? Scenario.Base.Name, name, q.Indicators, q.Period, q.By, q.Slice, q.AsOf, firstParameter: "with", secondParameter: "name"))
            .Then(request => requests.InData(workspace, request, request.Query.Filter))
            .Then(request => ScenarioBook.Find(store, workspace, request.First, "with").Then(first => requests.InData(workspace, first, "with"))
                .Then(first => ScenarioBook.Find(store, workspace, request.Second, "name").Then(second => requests.InData(workspace, second, "name"))
                    .Map(second => ScenarioReport.Compare(
                        indicators.Engine(workspace).Within(memory.For(cancellation)), forecasts.Model(workspace, request.AsOf, cancellation), store.PlanChanges(workspace), store.Settings(workspace).Calendar, request, first, second))))
            .ToResults();

    /// <summary>The query parameters of a comparison, named as the command line's options.</summary>
    public readonly record struct ComparisonParameters(
        [property: Description("The scenario to compare with (scenario compare's first); default: base, the forecast without changes.")]
        [FromQuery(Name = "with")] string? With,
        [property: Description("Comma-separated forecasts to compare; default bookings,revenue,new_logos.")]
        [FromQuery(Name = "indicators")] string? Indicators,
        [property: Description("A month, fiscal quarter or fiscal year; default: the current fiscal quarter.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("Slice by one or two dimensions.")]
        [FromQuery(Name = "by")] string? By,
        [property: Description("Restrict to a slice: dimension=value pairs joined by ';'.")]
        [FromQuery(Name = "slice")] string? Slice,
        [property: Description("Forecast as of this instant; default: the start of the current hour.")]
        [FromQuery(Name = "as_of")] string? AsOf);
}
