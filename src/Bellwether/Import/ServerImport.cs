using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Core.Import;
using Bellwether.Services;

namespace Bellwether.Import;

/// <summary>
/// <c>bellwether import FOLDER</c> while <c>bellwether serve</c> holds the store: the folder's files, zipped, go to the
/// server's <c>POST /api/v1/workspaces/{workspace}/imports</c> — the import the dashboard's Import page runs — and its
/// answer is printed as a local import's would be (the table, the first errors, the same exit codes). The server keeps
/// the file; nothing else opens it.
/// </summary>
public static class ServerImport
{
    public static int Run(CliContext context, OutputFormat format, string address, string workspace, string folder, bool skipInvalid, string? asOf, bool readAll = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Directory.Exists(folder))
        {
            throw new UserErrorException($"{folder}: no such folder");
        }

        var zip = Zip(folder);
        var limit = new ApiLimits().MaxUploadBytes;
        if (zip.Length > limit)
        {
            throw new UserErrorException(
                $"{folder} zips to {Megabytes(zip.Length)}, more than the server at {address} takes at a time ({Megabytes(limit)}): stop bellwether serve and import again");
        }

        context.Error.WriteLine($"importing through bellwether serve at {address} (it holds the store)");
        var query = $"skip_invalid={(skipInvalid ? "true" : "false")}" + (readAll ? "&read_all=true" : "") + (asOf is null ? "" : "&as_of=" + Uri.EscapeDataString(asOf));
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(30) };
        using var body = new ByteArrayContent(zip);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        HttpResponseMessage response;
        try
        {
            response = http.PostAsync(new Uri($"/api/v1/workspaces/{Uri.EscapeDataString(workspace)}/imports?{query}", UriKind.Relative), body).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new UserErrorException($"bellwether serve at {address} holds the store but did not answer ({e.Message.TrimEnd('.')}): stop it, or wait and try again");
        }

        using (response)
        {
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            using var json = Parse(text);
            if (response.IsSuccessStatusCode && json is not null)
            {
                return Print(context, format, json.RootElement.Deserialize<ImportSummary>(Json.Options)!);
            }

            if (json?.RootElement.TryGetProperty("report", out var report) == true)
            {
                return Print(context, format, report.Deserialize<ImportSummary>(Json.Options)!);
            }

            var detail = json?.RootElement.TryGetProperty("detail", out var d) == true ? d.GetString() : null;
            throw new UserErrorException($"the server at {address} refused the import: {detail ?? $"{(int)response.StatusCode} {response.ReasonPhrase}"}");
        }
    }

    private static int Print(CliContext context, OutputFormat format, ImportSummary summary)
    {
        Output.Write(context, format, summary.Table(format), summary);
        foreach (var note in summary.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        foreach (var error in summary.Errors.Take(ImportCommand.ErrorsShown))
        {
            context.Error.WriteLine(error);
        }

        if (summary.ErrorCount > ImportCommand.ErrorsShown)
        {
            context.Error.WriteLine($"… and {summary.ErrorCount - ImportCommand.ErrorsShown:N0} more (the server lists the first {ImportSummary.ErrorsListed}; import with the server stopped for the full report)");
        }

        return ImportCommand.Verdict(context, summary);
    }

    /// <summary>The folder's files of the folder format, zipped in memory (CSV shrinks about tenfold).</summary>
    private static byte[] Zip(string folder)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Where(p => FileSchemas.ForFile(Path.GetFileName(p)) is not null))
            {
                zip.CreateEntryFromFile(path, Path.GetFileName(path), CompressionLevel.Fastest);
            }
        }

        return memory.ToArray();
    }

    private static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not our server's JSON (a proxy's page, an empty body): the status line says what there is to say.
            return null;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
