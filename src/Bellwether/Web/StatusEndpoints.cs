using Bellwether.Services;
using Bellwether.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bellwether.Web;

/// <summary><c>GET /api/v1/workspaces/{workspace}/status</c>: what <c>bellwether status --format json</c> prints.</summary>
public static class StatusEndpoints
{
    public static RouteGroupBuilder MapStatusEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapGet("/status", Status).WithTags("status").WithName("status")
            .WithSummary("What the workspace holds per file and date range, the import log, and which indicators are available");
        return workspace;
    }

    private static Results<Ok<WorkspaceStatus>, ProblemHttpResult, ValidationProblem> Status(string workspace, WorkspaceRequests requests, StatusService status) =>
        requests.Existing(workspace).Map(status.Read).ToResults();
}
