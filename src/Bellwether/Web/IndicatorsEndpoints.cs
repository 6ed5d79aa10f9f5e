using System.ComponentModel;
using Bellwether.Core.Budget;
using Bellwether.Core.Indicators;
using Bellwether.Indicators;
using Bellwether.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/indicators</c>: the rows <c>bellwether indicators --format json</c> prints, from
/// the host's cached engine.
/// </summary>
public static class IndicatorsEndpoints
{
    public static RouteGroupBuilder MapIndicatorsEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapGet("/indicators", Rows).WithTags("indicators").WithName("indicators")
            .WithSummary("Indicator rows for a period, broken into sub-periods and slices, as known at an instant");
        return workspace;
    }

    private static Results<Ok<IReadOnlyList<IndicatorRow>>, ProblemHttpResult, ValidationProblem> Rows(
        string workspace, [AsParameters] IndicatorParameters q, WorkspaceRequests requests, IndicatorService indicators, MemoryBudget memory, CancellationToken cancellation) =>
        requests.Read(workspace, read => Requests.Indicators(read, q.Name, q.Period, q.Grain, q.By, q.Slice, q.AsOf, q.Target))
            .Then(query => requests.InData(workspace, query, query.Filter))
            .Map(query => indicators.Run(workspace, query, memory.For(cancellation)))
            .ToResults();

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct IndicatorParameters(
        [property: Description("Indicator names: repeat the parameter or separate them with commas (name=bookings,win_rate). GET /api/v1/indicators lists them.")]
        [FromQuery(Name = "name")] string[]? Name,
        [property: Description("A day (2025-03-31), ISO week (2025-W14), month (2025-03), fiscal quarter (2025-Q1) or fiscal year (2025), 1970 to 2100; default: the current fiscal quarter.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("Break the period into day, week, month, quarter or year rows.")]
        [FromQuery(Name = "grain")] string? Grain,
        [property: Description("Slice by one or two dimensions, comma-separated: rep, team, manager, rep_region, account, vertical, account_region, service_line, type, source, channel, activity_type.")]
        [FromQuery(Name = "by")] string? By,
        [property: Description("Restrict to a slice: dimension=value pairs joined by ';' (vertical=retail;type=new_business). A value that does not occur is a mistake listing the nearest that do.")]
        [FromQuery(Name = "slice")] string? Slice,
        [property: Description("Only what was known at this instant (a date means the end of that day: 2025-06-30, or 2025-06-30T14:05:00Z); default: now.")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("A bookings target for required_pipeline, pipeline_coverage, new_pipeline_needed and hiring_signal, instead of the plan's.")]
        [FromQuery(Name = "target")] string? Target);
}
