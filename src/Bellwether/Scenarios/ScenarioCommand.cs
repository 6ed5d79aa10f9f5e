using System.CommandLine;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Indicators;
using Bellwether.Storage;

namespace Bellwether.Scenarios;

/// <summary>
/// <c>bellwether scenario new|list|show|compare|delete</c>: named what-if changes to the forecast's drivers, kept in the
/// store, applied to the forecast and the plans. <c>base</c> is the forecast without changes.
/// </summary>
public static class ScenarioCommand
{
    private static readonly string[] DefaultIndicators = ["bookings", "revenue", "new_logos"];

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

    /// <summary>A saved scenario by name; <c>base</c> is the forecast without changes.</summary>
    internal static Scenario Load(IStore store, string workspace, string name)
    {
        if (string.Equals(name, Scenario.Base.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Scenario.Base;
        }

        var saved = store.Scenarios(workspace);
        return saved.TryGetValue(name, out var json)
            ? ScenarioJson.Deserialize(json) with { Name = name }
            : throw new UserErrorException($"{name}: no such scenario (saved: {(saved.Count == 0 ? "none" : string.Join(", ", saved.Keys))})");
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
            if (scenarioName.Length == 0 || string.Equals(scenarioName, Scenario.Base.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"\"{scenarioName}\": a scenario needs a name other than base");
            }

            var sets = result.GetValue(set) ?? [];
            Scenario scenario;
            if (result.GetValue(file) is { } path)
            {
                if (sets.Length > 0)
                {
                    throw new UserErrorException("--file and --set: give one or the other");
                }

                try
                {
                    scenario = ScenarioJson.Deserialize(File.ReadAllText(path)) with { Name = scenarioName };
                }
                catch (JsonException e)
                {
                    throw new UserErrorException($"{path}: not a scenario: {e.Message}");
                }
            }
            else
            {
                scenario = new Scenario { Name = scenarioName, Changes = [.. sets.Select(ScenarioSet.Parse)] };
            }

            scenario = scenario with { Description = result.GetValue(description) ?? scenario.Description };
            var problems = ScenarioCheck.Problems(scenario);
            if (problems.Count > 0)
            {
                throw new UserErrorException($"scenario {scenarioName}: {string.Join("; ", problems)}");
            }

            using var store = globals.OpenExistingStore(result, context);
            store.SaveScenario(globals.WorkspaceName(result, context), scenarioName, ScenarioJson.Serialize(scenario));
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
            Describe(context, result.GetValue(globals.Format), [.. store.Scenarios(workspace).Select(kv => ScenarioJson.Deserialize(kv.Value) with { Name = kv.Key })]);
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
        var first = Load(store, workspace, firstName);
        var second = Load(store, workspace, secondName);
        var settings = store.Settings(workspace);
        var now = QueryArguments.Now(context);
        var common = QueryArguments.Parse(result.GetValue(options.Period), null, result.GetValue(options.By), result.GetValue(options.Slice), result.GetValue(options.AsOf), settings.Calendar, now);
        var indicators = (result.GetValue(options.Indicators) ?? string.Join(',', DefaultIndicators))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToList();
        foreach (var unknown in indicators.Where(n => !ForecastIndicators.Names.Contains(n)))
        {
            throw new UserErrorException($"--indicators {unknown}: not an indicator that is forecast ({string.Join(", ", ForecastIndicators.Names)})");
        }

        var query = new ForecastQuery { Indicators = indicators, Period = common.Period, By = common.By, Filter = common.Filter };
        // The plan lines of the period compared (those whose period lies within it), as they stood at the instant.
        var plans = PlanRollup.Items(new PlanBook(store.PlanChanges(workspace)).AsOf(common.AsOf), settings.Calendar, PlanScope.Within(common.Period));
        var (comparison, firstPlans, secondPlans, names) = Steps.Run(context, step =>
        {
            step("Loading the store");
            var data = store.Load(workspace, tables: IndicatorService.EngineTables);
            step("Fitting the forecast");
            var model = ForecastModel.Fit(data, common.AsOf);
            var reading = new PlanReading { Engine = new IndicatorEngine(data), AsOf = common.AsOf, Model = model };
            try
            {
                step($"Simulating {first.Name} and {second.Name}, one change at a time");
                var comparison = model.Compare(query, first, second);
                step("Plans under each");
                return (comparison, PlanEvaluation.Of(plans, reading with { Scenario = first }), PlanEvaluation.Of(plans, reading with { Scenario = second }), NameBook.Of(data));
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException(e.Message);
            }
        });

        var format = result.GetValue(globals.Format);
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new { comparison.First, comparison.Second, comparison.Differences, first_rows = comparison.FirstRows, second_rows = comparison.SecondRows, first_plans = firstPlans, second_plans = secondPlans }, Json.Options));
            return ExitCodes.Ok;
        }

        if (describe && format == OutputFormat.Table)
        {
            Describe(context, format, [second]);
            context.Output.WriteLine();
        }

        if (format == OutputFormat.Table)
        {
            ScenarioTables.Write(context, comparison, firstPlans, secondPlans, settings.Currency, names);
        }
        else
        {
            Output.Write(context, format, Differences(comparison));
        }

        return ExitCodes.Ok;
    }

    /// <summary>The comparison as CSV: raw values, one line per forecast row, a column per driver change.</summary>
    private static TableData Differences(ScenarioComparison comparison)
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

        public Option<string?> Indicators { get; } = new("--indicators") { Description = $"Comma-separated forecasts to compare (default {string.Join(",", DefaultIndicators)})" };

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
