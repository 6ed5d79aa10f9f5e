using System.CommandLine;
using Bellwether.Import;
using Bellwether.Status;

namespace Bellwether.Cli;

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
        var parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}
