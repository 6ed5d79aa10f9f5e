using System.ComponentModel;
using Bellwether.Queries;
using Bellwether.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// The finance pack of <c>bellwether export</c> as downloads: <c>GET …/exports/finance-pack.xlsx</c> (a workbook) and
/// <c>GET …/exports/finance-pack.zip</c> (one CSV per sheet).
/// </summary>
public static class ExportsEndpoints
{
    public static RouteGroupBuilder MapExportsEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var exports = workspace.MapGroup("/exports").WithTags("exports").RequireRateLimiting(ApiLimits.Heavy);
        exports.MapGet("/finance-pack.xlsx", Workbook).WithName("exportWorkbook")
            .Produces(StatusCodes.Status200OK, contentType: ExportService.WorkbookType)
            .WithSummary("The finance pack as an Excel workbook: indicators over the period and the four before, breakdowns, forecasts and plans");
        exports.MapGet("/finance-pack.zip", CsvFiles).WithName("exportCsv")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .WithSummary("The finance pack as one CSV file per sheet, zipped");
        return workspace;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> Workbook(
        string workspace, [AsParameters] ExportParameters q, WorkspaceRequests requests, ExportService exports, CancellationToken cancellation) =>
        Download(requests.Read(workspace, Now.Hour, read => Requests.Export(read, q.Period, q.AsOf, read.Flag(q.Forecast, "forecast", fallback: true)))
            .Map(request => (Bytes: exports.Workbook(workspace, request, cancellation), Name: $"finance-pack-{request.Period.Label}.xlsx", Type: ExportService.WorkbookType)));

    private static Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> CsvFiles(
        string workspace, [AsParameters] ExportParameters q, WorkspaceRequests requests, ExportService exports, CancellationToken cancellation) =>
        Download(requests.Read(workspace, Now.Hour, read => Requests.Export(read, q.Period, q.AsOf, read.Flag(q.Forecast, "forecast", fallback: true)))
            .Map(request => (Bytes: exports.CsvZip(workspace, request, cancellation), Name: $"finance-pack-{request.Period.Label}.zip", Type: "application/zip")));

    private static Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem> Download(Checked<(byte[] Bytes, string Name, string Type)> file) =>
        file.Ok ? TypedResults.File(file.Value.Bytes, file.Value.Type, file.Value.Name)
        : file.IsNotFound ? ApiResults.NotFound(file.Problems)
        : ApiResults.Invalid(file.Problems);

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct ExportParameters(
        [property: Description("The period of the pack (2025-Q1, 2025-03, 2025); default: the current fiscal quarter.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("Everything as known at this instant; default: the start of the current hour.")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("false to leave out the Forecast and Plans sheets (export --no-forecast).")]
        [FromQuery(Name = "forecast")] string? Forecast);
}
