using System.Diagnostics;
using Bellwether.Cli;

namespace Bellwether.Tests.Testing;

public sealed record CliResult(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the bellwether command line in-process, or as a real child process where a test must kill it.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(TimeProvider.System, args);

    public static CliResult Run(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // The tests' own environment must not leak in (a BELLWETHER_DB set in a developer's shell).
        var context = new CliContext(output, error, clock, _ => null, interactive: false);
        var code = BellwetherCli.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Starts `bellwether ARGS` as a child process with extra environment variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = typeof(BellwetherCli).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
