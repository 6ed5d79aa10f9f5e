using Bellwether.Cli;

// Ctrl+C asks the running command to stop (it prints one line); a second Ctrl+C ends the process at once.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};

return BellwetherCli.Run(args, new CliContext(Console.Out, Console.Error, TimeProvider.System, cancellation: interrupted.Token));
