using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Bellwether.Benchmarks;

/// <summary>Wall time and peak resident memory of a child process, measured by GNU time.</summary>
public sealed partial record Measured(TimeSpan Wall, long PeakBytes, int ExitCode, string Output)
{
    public static Measured Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        var peak = PeakPattern().Match(stderr);
        return new Measured(
            watch.Elapsed,
            peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) * 1024 : 0,
            process.ExitCode,
            stdout.Result + stderr);
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex PeakPattern();
}
