using Bellwether;
using Bellwether.Cli;

// The first Ctrl+C asks work that watches for it to stop (it prints one line); otherwise, and at a second Ctrl+C, the
// process ends at once.
using var interrupted = new CancellationTokenSource();
var context = new CliContext(Console.Out, Console.Error, TimeProvider.System, cancellation: interrupted.Token);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = context.WatchesCancellation && !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};

return BellwetherCli.Run(args, context);
