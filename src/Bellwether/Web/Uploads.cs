using Bellwether.Dashboard.Import;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bellwether.Web;

/// <summary>
/// The files of an upload request: the parts of a multipart form, or one zip sent as the body. Too large (by its
/// declared length, before reading), or of another content type, it is refused with a problem in our words.
/// </summary>
public sealed class Uploads
{
    private Uploads(IReadOnlyList<Upload> files, ProblemHttpResult? refusal)
    {
        Files = files;
        Refusal = refusal;
    }

    public IReadOnlyList<Upload> Files { get; }

    /// <summary>Why the request is refused before importing; null when its files were read.</summary>
    public ProblemHttpResult? Refusal { get; }

    public static async Task<Uploads> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is { } length && length > maxBytes)
        {
            return Refused(
                StatusCodes.Status413PayloadTooLarge,
                "The upload is too large",
                $"the upload is {Megabytes(length)}: the server takes at most {Megabytes(maxBytes)} at a time (zip the files — CSV shrinks about tenfold — or stop the server and run bellwether import)");
        }

        if (request.HasFormContentType && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellation).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                return Refused(StatusCodes.Status400BadRequest, "The upload is not a readable form", "the multipart form could not be read: send each file as a part with a file name (curl -F file=@opportunities.csv)");
            }

            if (form.Files.Count == 0)
            {
                return Refused(StatusCodes.Status400BadRequest, "The upload has no files", "the form has no files: send CSV files of the folder format, or a zip of them, as parts with file names (curl -F file=@opportunities.csv)");
            }

            return new Uploads([.. form.Files.Select(f => new Upload(f.FileName, f.Length, f.OpenReadStream))], null);
        }

        if (request.ContentType?.StartsWith("application/zip", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The body is read once, by the import; the server stops it at the size limit if it has no declared length.
            return new Uploads([new Upload("upload.zip", request.ContentLength ?? 0, () => request.Body)], null);
        }

        return Refused(
            StatusCodes.Status415UnsupportedMediaType,
            "The upload's content type is not one the server reads",
            $"{(string.IsNullOrEmpty(request.ContentType) ? "no content type" : $"content type {request.ContentType}")}: send the files as multipart/form-data (curl -F file=@opportunities.csv) or one zip as application/zip");
    }

    private static Uploads Refused(int status, string title, string detail) => new([], ApiResults.Problem(status, title, detail));

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
