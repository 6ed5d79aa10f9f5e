using System.CommandLine;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Queries;

namespace Bellwether.Scenarios;

/// <summary>
/// <c>bellwether scenario new|list|show|compare|delete</c>: named what-if changes to the forecast's drivers, kept in the
/// store, applied to the forecast and the plans. <c>base</c> is the forecast without changes.
/// </summary>
public static class ScenarioCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var command = new Command("scenario", "What-if scenarios: change a driver (win rate, deal size, cycle, pipeline, inbound leads, activity, reps, quota, churn, expenses) and see the forecast and the plans move");
        command.Subcommands.Add(New(globals, context));
        command.Subcommands.Add(List(globals, context));
        command.Subcommands.Add(Show(globals, context));
        command.Subcommands.Add(Compare(globals, context));
        command.Subcommands.Add(Delete(globals, context));
        return command;
    }

    private static Command New(GlobalOptions globals, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The scenario's name" };
        var set = new Option<string[]>("--set")
        {
            Description = "A driver change, repeatable: win_rate=+10%, win_rate[vertical=finance]=+5pt, deal_size=-5%, cycle_length=+20%, new_pipeline=+15% from DATE to DATE, "
                + "inbound_leads=-40% from DATE to DATE, activity=+20%, add_reps=3 from DATE [role ae] [team T] [ramp 3], remove_rep=ID from DATE, quota_lift[=50%], churn=+25%, expense[marketing]=+10% | 20000/month",
            AllowMultipleArgumentsPerToken = false,
        };
        var file = new Option<string?>("--file") { Description = "Read the changes from a scenario JSON file instead" };
        var description = new Option<string?>("--description") { Description = "What the scenario is about" };
        var command = new Command("new", "Save a named scenario (replacing one of the same name)") { name, set, file, description };
        command.SetHandler(context, result =>
        {
            var scenarioName = result.GetRequiredValue(name).Trim();
            var sets = result.GetValue(set) ?? [];
            string? json = null;
            if (result.GetValue(file) is { } path)
            {
                if (sets.Length > 0)
                {
                    throw new UserErrorException("--file and --set: give one or the other");
                }

                json = File.ReadAllText(path);
            }

            var read = ScenarioInput.Read(scenarioName, result.GetValue(description), sets, json);
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, ParameterNames.CommandLine("name"));
            }

            var scenario = read.Value;
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            if (scenario.Changes.Count > 0
                && ScenarioValues.Check(scenario, new IndicatorEngine(store.Load(workspace, tables: IndicatorService.EngineTables))) is { Count: > 0 } absent)
            {
                return context.Refuse(absent, ParameterNames.CommandLine("name"));
            }

            store.SaveScenario(workspace, scenarioName, ScenarioJson.Serialize(scenario));
            Describe(context, result.GetValue(globals.Format), [scenario]);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliContext context)
    {
        var command = new Command("list", "List the saved scenarios");
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            Describe(context, result.GetValue(globals.Format), ScenarioBook.All(store, workspace));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The scenario's name" };
        var command = new Command("delete", "Delete a saved scenario") { name };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var scenarioName = result.GetRequiredValue(name);
            if (!store.DeleteScenario(globals.WorkspaceName(result, context), scenarioName))
            {
                throw new UserErrorException($"{scenarioName}: no such scenario");
            }

            context.Error.WriteLine($"deleted scenario {scenarioName}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The scenario's name" };
        var options = new ComparisonOptions();
        var command = new Command("show", "A scenario's changes, its forecast beside the base forecast, and the plans under it") { name };
        options.AddTo(command);
        command.SetHandler(context, result => Run(globals, context, result, options, Scenario.Base.Name, result.GetRequiredValue(name), describe: true));
        return command;
    }

    private static Command Compare(GlobalOptions globals, CliContext context)
    {
        var first = new Argument<string>("first") { Description = "A scenario's name, or base" };
        var second = new Argument<string>("second") { Description = "A scenario's name, or base" };
        var options = new ComparisonOptions();
        var command = new Command("compare", "Two scenarios side by side: forecast, plan status, and the difference each driver makes") { first, second };
        options.AddTo(command);
        command.SetHandler(context, result => Run(globals, context, result, options, result.GetRequiredValue(first), result.GetRequiredValue(second), describe: false));
        return command;
    }

    private static int Run(GlobalOptions globals, CliContext context, ParseResult result, ComparisonOptions options, string firstName, string secondName, bool describe)
    {
        using var store = globals.OpenExistingStore(result, context);
        var workspace = globals.WorkspaceName(result, context);
        var settings = store.Settings(workspace);
        var names = ParameterNames.CommandLine("name", "with");
        var read = Requests.Comparison(
            new QueryReader(settings.Calendar, context.Now), firstName, secondName, result.GetValue(options.Indicators), result.GetValue(options.Period), result.GetValue(options.By),
            result.GetValue(options.Slice), result.GetValue(options.AsOf), firstParameter: "with", secondParameter: "name");
        var scenarios = read.Then(r => ScenarioBook.Find(store, workspace, r.First, "with").Then(first => ScenarioBook.Find(store, workspace, r.Second, "name").Map(second => (First: first, Second: second))));
        if (!scenarios.Ok)
        {
            return context.Refuse(scenarios.Problems, names);
        }

        var request = read.Value!;
        var (first, second) = scenarios.Value;
        var report = Steps.Run(context, step =>
        {
            step("Loading the store");
            var data = store.Load(workspace, tables: IndicatorService.EngineTables);
            var engine = context.Engine(data);
            if (SliceValues.Check(request.Query.Filter, engine).Concat(ScenarioValues.Check(first, engine, "with")).Concat(ScenarioValues.Check(second, engine, "name")).ToList() is { Count: > 0 } absent)
            {
                return Checked.Invalid<(ScenarioReport Report, NameBook Names)>(absent);
            }

            step("Fitting the forecast");
            var model = context.Fit(data, request.AsOf);
            step($"Simulating {first.Name} and {second.Name}, one change at a time, and the plans under each");
            return Checked.Valid<(ScenarioReport Report, NameBook Names)>((ScenarioReport.Compare(engine, model, store.PlanChanges(workspace), settings.Calendar, request, first, second), NameBook.Of(data)));
        });
        if (!report.Ok)
        {
            return context.Refuse(report.Problems, names);
        }

        var compared = report.Value.Report;
        var format = result.GetValue(globals.Format);
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(compared, Json.Options));
            return ExitCodes.Ok;
        }

        if (describe && format == OutputFormat.Table)
        {
            Describe(context, format, [second]);
            context.Output.WriteLine();
        }

        if (format == OutputFormat.Table)
        {
            ScenarioTables.Write(context, compared, settings.Currency, report.Value.Names);
            WriteIdle(context, [.. first.Changes, .. second.Changes], request.Query.Period, settings.Calendar);
        }
        else
        {
            Output.Write(context, format, Differences(compared));
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Changes that do not act within the period compared — hires from next year beside this quarter's forecast — said
    /// plainly, with a period they act in: otherwise their zeros read as a model that ignores them.
    /// </summary>
    private static void WriteIdle(CliContext context, IReadOnlyList<DriverChange> changes, Period period, FiscalCalendar calendar)
    {
        foreach (var change in changes.Where(c => !c.ActsWithin(period.Start, period.End)).Distinct())
        {
            var why = change.FirstDay is { } from && from >= period.End
                ? $"it starts {from:yyyy-MM-dd}, in {calendar.Containing(from, Grain.Quarter).Label}: --period {calendar.Containing(from, Grain.Quarter).Label}"
                : $"it ends {change.To:yyyy-MM-dd}, before {period.Label} starts";
            context.Output.WriteLine($"{change.Describe()} does not act within {period.Label}: nothing of it shows here ({why})");
        }
    }

    /// <summary>The comparison as CSV: raw values, one line per forecast row, a column per driver change.</summary>
    private static TableData Differences(ScenarioReport comparison)
    {
        var drivers = comparison.Differences.SelectMany(d => d.ByDriver).Select(e => e.Change).Distinct().ToList();
        return new TableData(
            ["indicator", "period", "slice", $"{comparison.First.Name} p50", $"{comparison.Second.Name} p50", "p50 change", "mean change", .. drivers.Select(d => $"by: {d}")],
            [
                .. comparison.Differences.Select(d => (IReadOnlyList<object?>)
                [
                    d.Indicator, d.Period, SliceText.Format(d.Slice), d.FirstP50, d.SecondP50, d.P50Change, d.MeanChange,
                    .. drivers.Select(driver => (object?)d.ByDriver.FirstOrDefault(e => e.Change == driver)?.MeanChange),
                ]),
            ]);
    }

    private static void Describe(CliContext context, OutputFormat format, IReadOnlyList<Scenario> scenarios)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine("[" + string.Join(",", scenarios.Select(ScenarioJson.Serialize)) + "]");
            return;
        }

        Output.Write(context, format, new TableData(
            ["scenario", "change", "description"],
            [.. scenarios.SelectMany(s => s.Changes.Count == 0
                ? [(IReadOnlyList<object?>)[s.Name, "(no changes)", s.Description]]
                : s.Changes.Select(c => (IReadOnlyList<object?>)[s.Name, c.Describe(), s.Description]))]));
    }

    /// <summary>The options show and compare share.</summary>
    private sealed class ComparisonOptions
    {
        public Option<string?> Period { get; } = new("--period") { Description = "A month, fiscal quarter or fiscal year; default: the current fiscal quarter" };

        public Option<string?> Indicators { get; } = new("--indicators") { Description = $"Comma-separated forecasts to compare (default {string.Join(",", Requests.ComparedByDefault)})" };

        public Option<string?> By { get; } = new("--by") { Description = "Slice by one or two dimensions" };

        public Option<string?> Slice { get; } = new("--slice") { Description = "Restrict to a slice: dimension=value pairs joined by ';'" };

        public Option<string?> AsOf { get; } = new("--as-of") { Description = "Forecast as of this instant; default: now" };

        public void AddTo(Command command)
        {
            command.Options.Add(Period);
            command.Options.Add(Indicators);
            command.Options.Add(By);
            command.Options.Add(Slice);
            command.Options.Add(AsOf);
        }
    }
}
