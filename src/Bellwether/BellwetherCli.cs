using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Demo;
using Bellwether.Forecasting;
using Bellwether.Import;
using Bellwether.Indicators;
using Bellwether.Scenarios;
using Bellwether.Status;

namespace Bellwether;

/// <summary>The command line, as a table of contents: each feature adds its command.</summary>
public static class BellwetherCli
{
    public static int Run(string[] args, CliContext context)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Bellwether: leading indicators and forecasts for a B2B company's plan");
        globals.AddTo(root);
        root.Subcommands.Add(ImportCommand.Create(globals, context));
        root.Subcommands.Add(StatusCommand.Create(globals, context));
        root.Subcommands.Add(IndicatorsCommand.Create(globals, context));
        root.Subcommands.Add(Signals.SignalsCommand.Create(globals, context));
        root.Subcommands.Add(ForecastCommand.Create(globals, context));
        root.Subcommands.Add(BacktestCommand.Create(globals, context));
        root.Subcommands.Add(Export.ExportCommand.Create(globals, context));
        root.Subcommands.Add(ScenarioCommand.Create(globals, context));
        root.Subcommands.Add(Variance.ExplainCommand.Create(globals, context));
        root.Subcommands.Add(Plans.PlansCommand.Create(globals, context));
        root.Subcommands.Add(Plans.PlanCommand.Create(globals, context));
        root.Subcommands.Add(Digest.DigestCommand.Create(globals, context));
        root.Subcommands.Add(DemoCommand.Create(globals, context));
        root.Subcommands.Add(Web.ServeCommand.Create(globals, context));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && args.Length > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            // One line, not the framework's page of help: what is wrong and where to read more.
            var command = parsed.CommandResult.Command;
            var help = command == root ? "bellwether --help" : $"bellwether {command.Name} --help";
            context.Error.WriteLine($"bellwether: {parsed.Errors[0].Message} (see `{help}`)");
            return ExitCodes.Failed;
        }

        // Ctrl+C is the context's cancellation (Program.cs), not the framework's.
        return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error, ProcessTerminationTimeout = null });
    }
}
