using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Import;
using Bellwether.Core.Time;

namespace Bellwether.Status;

/// <summary><c>bellwether status</c>: what the store holds, and which indicators it can and cannot compute.</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var command = new Command("status", "Show what the store holds per file and date range, and which indicators are available");
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var status = store.Status(workspace);
            var files = status.Tables.Where(t => t.Rows > 0).Select(t => t.File).ToHashSet(StringComparer.Ordinal);
            if (status.RecordedHistoryOnly)
            {
                // History recorded by comparing exports is not the CRM's full history.
                files.Remove(FileSchemas.OpportunityHistory.FileName);
            }

            var availability = IndicatorAvailability.For(files);
            var format = result.GetValue(globals.Format);
            var tables = new TableData(
                ["File", "Rows", "From", "To"],
                [.. status.Tables.Select(t => (IReadOnlyList<object?>)[t.File, t.Rows, t.From is { } f ? Day(f) : null, t.To is { } to ? Day(to) : null])])
            {
                Title = $"{store.Description}, workspace {workspace}",
            };

            if (format == OutputFormat.Json)
            {
                Output.Write(context, format, tables, new
                {
                    store = store.Description,
                    workspace,
                    files = status.Tables.Select(t => new { file = t.File, rows = t.Rows, date_column = t.DateColumn, from = t.From, to = t.To }),
                    imports = status.Imports,
                    indicators = availability,
                });
                return ExitCodes.Ok;
            }

            if (format == OutputFormat.Csv)
            {
                Output.Csv(context.Output, new TableData(
                    ["indicator", "available", "reason"],
                    [.. availability.Select(a => (IReadOnlyList<object?>)[a.Name, a.Available, a.Reason])]));
                return ExitCodes.Ok;
            }

            Output.Table(context, tables);
            if (status.Imports.Count > 0)
            {
                var last = status.Imports[^1];
                context.Output.WriteLine($"{status.Imports.Count} imports; last #{last.ImportId} of {last.Source} as of {Instants.Format(last.AsOf)}");
            }

            var available = availability.Count(a => a.Available);
            context.Output.WriteLine($"{available} of {availability.Count} indicators available.");
            foreach (var line in IndicatorAvailability.Summarise(availability))
            {
                context.Output.WriteLine(line);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Day(DateTimeOffset instant) => Instants.DayOf(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
