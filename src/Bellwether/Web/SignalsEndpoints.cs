using System.ComponentModel;
using Bellwether.Core.Budget;
using Bellwether.Core.Signals;
using Bellwether.Queries;
using Bellwether.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>GET /api/v1/workspaces/{workspace}/signals</c>: the pillars' leading signals as <c>bellwether signals --format json</c>
/// prints them, each with its change since a week earlier.
/// </summary>
public static class SignalsEndpoints
{
    public static RouteGroupBuilder MapSignalsEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapGet("/signals", Signals).WithTags("signals").WithName("signals")
            .WithSummary("Each pillar's leading signals against plan, standard or benchmark, with their change since a week earlier and who needs attention");
        return workspace;
    }

    private static Results<Ok<IReadOnlyList<Signal>>, ProblemHttpResult, ValidationProblem> Signals(
        string workspace, [AsParameters] SignalParameters q, WorkspaceRequests requests, SignalReader signals, MemoryBudget memory, CancellationToken cancellation) =>
        // "Now" is the start of the hour, as the pillar pages read it: a reading is kept per query and store version and
        // shared with the pages (the retention signals fit a client-health model twice).
        requests.Read(workspace, Now.Hour, read => Requests.Signals(read, q.Pillar, q.Period, q.AsOf))
            .Map(query => signals.Read(workspace, query, cancellation, memory))
            .ToResults();

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct SignalParameters(
        [property: Description("One pillar: new_business, retention, expansion or cost_model; default all four.")]
        [FromQuery(Name = "pillar")] string? Pillar,
        [property: Description("The period to watch (2025-Q1, 2025-03, 2025); default: the fiscal quarter containing the instant.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("Only what was known at this instant (a date means the end of that day); default: now.")]
        [FromQuery(Name = "as_of")] string? AsOf);
}
