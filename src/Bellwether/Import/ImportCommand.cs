using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Import.Mapping;
using Bellwether.Import.Presets;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Import;

/// <summary><c>bellwether import FOLDER</c>: validated, atomic, idempotent import of a company's data.</summary>
public static class ImportCommand
{
    /// <summary>Errors printed to the terminal; all of them are in the report.</summary>
    /// <summary>Errors printed one by one on the command line; the report (or the server's answer) has the rest.</summary>
    internal const int ErrorsShown = 20;

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = "A folder in the Bellwether folder format (or a CRM export, with --preset or --mapping)" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Store the valid rows and quarantine the rest, instead of rejecting the import" };
        var readAll = new Option<bool>("--read-all") { Description = "Read every file, even one given again byte for byte since the last import stored it (by default it is not read again)" };
        var report = new Option<string?>("--report") { Description = "Folder for the report and quarantined rows (default ./import-report-TIMESTAMP, written when there are errors)" };
        var asOf = new Option<string?>("--as-of") { Description = "The export's instant (default: the newest created_at, closed_at, occurred_at or changed_at in the files)" };
        var preset = new Option<string?>("--preset")
        {
            Description = $"Read a known export instead of the folder format: {string.Join(", ", PresetCatalog.All.Select(p => p.Name))} (docs/presets.md)",
        };
        var mapping = new Option<string?>("--mapping") { Description = "Read any CSV export through a mapping file (docs/mapping.md)" };
        var command = new Command("import", "Import a company's data into the store: every row checked, all or nothing, safe to repeat")
        {
            folder, preset, mapping, skipInvalid, readAll, report, asOf,
        };
        command.SetHandler(context, result =>
        {
            var path = result.GetRequiredValue(folder);
            DateTimeOffset? exportInstant = null;
            if (result.GetValue(asOf) is { } asOfText)
            {
                exportInstant = Instants.TryParseAsOf(asOfText, out var parsed, out var reason) ? parsed : throw new UserErrorException($"--as-of \"{asOfText}\" {reason}");
            }

            // While serve holds the store, a folder of the folder format goes through it, as the Import page's files do.
            if (StoreHolder.Find(globals.DbPath(result, context)) is { Command: "serve", Address: { } address }
                && result.GetValue(preset) is null && result.GetValue(mapping) is null && result.GetValue(report) is null)
            {
                return ServerImport.Run(context, result.GetValue(globals.Format), address, globals.WorkspaceName(result, context), path, result.GetValue(skipInvalid), result.GetValue(asOf), result.GetValue(readAll));
            }

            var source = OpenSource(path, result.GetValue(preset), result.GetValue(mapping));
            var reportFolder = result.GetValue(report);
            if (reportFolder is not null)
            {
                ImportReport.CheckOutside(reportFolder, path);
            }

            var options = new ImportOptions { SkipInvalid = result.GetValue(skipInvalid), AsOf = exportInstant, ReadAll = result.GetValue(readAll), StartedAt = context.Clock.GetUtcNow() };
            return Run(context, globals, result, source, options, reportFolder, path);
        });
        return command;
    }

    private static ImportSource OpenSource(string path, string? presetName, string? mappingFile)
    {
        if (presetName is not null && mappingFile is not null)
        {
            throw new UserErrorException("--preset and --mapping: give one or the other");
        }

        try
        {
            if (presetName is not null)
            {
                var known = PresetCatalog.Find(presetName)
                    ?? throw new UserErrorException($"--preset {presetName}: no such preset (presets: {string.Join(", ", PresetCatalog.All.Select(p => p.Name))})");
                return known.Open(path);
            }

            return mappingFile is not null ? MappingSource.Open(mappingFile, path) : FolderSource.Open(path);
        }
        catch (MappingException e)
        {
            throw new UserErrorException(e.Message);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    /// <summary>Imports a source into the store and prints what happened; shared by import and demo.</summary>
    internal static int Run(CliContext context, GlobalOptions globals, ParseResult result, ImportSource source, ImportOptions options, string? reportFolder, string? importedFolder)
    {
        var path = globals.DbPath(result, context);
        var fresh = !File.Exists(path);
        ImportResult outcome;
        using (var store = globals.OpenStore(result, context))
        using (StoreHolder.Leave(path, StoreHolder.Current(result.CommandResult.Command.Name, null)))
        using (var session = store.BeginImport(globals.WorkspaceName(result, context)))
        {
            var afterTable = Failpoint.AfterTable(context);
            var runner = (IProgress<ImportProgress>? progress) => new ImportRunner(session, progress).Run(source, options, afterTable);
            outcome = context.Interactive
                ? ImportProgressView.Run(context.ErrorConsole, p => runner(p))
                : runner(null);
        }

        if (fresh && !outcome.Stored)
        {
            // A rejected first import leaves no store behind: an empty file would pass for a company with no data.
            DuckDbStore.Delete(path);
        }

        var imported = ImportSummary.Of(outcome);
        var format = result.GetValue(globals.Format);
        Output.Write(context, format, imported.Table(format), imported);

        foreach (var note in outcome.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        if (outcome.ErrorCount > 0 || reportFolder is not null)
        {
            // The errors first: they are what the user needs, whatever becomes of the report.
            foreach (var error in outcome.Errors.Take(ErrorsShown))
            {
                context.Error.WriteLine(error.ToString());
            }

            if (outcome.ErrorCount > ErrorsShown)
            {
                context.Error.WriteLine($"… and {outcome.ErrorCount - ErrorsShown:N0} more");
            }

            var folder = reportFolder ?? ImportReport.DefaultFolder(context.Clock.GetUtcNow(), importedFolder);
            if (importedFolder is not null)
            {
                ImportReport.CheckOutside(folder, importedFolder);
            }

            ImportReport.Write(folder, source, outcome, imported.Table(OutputFormat.Csv));
            context.Error.WriteLine($"report: {folder}");
        }

        return Verdict(context, imported);
    }

    /// <summary>
    /// The import's last line and exit code, the same whether the store was written here or through a running server:
    /// rejected (nothing stored), stored with rows rejected, or stored.
    /// </summary>
    internal static int Verdict(CliContext context, ImportSummary summary)
    {
        if (!summary.Stored)
        {
            context.Error.WriteLine($"bellwether: import rejected, nothing stored: {summary.ErrorCount:N0} {(summary.ErrorCount == 1 ? "error" : "errors")}");
            return ExitCodes.ImportRejected;
        }

        if (summary.ErrorCount > 0)
        {
            var rejected = summary.Files.Sum(f => f.Rejected);
            context.Error.WriteLine($"bellwether: stored the valid rows; rejected {rejected} {(rejected == 1 ? "row" : "rows")} ({summary.ErrorCount:N0} errors)");
            return ExitCodes.ImportPartial;
        }

        return ExitCodes.Ok;
    }
}
