using System.CommandLine;
using Bellwether.Core.Budget;
using Bellwether.Core.Indicators;
using Bellwether.Storage;

namespace Bellwether.Cli;

/// <summary>
/// Runs a command's body with the one error policy of the command line: a failure is one line on stderr — what the user
/// can fix, or, for a bug, where its trace is logged (<see cref="ErrorLog"/>).
/// </summary>
public static class CommandLine
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, int> handler) =>
        command.SetAction(result =>
        {
            try
            {
                return handler(result);
            }
            catch (Exception e) when (e is UserErrorException or StoreException or ResultTooLargeException or WorkTooLargeException or IOException or UnauthorizedAccessException or FormatException)
            {
                context.Error.WriteLine($"bellwether: {e.Message}");
                return ExitCodes.Failed;
            }
            catch (OutOfMemoryException)
            {
                // The estimate before the load (CompanyFootprint) let it start, but the work still did not fit: not a
                // bug in what was asked, and not one to hide behind a trace.
                context.Error.WriteLine($"bellwether: ran out of memory: this process may use {MemoryBudget.Size(context.MemoryAvailable)} (the machine's memory, a container's limit or {CliContext.HeapHardLimitVariable}); run it where more memory is available, or ask for less (a shorter period, one slice)");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (context.Cancellation.IsCancellationRequested)
            {
                // Ctrl+C: the work stopped where it was; the store is only ever written in one transaction, so nothing half-done remains.
                context.Error.WriteLine("bellwether: cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception e)
            {
                // Last resort: a bug. One line for the user; the trace goes to a log the line names, never to the terminal.
                var log = ErrorLog.Default;
                var id = log.Write(e, "bellwether " + string.Join(' ', result.Tokens.Select(t => t.Value)), context.Clock.GetUtcNow());
                context.Error.WriteLine($"bellwether: unexpected error (a bug in bellwether, not in what was asked) — its trace is logged as error {id} in {log.Path}");
                return ExitCodes.Failed;
            }
        });

    /// <summary>Every mistake of a request on a <c>bellwether:</c> line of its own, options spelled as the command takes them; exit code 1.</summary>
    public static int Refuse(this CliContext context, IReadOnlyList<Queries.QueryProblem> problems, Queries.ParameterNames names)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            context.Error.WriteLine($"bellwether: {problem.Describe(names)}");
        }

        return ExitCodes.Failed;
    }
}
