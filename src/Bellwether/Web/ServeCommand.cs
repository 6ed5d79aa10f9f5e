using System.CommandLine;
using Bellwether.Cli;

namespace Bellwether.Web;

/// <summary><c>bellwether serve [--urls URL]</c>: the REST API (and its OpenAPI document) over the store, until stopped.</summary>
public static class ServeCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => "http://localhost:5000" };
        var command = new Command("serve", "Serve the REST API (OpenAPI at /openapi/v1.json) over the store until stopped (Ctrl+C)") { urls };
        command.SetHandler(context, result =>
        {
            var store = globals.OpenExistingStore(result, context);
            var app = WebHost.Build(store, result.GetRequiredValue(urls), context.Clock);
            app.Start();
            var address = WebHost.Address(app);
            context.Error.WriteLine($"serving {store.Description} at {address} — API under {address}/api/v1, OpenAPI at {address}/openapi/v1.json; Ctrl+C stops");
            app.WaitForShutdown();
            return ExitCodes.Ok;
        });
        return command;
    }
}
