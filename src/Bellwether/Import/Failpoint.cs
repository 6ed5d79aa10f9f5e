using Bellwether.Cli;

namespace Bellwether.Import;

/// <summary>
/// A fault injected on purpose, for tests that prove an import is atomic against a real crash: with
/// <c>BELLWETHER_FAILPOINT=crash-after:TABLE</c> the process dies abruptly right after merging that table, inside the
/// commit's transaction; with <c>hang-after:TABLE</c> it says so on stderr and waits to be killed (kill -9).
/// Unset, it does nothing.
/// </summary>
internal static class Failpoint
{
    public const string Variable = "BELLWETHER_FAILPOINT";

    public static Action<string>? AfterTable(CliContext context)
    {
        var spec = context.Environment(Variable);
        if (string.IsNullOrEmpty(spec))
        {
            return null;
        }

        var parts = spec.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new UserErrorException($"{Variable}={spec}: expected crash-after:TABLE or hang-after:TABLE");
        }

        return table =>
        {
            if (table != parts[1])
            {
                return;
            }

            if (parts[0] == "crash-after")
            {
                Environment.FailFast($"failpoint: crash after {table}");
            }

            context.Error.WriteLine($"failpoint: hanging after {table}");
            context.Error.Flush();
            Thread.Sleep(Timeout.Infinite);
        };
    }
}
