using Bellwether.Cli;

return BellwetherCli.Run(args, new CliContext(Console.Out, Console.Error, TimeProvider.System));
