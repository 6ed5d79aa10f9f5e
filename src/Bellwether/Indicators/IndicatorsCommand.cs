using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Queries;
using Bellwether.Status;
using Spectre.Console;

namespace Bellwether.Indicators;

/// <summary>
/// <c>bellwether indicators NAME... --period P [--grain G] [--by DIM[,DIM]] [--as-of T] [--target AMOUNT]</c> and
/// <c>bellwether indicators --list</c>.
/// </summary>
public static class IndicatorsCommand
{
    /// <summary>The names of the indicators are the command's arguments; the rest are options.</summary>
    private static readonly ParameterNames Names = ParameterNames.CommandLine("name");

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var names = new Argument<string[]>("name") { Description = "Indicator names (see --list)", Arity = ArgumentArity.ZeroOrMore };
        var list = new Option<bool>("--list") { Description = "List every indicator: name, unit, definition, the data it needs, and whether this store has it" };
        var period = new Option<string?>("--period") { Description = "2025-03-31, 2025-W14, 2025-03, 2025-Q1 or 2025 (fiscal); default: the current fiscal quarter" };
        var grain = new Option<string?>("--grain") { Description = "Break the period into day, week, month, quarter or year rows" };
        var by = new Option<string?>("--by") { Description = $"Slice by one or two dimensions, comma-separated: {string.Join(", ", SnakeCase.AllNames<Dimension>())}" };
        var slice = new Option<string?>("--slice") { Description = "Restrict to a slice: dimension=value pairs joined by ';' (e.g. vertical=retail;type=new_business)" };
        var asOf = new Option<string?>("--as-of") { Description = "Only what was known at this instant (a date means the end of that day); default: now" };
        var chart = new Option<string?>("--chart") { Description = "Also draw the rows as a picture (PNG) at this path" };
        var target = new Option<string?>("--target") { Description = "A bookings target for required_pipeline, pipeline_coverage, new_pipeline_needed and hiring_signal (instead of the plan's)" };
        var command = new Command("indicators", "Compute leading indicators for a period, sliced, as of any instant")
        {
            names, list, period, grain, by, slice, asOf, target, chart,
        };
        command.SetHandler(context, result =>
        {
            var format = result.GetValue(globals.Format);
            if (result.GetValue(list))
            {
                return List(context, globals, result, format);
            }

            var wanted = result.GetValue(names) ?? [];
            if (wanted.Length == 0)
            {
                throw new UserErrorException("name the indicators to compute (see `bellwether indicators --list`)");
            }

            foreach (var option in wanted.Where(n => n.StartsWith('-')))
            {
                throw new UserErrorException($"{option}: no such option (see `bellwether indicators --help`)");
            }

            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Requests.Indicators(
                new QueryReader(settings.Calendar, context.Now), wanted, result.GetValue(period), result.GetValue(grain), result.GetValue(by), result.GetValue(slice), result.GetValue(asOf), result.GetValue(target));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, Names);
            }

            var query = read.Value;
            // A one-shot command reads only the tables its indicators read: bookings at a million deals skips the
            // 20 M activities, the leads and the revenue lines.
            var tables = IndicatorService.DependenciesOf(query).ToHashSet(StringComparer.Ordinal);
            var data = store.Load(workspace, tables: tables);
            var engine = context.Engine(data);
            if (SliceValues.Check(query.Filter, engine) is { Count: > 0 } absent)
            {
                return context.Refuse(absent, Names);
            }

            var rows = engine.Run(query);
            Write(context, format, rows, NameBook.Of(data), settings.Currency);
            if (result.GetValue(chart) is { } picture)
            {
                Charts.IndicatorChart.SavePng(rows, picture);
                context.Error.WriteLine($"chart: {Path.GetFullPath(picture)}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(CliContext context, OutputFormat format, IReadOnlyList<IndicatorRow> rows, NameBook names, string currency)
    {
        switch (format)
        {
            case OutputFormat.Json:
                context.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(rows, Json.Options));
                break;
            case OutputFormat.Csv:
                context.Output.Write(IndicatorCsv.Write(rows));
                break;
            default:
                IndicatorTable.Write(context, rows, names, currency);
                break;
        }
    }

    private static int List(CliContext context, GlobalOptions globals, ParseResult result, OutputFormat format)
    {
        IReadOnlyList<IndicatorAvailability>? availability = null;
        var path = globals.DbPath(result, context);
        if (File.Exists(path))
        {
            using var store = globals.OpenExistingStore(result, context);
            availability = IndicatorAvailability.For(store.Status(globals.WorkspaceName(result, context)));
        }

        IndicatorAvailability? Of(IndicatorDefinition d) => availability?.First(x => x.Name == d.Name);
        if (format == OutputFormat.Table)
        {
            // For people, at the width every report keeps: files without their extension, and the availability
            // columns only when there is a store to say it.
            static string Files(IEnumerable<string> files) => string.Join(", ", files.Select(f => Path.GetFileNameWithoutExtension(f)));
            context.Console.Write(new Markup(Markup.Escape(availability is null ? $"No store at {path}: availability unknown." : $"Availability in {path}:") + "\n"));
            Output.Write(context, format, new TableData(
                availability is null ? ["indicator", "unit", "definition", "needs"] : ["indicator", "unit", "definition", "needs", "available"],
                [
                    .. IndicatorCatalog.All.Select(d => (IReadOnlyList<object?>)(availability is null
                        ? [d.Name, SnakeCase.Name(d.Unit), d.Definition, Files(d.Needs)]
                        : [d.Name, SnakeCase.Name(d.Unit), d.Definition, Files(d.Needs), Of(d) is { Available: true } ? "yes" : $"no: {Of(d)?.Reason}"])),
                ]));
            return ExitCodes.Ok;
        }

        var data = new TableData(
            ["Name", "Unit", "Definition", "Needs", "Also reads", "Available", "Reason"],
            [
                .. IndicatorCatalog.All.Select(d =>
                {
                    var a = Of(d);
                    return (IReadOnlyList<object?>)[d.Name, SnakeCase.Name(d.Unit), d.Definition, string.Join(" ", d.Needs), string.Join(" ", d.Reads.Except(d.Needs)), a?.Available, a?.Reason];
                }),
            ]);
        Output.Write(context, format, data);
        return ExitCodes.Ok;
    }
}
