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
    private const int ErrorsShown = 20;

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = "A folder in the Bellwether folder format (or a CRM export, with --preset or --mapping)" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Store the valid rows and quarantine the rest, instead of rejecting the import" };
        var report = new Option<string?>("--report") { Description = "Folder for the report and quarantined rows (default ./import-report-TIMESTAMP, written when there are errors)" };
        var asOf = new Option<string?>("--as-of") { Description = "The export's instant (default: the newest created_at, closed_at, occurred_at or changed_at in the files)" };
        var preset = new Option<string?>("--preset")
        {
            Description = $"Read a known export instead of the folder format: {string.Join(", ", PresetCatalog.All.Select(p => p.Name))} (docs/presets.md)",
        };
        var mapping = new Option<string?>("--mapping") { Description = "Read any CSV export through a mapping file (docs/mapping.md)" };
        var command = new Command("import", "Import a company's data into the store: every row checked, all or nothing, safe to repeat")
        {
            folder, preset, mapping, skipInvalid, report, asOf,
        };
        command.SetHandler(context, result =>
        {
            var path = result.GetRequiredValue(folder);
            DateTimeOffset? exportInstant = null;
            if (result.GetValue(asOf) is { } asOfText)
            {
                exportInstant = Instants.TryParseAsOf(asOfText, out var parsed)
                    ? parsed
                    : throw new UserErrorException($"--as-of {asOfText}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)");
            }

            var source = OpenSource(path, result.GetValue(preset), result.GetValue(mapping));
            var reportFolder = result.GetValue(report);
            if (reportFolder is not null)
            {
                ImportReport.CheckOutside(reportFolder, path);
            }

            var options = new ImportOptions { SkipInvalid = result.GetValue(skipInvalid), AsOf = exportInstant, StartedAt = context.Clock.GetUtcNow() };
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

        var summary = Summary(outcome);
        var format = result.GetValue(globals.Format);
        Output.Write(context, format, summary, new
        {
            stored = outcome.Stored,
            as_of = outcome.AsOf,
            import_id = outcome.ImportId,
            files = outcome.Files.Select(f => new
            {
                file = f.File,
                read = f.Read,
                inserted = f.Counts.Inserted,
                updated = f.Counts.Updated,
                unchanged = f.Counts.Unchanged,
                rejected = f.Rejected,
                absent = f.Counts.Absent,
                derived = f.Counts.Derived,
                repaired = f.Repaired,
            }),
            error_count = outcome.ErrorCount,
            errors = outcome.Errors.Select(e => e.ToString()),
            errors_not_listed = outcome.UnlistedErrors.Select(e => new { file = e.File, column = e.Column, reason = e.Reason, count = e.Count }),
            notes = outcome.Notes,
        });

        foreach (var note in outcome.Notes)
        {
            context.Error.WriteLine($"note: {note}");
        }

        if (outcome.ErrorCount > 0 || reportFolder is not null)
        {
            var folder = reportFolder ?? ImportReport.DefaultFolder(context.Clock.GetUtcNow());
            if (importedFolder is not null)
            {
                ImportReport.CheckOutside(folder, importedFolder);
            }

            ImportReport.Write(folder, source, outcome, summary);
            foreach (var error in outcome.Errors.Take(ErrorsShown))
            {
                context.Error.WriteLine(error.ToString());
            }

            if (outcome.ErrorCount > ErrorsShown)
            {
                context.Error.WriteLine($"… and {outcome.ErrorCount - ErrorsShown:N0} more");
            }

            context.Error.WriteLine($"report: {folder}");
        }

        if (!outcome.Stored)
        {
            context.Error.WriteLine($"bellwether: import rejected, nothing stored: {outcome.ErrorCount:N0} {(outcome.ErrorCount == 1 ? "error" : "errors")}");
            return ExitCodes.ImportRejected;
        }

        if (outcome.ErrorCount > 0)
        {
            var rejected = outcome.Files.Sum(f => f.Rejected);
            context.Error.WriteLine($"bellwether: stored the valid rows; rejected {rejected} {(rejected == 1 ? "row" : "rows")} ({outcome.ErrorCount:N0} errors)");
            return ExitCodes.ImportPartial;
        }

        return ExitCodes.Ok;
    }

    private static TableData Summary(ImportResult outcome) => new(
        ["File", "Read", "Inserted", "Updated", "Unchanged", "Rejected", "Absent", "Derived", "Repaired"],
        [
            .. outcome.Files.Select(f => (IReadOnlyList<object?>)
            [
                f.File, f.Read, f.Counts.Inserted, f.Counts.Updated, f.Counts.Unchanged, f.Rejected, f.Counts.Absent, f.Counts.Derived, f.Repaired,
            ]),
        ])
    {
        Title = outcome.Stored ? $"Imported (as of {(outcome.AsOf is { } t ? Instants.Format(t) : "-")})" : "Rejected: nothing stored",
    };
}
