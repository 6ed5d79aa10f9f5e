using System.IO.Compression;
using Bellwether.Core.Import;
using Bellwether.Dashboard.Live;
using Bellwether.Import;
using Bellwether.Services;

namespace Bellwether.Dashboard.Import;

/// <summary>
/// An import of uploaded files through the running host, which holds the store: the files (CSV files of the folder
/// format, or zips of them) are written to a folder of their own, read as <c>bellwether import FOLDER</c> reads a
/// folder, and imported in the host's own turn on the store, so that nothing fights over the embedded file. Sizes are
/// bounded (<see cref="UploadLimits"/>); the rows' errors come back as the command line reports them.
/// </summary>
public sealed class UploadImport(SerializedStore store, DashboardOptions options, StoreWatcher watcher, TimeProvider clock)
{
    /// <summary>Imports the uploads into the dashboard's workspace.</summary>
    public Task<UploadOutcome> RunAsync(IReadOnlyList<Upload> uploads, bool skipInvalid, CancellationToken cancellation) =>
        RunAsync(options.Workspace, uploads, skipInvalid, asOf: null, "the dashboard", cancellation);

    /// <summary>
    /// Imports the uploads into a workspace (the API's <c>POST …/imports</c>), as of an export instant or the newest event
    /// in the files; <paramref name="via"/> says in the import log what they came through ("the API"); with
    /// <paramref name="readAll"/>, files given again unchanged are read again too.
    /// </summary>
    public async Task<UploadOutcome> RunAsync(string workspace, IReadOnlyList<Upload> uploads, bool skipInvalid, DateTimeOffset? asOf, string via, CancellationToken cancellation, bool readAll = false)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (uploads.Count == 0)
        {
            return UploadOutcome.Refused("choose the files to import (CSV files of the folder format, or a zip of them)");
        }

        if (uploads.Count > UploadLimits.MaxFiles)
        {
            return UploadOutcome.Refused($"{uploads.Count} files: at most {UploadLimits.MaxFiles} at a time");
        }

        var size = uploads.Sum(u => u.Size);
        if (size > UploadLimits.MaxUploadBytes)
        {
            return UploadOutcome.Refused($"{Megabytes(size)} uploaded: at most {Megabytes(UploadLimits.MaxUploadBytes)} at a time");
        }

        var folder = Path.Combine(Path.GetTempPath(), "bellwether-upload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var problem = await SaveAsync(uploads, folder, cancellation).ConfigureAwait(false);
            if (problem is not null)
            {
                return UploadOutcome.Refused(problem);
            }

            var names = string.Join(", ", uploads.Select(u => u.Name));
            var source = FolderSource.Open(folder) with { Description = $"upload through {via} ({names})" };
            var importOptions = new ImportOptions { SkipInvalid = skipInvalid, AsOf = asOf, ReadAll = readAll, StartedAt = clock.GetUtcNow() };
            var result = await Task.Run(
                () => store.Exclusive(inner =>
                {
                    using var session = inner.BeginImport(workspace);
                    return new ImportRunner(session).Run(source, importOptions);
                }),
                cancellation).ConfigureAwait(false);
            if (result.Stored)
            {
                watcher.CheckNow();
            }

            return new UploadOutcome { Result = result, Problem = null };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes the uploads into the folder, unpacking zips; a refusal in one line, or null.</summary>
    private static async Task<string?> SaveAsync(IReadOnlyList<Upload> uploads, string folder, CancellationToken cancellation)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var upload in uploads)
        {
            var name = Path.GetFileName(upload.Name);
            if (!IsFileName(name))
            {
                return $"\"{upload.Name}\" is not a file's name";
            }

            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var zip = Path.Combine(folder, ".upload-" + written.Count + ".zip");
                await CopyAsync(upload, zip, cancellation).ConfigureAwait(false);
                var problem = Unzip(zip, folder, written, name);
                File.Delete(zip);
                if (problem is not null)
                {
                    return problem;
                }

                continue;
            }

            if (!written.Add(name))
            {
                return $"{name} is uploaded twice";
            }

            await CopyAsync(upload, Path.Combine(folder, name), cancellation).ConfigureAwait(false);
        }

        return null;
    }

    private static async Task CopyAsync(Upload upload, string path, CancellationToken cancellation)
    {
        var input = upload.Open();
        await using (input.ConfigureAwait(false))
        {
            var output = File.Create(path);
            await using (output.ConfigureAwait(false))
            {
                await input.CopyToAsync(output, cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Unpacks the files of a zip into the folder by their names alone (a zip of a folder works; paths inside cannot
    /// escape the folder), refusing more than <see cref="UploadLimits.MaxUnpackedBytes"/> unpacked.
    /// </summary>
    private static string? Unzip(string zip, string folder, HashSet<string> written, string zipName)
    {
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            long unpacked = 0;
            foreach (var entry in archive.Entries.Where(e => e.Name.Length > 0 && !e.FullName.Contains("__MACOSX", StringComparison.Ordinal)))
            {
                unpacked += entry.Length;
                if (unpacked > UploadLimits.MaxUnpackedBytes)
                {
                    return $"{zipName} unpacks to more than {Megabytes(UploadLimits.MaxUnpackedBytes)}";
                }

                if (!IsFileName(entry.Name))
                {
                    return $"{zipName}: \"{entry.FullName}\" is not a file's name";
                }

                if (!written.Add(entry.Name))
                {
                    return $"{zipName}: {entry.Name} is uploaded twice";
                }

                using var input = entry.Open();
                using var output = File.Create(Path.Combine(folder, entry.Name));
                // Read no more than the entry says it holds: a zip that lies about its sizes stops there.
                CopyAtMost(input, output, entry.Length);
            }

            return null;
        }
        catch (InvalidDataException e)
        {
            return $"{zipName} is not a readable zip: {e.Message}";
        }
    }

    /// <summary>A name that stays inside the upload's folder: not <c>.</c> or <c>..</c> (which name folders), nothing a file name cannot hold.</summary>
    private static bool IsFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;

    private static void CopyAtMost(Stream input, Stream output, long limit)
    {
        var buffer = new byte[81920];
        long copied = 0;
        int read;
        while (copied < limit && (read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - copied))) > 0)
        {
            output.Write(buffer, 0, read);
            copied += read;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}

/// <summary>One uploaded file: its name as the user's machine gave it, its size, and how to read it (once).</summary>
public sealed record Upload(string Name, long Size, Func<Stream> Open);

/// <summary>The bounds of one upload through the dashboard.</summary>
public static class UploadLimits
{
    /// <summary>All files of one upload together, as sent (a demo company at scale 1 is about 30 MB of CSV).</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    /// <summary>All zips of one upload, unpacked.</summary>
    public const long MaxUnpackedBytes = 1024L * 1024 * 1024;

    public const int MaxFiles = 40;
}

/// <summary>What an upload came to: the import's result, or why it was refused before importing.</summary>
public sealed record UploadOutcome
{
    public required ImportResult? Result { get; init; }

    /// <summary>Why nothing was imported (too large, not a zip…), in one line; null when the import ran.</summary>
    public required string? Problem { get; init; }

    public static UploadOutcome Refused(string problem) => new() { Result = null, Problem = problem };
}
