using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Time;
using Bellwether.Storage;

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
            return Print(context, result.GetValue(globals.Format), store, globals.WorkspaceName(result, context));
        });
        return command;
    }

    /// <summary>Prints what a workspace holds, in the format asked for; shared by status and demo.</summary>
    internal static int Print(CliContext context, OutputFormat format, IStore store, string workspace)
    {
        var status = WorkspaceStatus.Of(store, workspace);
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(Json.Serialize(status));
                return ExitCodes.Ok;
            case OutputFormat.Csv:
                Output.Csv(context.Output, Flat(status));
                return ExitCodes.Ok;
        }

        Output.Table(context, new TableData(
            ["File", "Rows", "From", "To"],
            [.. status.Files.Select(f => (IReadOnlyList<object?>)[f.File, f.Rows, f.FirstPeriod ?? Day(f.From), f.LastPeriod ?? Day(f.To)])])
        {
            Title = $"{status.Store}, workspace {workspace}",
        });
        if (status.Imports.Count > 0)
        {
            var last = status.Imports[^1];
            context.Output.WriteLine($"{status.Imports.Count} imports; last #{last.ImportId} of {last.Source} as of {Instants.Format(last.AsOf)}");
        }

        var available = status.Indicators.Count(a => a.Available);
        context.Output.WriteLine($"{available} of {status.Indicators.Count} indicators available.");
        foreach (var line in IndicatorAvailability.Summarise(status.Indicators))
        {
            context.Output.WriteLine(line);
        }

        context.Output.WriteLine($"Memory: {status.Memory.Describe()}");

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Everything the JSON holds as one CSV, each line marked by its <c>section</c> (as indicators' CSV marks its detail
    /// lines): <c>store</c> and <c>workspace</c> (in <c>name</c>), then a <c>file</c> line per file, an <c>import</c>
    /// line per import (its id in <c>name</c>) and an <c>indicator</c> line per indicator; a line leaves the other
    /// sections' columns empty.
    /// </summary>
    private static TableData Flat(WorkspaceStatus status)
    {
        string[] columns =
        [
            "section", "name", "rows", "date_column", "from", "to", "first_period", "last_period", "available", "reason",
            "source", "preset", "as_of", "started_at", "finished_at",
        ];
        IReadOnlyList<object?> Line(string section, object? name, params (string Column, object? Value)[] values)
        {
            var line = new object?[columns.Length];
            line[0] = section;
            line[1] = name;
            foreach (var (column, value) in values)
            {
                line[Array.IndexOf(columns, column)] = value;
            }

            return line;
        }

        return new TableData(
            columns,
            [
                Line("store", status.Store),
                Line("workspace", status.Workspace),
                .. status.Files.Select(f => Line(
                    "file", f.File, ("rows", f.Rows), ("date_column", f.DateColumn), ("from", f.From), ("to", f.To), ("first_period", f.FirstPeriod), ("last_period", f.LastPeriod))),
                .. status.Imports.Select(i => Line(
                    "import", i.ImportId, ("source", i.Source), ("preset", i.Preset), ("as_of", i.AsOf), ("started_at", i.StartedAt), ("finished_at", i.FinishedAt))),
                .. status.Indicators.Select(a => Line("indicator", a.Name, ("available", a.Available), ("reason", a.Reason))),
            ]);
    }

    private static string? Day(DateTimeOffset? instant) =>
        instant is { } t ? Instants.DayOf(t).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
}
