using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Services;

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

    public static Option<bool> AllowRemoteOption() => new("--allow-remote")
    {
        Description = "Listen on addresses other machines can reach, although the API has no sign-in yet (anyone who reaches it can read and change the data)",
    };

    public static Option<int> TimeBudgetOption() => new("--time-budget")
    {
        Description = $"Seconds one API request or dashboard page may compute before it is stopped and answered 503 (default {ApiLimits.DefaultTimeBudget.TotalSeconds:0})",
        DefaultValueFactory = _ => (int)ApiLimits.DefaultTimeBudget.TotalSeconds,
    };

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var urls = UrlsOption();
        var allowRemote = AllowRemoteOption();
        var timeBudget = TimeBudgetOption();
        var command = new Command("serve", "Serve the dashboard and the REST API (OpenAPI at /openapi/v1.json) over the store until stopped (Ctrl+C)") { urls, allowRemote, timeBudget };
        command.SetHandler(context, result =>
        {
            var seconds = result.GetValue(timeBudget);
            if (seconds is < 1 or > 3600)
            {
                throw new UserErrorException($"--time-budget {seconds}: the time budget is 1 to 3600 seconds");
            }

            return Serve(context, globals, result, result.GetRequiredValue(urls), result.GetValue(allowRemote), TimeSpan.FromSeconds(seconds));
        });
        return command;
    }

    /// <summary>
    /// The addresses of <paramref name="urls"/> other machines could reach; refused unless <paramref name="allowRemote"/>
    /// (checked before any work, so that demo does not build a company only to refuse to serve it).
    /// </summary>
    internal static IReadOnlyList<string> CheckListen(string urls, bool allowRemote)
    {
        var remote = ListenAddresses.Remote(urls);
        if (remote.Count > 0 && !allowRemote)
        {
            throw new UserErrorException(
                $"--urls {string.Join(";", remote)} can be reached from other machines, and the API has no sign-in yet: anyone who reaches it could read and change this company's data. "
                + "Listen on 127.0.0.1 (the default), or pass --allow-remote on a network you trust");
        }

        return remote;
    }

    /// <summary>
    /// Serves the store until the process is stopped; shared by serve and demo. Each request may compute for
    /// <paramref name="timeBudget"/> (default <see cref="ApiLimits.DefaultTimeBudget"/>); the engine's work together holds at
    /// most the process's memory budget (<see cref="CliContext.MemoryBudgetVariable"/>).
    /// </summary>
    internal static int Serve(CliContext context, GlobalOptions globals, ParseResult result, string urls, bool allowRemote, TimeSpan? timeBudget = null)
    {
        var remote = CheckListen(urls, allowRemote);
        var path = globals.DbPath(result, context);
        var limits = new ApiLimits { TimeBudget = timeBudget ?? ApiLimits.DefaultTimeBudget, MemoryBytes = context.Work.Memory.Bytes };
        var app = WebHost.Build(new WebHostOptions
        {
            Store = globals.OpenExistingStore(result, context),
            Urls = urls,
            Clock = context.Clock,
            Workspace = globals.WorkspaceName(result, context),
            Limits = limits,
            Warm = true,
        });
        try
        {
            app.Start();
        }
        catch (IOException e)
        {
            throw new UserErrorException($"--urls {urls}: {e.Message.TrimEnd('.')} (another server there? --urls http://127.0.0.1:0 picks a free port)");
        }

        // Ctrl+C stops the host (and, through each request's cancellation, the work it is doing).
        using var stopping = context.Work.Cancellation.Register(() => app.Lifetime.StopApplication());
        var address = WebHost.Address(app);
        using (StoreHolder.Leave(path, StoreHolder.Current("serve", address)))
        {
            context.Output.WriteLine($"Dashboard: {address}/");
            context.Output.Flush();
            context.Error.WriteLine($"serving {path} — API under {address}/api/v1, OpenAPI at {address}/openapi/v1.json; Ctrl+C stops");
            context.Error.WriteLine($"each request may compute {limits.TimeBudget.TotalSeconds:0} s; the engine's work may hold {Core.Budget.MemoryBudget.Size(context.Work.Memory.Bytes)} of memory");
            if (remote.Count > 0)
            {
                context.Error.WriteLine($"warning: listening on {string.Join(";", remote)} without sign-in (--allow-remote): anyone who reaches it can read and change this company's data");
            }

            app.WaitForShutdown();
        }

        return ExitCodes.Ok;
    }
}
