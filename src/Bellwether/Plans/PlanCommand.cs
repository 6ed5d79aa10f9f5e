using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Plans;
using Bellwether.Core.Time;

namespace Bellwether.Plans;

/// <summary>
/// <c>bellwether plan set|list|remove</c>: plans edited by hand, every change kept in the store's plan log (who, when,
/// before, after), so that the plans and their status as they stood at any instant can be read back.
/// </summary>
public static class PlanCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var command = new Command("plan", "Set, list or remove the pillars' plans; every change is kept (who, when, before, after)");
        command.Subcommands.Add(Set(globals, context));
        command.Subcommands.Add(List(globals, context));
        command.Subcommands.Add(Remove(globals, context));
        return command;
    }

    private static Command Set(GlobalOptions globals, CliContext context)
    {
        var key = new KeyOptions();
        var target = new Option<string?>("--target") { Description = "The target in the metric's unit: money in the company's currency (1250000), a ratio as a fraction (0.45) or a percentage (45%)" };
        var owner = new Option<string?>("--owner") { Description = "The person accountable, e.g. President, COO, CFO or a name" };
        var by = new Option<string?>("--by") { Description = "Who makes the change, for the log (default $USER, else cli)" };
        var command = new Command("set", "Add a plan, or change the target and owner of the plan with the same pillar, metric, period and slice") { target, owner, by };
        key.AddTo(command);
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var plan = Queries.PlanEdits.Plan(key.Fields(result) with { Target = result.GetValue(target), Owner = result.GetValue(owner) }, settings.Calendar);
            if (!plan.Ok)
            {
                return context.Refuse(plan.Problems, Queries.ParameterNames.CommandLine());
            }

            var change = store.SetPlan(workspace, plan.Value, Author(context, result.GetValue(by)));
            Report(context, result.GetValue(globals.Format), change, change is null ? $"unchanged: {PlanKey.Of(plan.Value)} already has that target and owner" : null, settings.Currency);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(GlobalOptions globals, CliContext context)
    {
        var key = new KeyOptions();
        var by = new Option<string?>("--by") { Description = "Who makes the change, for the log (default $USER, else cli)" };
        var command = new Command("remove", "Remove a plan (the log keeps what it was)") { by };
        key.AddTo(command);
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Queries.PlanEdits.Key(key.Fields(result), settings.Calendar);
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, Queries.ParameterNames.CommandLine());
            }

            var planKey = read.Value;

            var change = store.RemovePlan(workspace, planKey, Author(context, result.GetValue(by)))
                ?? throw new UserErrorException($"no plan {planKey} to remove (`bellwether plan list` lists them)");
            Report(context, result.GetValue(globals.Format), change, null, settings.Currency);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliContext context)
    {
        var asOf = new Option<string?>("--as-of") { Description = "The plans as they stood at this instant (a date means the end of that day); default: now" };
        var history = new Option<bool>("--history") { Description = "The change log instead: who, when, what, before → after" };
        var command = new Command("list", "The plans as they stand (or stood at --as-of), or with --history every change") { asOf, history };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            // Without --as-of: the plans as they stand, every change included (even one made this very second).
            var read = Queries.Requests.PlanInstant(new Queries.QueryReader(settings.Calendar, context.Now), result.GetValue(asOf));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, Queries.ParameterNames.CommandLine());
            }

            var instant = read.Value;

            var book = new PlanBook(store.PlanChanges(workspace));
            var format = result.GetValue(globals.Format);
            if (result.GetValue(history))
            {
                var changes = instant is { } t ? book.ChangesAsOf(t) : book.Changes;
                Output.Write(context, format, PlanLogTable.Changes(changes, settings.Currency, format == OutputFormat.Table), changes);
            }
            else
            {
                var plans = PlanLogTable.Ordered(instant is { } t ? book.AsOf(t) : book.Current(), settings.Calendar);
                var title = instant is { } at ? $"Plans as of {Instants.Format(at)}" : "Plans as they stand";
                Output.Write(context, format, PlanLogTable.Plans(plans, settings.Currency, format == OutputFormat.Table) with { Title = title }, plans);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static PlanAuthor Author(CliContext context, string? by)
    {
        var name = !string.IsNullOrWhiteSpace(by) ? by.Trim() : context.Environment("USER") is { Length: > 0 } user ? user : "cli";
        return new PlanAuthor { Name = name, Source = PlanChangeSource.Cli };
    }

    private static void Report(CliContext context, OutputFormat format, PlanChange? change, string? unchanged, string currency)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(Json.Serialize(change));
            return;
        }

        if (change is null)
        {
            context.Output.WriteLine(unchanged);
            return;
        }

        Output.Write(context, format, PlanLogTable.Changes([change], currency, format == OutputFormat.Table));
    }

    /// <summary>The options that name a plan: pillar, metric, period and slice.</summary>
    private sealed class KeyOptions
    {
        public Option<string?> Pillar { get; } = new("--pillar") { Description = "new_business, retention, expansion or cost_model" };

        public Option<string?> Metric { get; } = new("--metric") { Description = "An indicator's name, e.g. bookings, grr, expansion_revenue, operating_margin" };

        public Option<string?> Period { get; } = new("--period") { Description = "A month (2026-03), fiscal quarter (2026-Q1) or fiscal year (2026)" };

        public Option<string?> Slice { get; } = new("--slice") { Description = "Part of the company: dimension=value pairs joined by ';' (e.g. vertical=finance;type=new_business); default: the whole company" };

        public void AddTo(Command command)
        {
            command.Options.Add(Pillar);
            command.Options.Add(Metric);
            command.Options.Add(Period);
            command.Options.Add(Slice);
        }

        public PlanFields Fields(ParseResult result) => new()
        {
            Pillar = result.GetValue(Pillar),
            Metric = result.GetValue(Metric),
            Period = result.GetValue(Period),
            Slice = result.GetValue(Slice),
        };
    }
}
