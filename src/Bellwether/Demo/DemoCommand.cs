using System.CommandLine;
using System.Text;
using Bellwether.Cli;
using Bellwether.Core.Demo;
using Bellwether.Core.Import;
using Bellwether.Core.Time;
using Bellwether.Import;
using Bellwether.Status;
using Spectre.Console;

namespace Bellwether.Demo;

/// <summary>
/// <c>bellwether demo</c>: simulates a realistic B2B services company and imports it into the store (or, with
/// <c>--out</c>, writes its folder). The same options give the same company.
/// </summary>
public static class DemoCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var seed = new Option<ulong>("--seed") { Description = "Which company: the same seed gives the same company", DefaultValueFactory = _ => 1 };
        var scale = new Option<int>("--scale") { Description = "Multiply the company: reps and all they produce (100 ≈ 1,000,000 deals and 20,000,000 activities)", DefaultValueFactory = _ => 1 };
        var years = new Option<int>("--years") { Description = "Years of history", DefaultValueFactory = _ => 3 };
        var historyEnd = new Option<string?>("--history-end") { Description = "The last day of history (default: yesterday, so the demo's today is today)" };
        var fiscalStart = new Option<int>("--fiscal-year-start") { Description = "The fiscal year's first month, 1–12", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Write the company's folder (the folder format) here instead of importing it" };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the import instead of serving the dashboard" };
        var urls = Web.ServeCommand.UrlsOption();
        var allowRemote = Web.ServeCommand.AllowRemoteOption();
        var command = new Command("demo", "Build a realistic demo company into the store, show what it holds, and serve the dashboard over it")
        {
            seed, scale, years, historyEnd, fiscalStart, output, noServe, urls, allowRemote,
        };
        command.SetHandler(context, result =>
        {
            var end = result.GetValue(historyEnd) is { } text
                ? IsoDate.TryParseDate(text, out var day) ? day : throw new UserErrorException($"--history-end {text}: not a date (expected 2025-03-31)")
                : Instants.DayOf(context.Clock.GetUtcNow()).AddDays(-1);
            var options = new DemoOptions
            {
                Seed = result.GetValue(seed),
                Scale = result.GetValue(scale),
                Years = result.GetValue(years),
                HistoryEnd = end,
                FiscalYearFirstMonth = result.GetValue(fiscalStart),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new UserErrorException($"--{e.ParamName?.ToLowerInvariant()}: {e.Message.Split(" (Parameter", 2)[0]}");
            }

            if (result.GetValue(output) is { } folder)
            {
                return WriteFolder(context, result.GetValue(globals.Format), options, folder);
            }

            // Refuse a file another process holds, or an address it must not serve on, before simulating, not after.
            globals.ThrowIfHeld(result, context);
            if (!result.GetValue(noServe))
            {
                Web.ServeCommand.CheckListen(result.GetRequiredValue(urls), result.GetValue(allowRemote));
            }

            var code = ImportDemo(context, globals, result, options, serves: !result.GetValue(noServe));
            return code != ExitCodes.Ok || result.GetValue(noServe) ? code : Web.ServeCommand.Serve(context, globals, result, result.GetRequiredValue(urls), result.GetValue(allowRemote));
        });
        return command;
    }

    private static int WriteFolder(CliContext context, OutputFormat format, DemoOptions options, string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new UserErrorException($"--out {folder}: the folder is not empty");
        }

        Directory.CreateDirectory(folder);
        var summary = Generate(context, options, folder);
        Output.Write(context, format, new TableData(["File", "Rows"], [.. summary.Rows.Select(kv => (IReadOnlyList<object?>)[kv.Key, kv.Value])])
        {
            Title = $"Demo company (seed {options.Seed}, scale {options.Scale}) in {Path.GetFullPath(folder)}, history {options.HistoryStart:yyyy-MM-dd} to {options.HistoryEnd:yyyy-MM-dd}",
        });
        return ExitCodes.Ok;
    }

    private static int ImportDemo(CliContext context, GlobalOptions globals, ParseResult result, DemoOptions options, bool serves)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bellwether-demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            Generate(context, options, folder);
            var workspace = globals.WorkspaceName(result, context);
            using (var store = globals.OpenStore(result, context))
            {
                store.SaveSettings(workspace, store.Settings(workspace) with { Calendar = options.Calendar });
            }

            var source = FolderSource.Open(folder);
            var importOptions = new ImportOptions { StartedAt = context.Clock.GetUtcNow(), AsOf = options.Now };
            var code = ImportCommand.Run(context, globals, result, source with { Description = $"demo company (seed {options.Seed}, scale {options.Scale}, history to {options.HistoryEnd:yyyy-MM-dd})" }, importOptions, reportFolder: null, importedFolder: null);
            if (code != ExitCodes.Ok)
            {
                return code;
            }

            var format = result.GetValue(globals.Format);
            if (format == OutputFormat.Table)
            {
                using var store = globals.OpenExistingStore(result, context);
                context.Output.WriteLine();
                StatusCommand.Print(context, format, store, workspace);
                context.Output.WriteLine();
                context.Output.WriteLine($"The demo company is in {globals.DbPath(result, context)} (workspace {workspace}); its today is {options.Now:yyyy-MM-dd}.");
                var db = globals.DbPath(result, context) == Storage.DuckDb.DuckDbStore.DefaultPath ? "" : $" --db {globals.DbPath(result, context)}";
                var commands = $"bellwether indicators win_rate --by vertical{db} · bellwether forecast bookings revenue{db} · bellwether export pack.xlsx{db}";

                // The server holds the file while it runs (DuckDB lets one process open it): commands on it wait for Ctrl+C.
                context.Output.WriteLine(serves
                    ? $"Once the dashboard is stopped (Ctrl+C), the same figures from the command line: {commands} · bellwether serve{db} (the dashboard, again)"
                    : $"Also: {commands} · bellwether serve{db} (the dashboard)");
            }

            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DemoSummary Generate(CliContext context, DemoOptions options, string folder)
    {
        Func<string, TextWriter> open = name => new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16);
        if (!context.Interactive)
        {
            return DemoCompany.Generate(options, open);
        }

        return context.ErrorConsole.Status().Start(
            $"Simulating {options.Years} years of a demo company (seed {options.Seed}, scale {options.Scale})…",
            _ => DemoCompany.Generate(options, open));
    }
}
