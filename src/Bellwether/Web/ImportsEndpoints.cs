using System.ComponentModel;
using Bellwether.Dashboard.Import;
using Bellwether.Import;
using Bellwether.Queries;
using Bellwether.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// <c>POST /api/v1/workspaces/{workspace}/imports</c>: files of the folder format (or zips of them) imported through the
/// running server, which holds the store — the same import the dashboard's Import page runs (<see cref="UploadImport"/>),
/// and what <c>bellwether import FOLDER</c> sends while <c>serve</c> holds the file. Every row is checked first: a
/// rejected import is a 422 problem whose <c>report</c> lists the errors, and nothing is stored.
/// </summary>
public static class ImportsEndpoints
{
    public static RouteGroupBuilder MapImportsEndpoints(this RouteGroupBuilder workspace, long maxUploadBytes)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        workspace.MapPost("/imports", Import).WithTags("imports").WithName("import").RequireRateLimiting(ApiLimits.Heavy)
            .WithMetadata(new RequestSizeLimitAttribute(maxUploadBytes))
            // One declaration of both: routing refuses other content types with 415 before the handler runs.
            .Accepts<IFormFileCollection>("multipart/form-data", "application/zip")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary($"Imports CSV files of the folder format, or a zip of them (multipart/form-data, or one zip as application/zip; {maxUploadBytes / (1024 * 1024)} MB at most), and answers with the validation report");
        return workspace;
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult, ValidationProblem>> Import(
        string workspace, [AsParameters] ImportParameters q, HttpRequest request, UploadImport importer, ApiLimits limits, TimeProvider clock, CancellationToken cancellation)
    {
        var read = new QueryReader(Core.Time.FiscalCalendar.Default, clock.GetUtcNow());
        var skipInvalid = read.Flag(q.SkipInvalid, "skip_invalid");
        var readAll = read.Flag(q.ReadAll, "read_all");
        var asOf = q.AsOf is null ? null : read.AsOf(q.AsOf);
        if (!read.Ok)
        {
            return ApiResults.Invalid(read.Problems);
        }

        var uploads = await Uploads.ReadAsync(request, limits.MaxUploadBytes, cancellation).ConfigureAwait(false);
        if (uploads.Refusal is { } refusal)
        {
            return refusal;
        }

        var outcome = await importer.RunAsync(workspace, uploads.Files, skipInvalid, asOf, "the API", cancellation, readAll).ConfigureAwait(false);
        if (outcome.Result is not { } result)
        {
            return ApiResults.Problem(StatusCodes.Status400BadRequest, "The upload was refused", outcome.Problem ?? "nothing was imported");
        }

        var summary = ImportSummary.Of(result, ImportSummary.ErrorsListed);
        return result.Stored
            ? TypedResults.Ok(summary)
            : TypedResults.Problem(
                $"import rejected, nothing stored: {result.Errors.Count} {(result.Errors.Count == 1 ? "error" : "errors")}",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The import was rejected",
                extensions: new Dictionary<string, object?> { ["report"] = summary });
    }

    /// <summary>The query parameters, named as the command line's options.</summary>
    public readonly record struct ImportParameters(
        [property: Description("true to store the valid rows and reject only the invalid ones, instead of rejecting the import.")]
        [FromQuery(Name = "skip_invalid")] string? SkipInvalid,
        [property: Description("The export's instant (default: the newest created_at, closed_at, occurred_at or changed_at in the files).")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("true to read every file, even one given again byte for byte since the last import stored it (by default such a file is not read again).")]
        [FromQuery(Name = "read_all")] string? ReadAll);
}
