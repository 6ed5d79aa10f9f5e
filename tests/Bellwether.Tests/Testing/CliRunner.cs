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

    /// <summary>Runs in-process as <see cref="Run(string[])"/> does, with these environment variables and no others.</summary>
    public static CliResult RunWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, TimeProvider.System, environment.GetValueOrDefault, interactive: false);
        var code = BellwetherCli.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs `bellwether ARGS` to its end as a child process in a working directory of its own (which an in-process run
    /// cannot have without moving every test's), with the environment of the tests minus bellwether's own variables,
    /// plus <paramref name="environment"/>.
    /// </summary>
    public static CliResult RunInFolder(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var child = StartProcess(environment, workingDirectory, args);
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        if (!child.WaitForExit(120_000))
        {
            child.Kill();
            throw new TimeoutException($"bellwether {string.Join(' ', args)} did not finish in two minutes");
        }

        return new CliResult(child.ExitCode, output.Result, error.Result);
    }

    /// <summary>Starts `bellwether ARGS` as a child process with extra environment variables.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) => StartProcess(environment, null, args);

    private static Process StartProcess(IReadOnlyDictionary<string, string> environment, string? workingDirectory, string[] args)
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

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
            // A BELLWETHER_DB or BELLWETHER_WORKSPACE set in a developer's shell must not choose the store of a test
            // that depends on the working directory.
            start.Environment.Remove(GlobalOptions.DbVariable);
            start.Environment.Remove(GlobalOptions.WorkspaceVariable);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
