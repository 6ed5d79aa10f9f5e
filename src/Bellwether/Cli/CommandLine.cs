using System.CommandLine;
using Bellwether.Core.Indicators;
using Bellwether.Storage;

namespace Bellwether.Cli;

/// <summary>Runs a command's body with the one error policy of the command line: a failure is one line on stderr.</summary>
public static class CommandLine
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, int> handler) =>
        command.SetAction(result =>
        {
            try
            {
                return handler(result);
            }
            catch (Exception e) when (e is UserErrorException or StoreException or ResultTooLargeException or IOException or UnauthorizedAccessException or FormatException)
            {
                context.Error.WriteLine($"bellwether: {e.Message}");
                return ExitCodes.Failed;
            }
        });
}
