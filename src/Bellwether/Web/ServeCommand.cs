using System.CommandLine;
using Bellwether.Cli;

namespace Bellwether.Web;

/// <summary>
/// <c>bellwether serve [--urls URL]</c>: the dashboard and the REST API (with its OpenAPI document) over the store,
/// until stopped. While it serves, it holds the embedded file and leaves its address beside it (<see cref="StoreHolder"/>).
/// </summary>
public static class ServeCommand
{
    /// <summary>A fixed port on the loopback address: reachable from this machine only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static Option<string> UrlsOption() => new("--urls")
    {
        Description = $"Where to listen (default {DefaultUrls}: this machine only; port 0 picks a free port)",
        DefaultValueFactory = _ => DefaultUrls,
    };

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var urls = UrlsOption();
        var command = new Command("serve", "Serve the dashboard and the REST API (OpenAPI at /openapi/v1.json) over the store until stopped (Ctrl+C)") { urls };
        command.SetHandler(context, result => Serve(context, globals, result, result.GetRequiredValue(urls)));
        return command;
    }

    /// <summary>Serves the store until the process is stopped; shared by serve and demo.</summary>
    internal static int Serve(CliContext context, GlobalOptions globals, ParseResult result, string urls)
    {
        var path = globals.DbPath(result, context);
        var app = WebHost.Build(globals.OpenExistingStore(result, context), urls, context.Clock, globals.WorkspaceName(result, context));
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            throw new UserErrorException($"--urls {urls}: {e.Message.TrimEnd('.')} (another server there? --urls http://127.0.0.1:0 picks a free port)");
        }

        var address = WebHost.Address(app);
        using (StoreHolder.Leave(path, StoreHolder.Current("serve", address)))
        {
            context.Output.WriteLine($"Dashboard: {address}/");
            context.Output.Flush();
            context.Error.WriteLine($"serving {path} — API under {address}/api/v1, OpenAPI at {address}/openapi/v1.json; Ctrl+C stops");
            app.WaitForShutdown();
        }

        return ExitCodes.Ok;
    }
}
