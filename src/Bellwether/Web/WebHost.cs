using Bellwether.Cli;
using Bellwether.Core.Budget;
using Bellwether.Dashboard;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace Bellwether.Web;

/// <summary>
/// The web host: the dashboard and the REST API over one store. Stateless apart from caches keyed by the
/// store's table versions, so several instances can serve the same server store behind a load balancer.
/// </summary>
public static class WebHost
{
    /// <param name="store">The store to serve; the host owns and disposes it.</param>
    /// <param name="urls">Where to listen, e.g. <c>http://localhost:5000</c> (port 0 picks a free one).</param>
    /// <param name="clock">The clock "now" is read from.</param>
    /// <param name="workspace">The company the dashboard shows (the API serves every workspace).</param>
    public static WebApplication Build(IStore store, string urls, TimeProvider clock, string workspace = GlobalOptions.DefaultWorkspace) =>
        Build(new WebHostOptions { Store = store, Urls = urls, Clock = clock, Workspace = workspace });

    public static WebApplication Build(WebHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            // The command line runs where the user is; the dashboard's files are beside the executable.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        // Built but not published, the dashboard's assets (ours and Radzen's) are found through the build's manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var shared = new SerializedStore(options.Store);
        builder.Services.AddSingleton(shared);
        builder.Services.AddSingleton<IStore>(shared);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddSingleton(options.Limits);
        builder.Services.AddSingleton(options.Limits.MemoryBytes is { } bytes ? new MemoryBudget(bytes) : MemoryBudget.ForProcess());
        builder.Services.AddSingleton(_ => new IndicatorService(shared));
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddSingleton<PlanStatusService>();
        builder.Services.AddSingleton<ExplainService>();
        builder.Services.AddSingleton<StatusService>();
        builder.Services.AddSingleton<WorkspaceRequests>();
        builder.Services.AddSingleton<ExportService>();
        builder.Services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        builder.Services.AddApiErrors(options.Limits, options.ErrorLog);
        builder.Services.AddDashboard(new DashboardOptions(options.Workspace));
        if (options.Warm)
        {
            builder.Services.AddSingleton<Dashboard.Live.PageWarmer>();
            builder.Services.AddHostedService(s => s.GetRequiredService<Dashboard.Live.PageWarmer>());
        }

        // The dashboard's circuits do not outlive the process, so neither need the keys that protect them (none written to disk).
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Bellwether API";
            document.Info.Description = "Leading indicators, forecasts, scenarios, plans, explanations, signals, imports and exports of a B2B company. "
                + "Rows are the JSON the `bellwether` command line prints; query parameters are its options in snake_case. "
                + "Every mistake is an RFC 9457 problem whose `detail` is the command line's one-line message (400 lists each in `errors`); 404 names what does not exist.";
            return Task.CompletedTask;
        }));
        options.Configure?.Invoke(builder);

        var app = builder.Build();
        app.UseApiErrors();
        app.UseRateLimiter();
        app.UseTimeBudget(options.Limits.TimeBudget);
        app.UseApiReference();
        app.MapOpenApi();
        app.MapApi(options.Limits);
        app.MapDashboard();
        return app;
    }

    /// <summary>The address the host listens on once started (resolves port 0).</summary>
    public static string Address(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var server = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>();
        return addresses?.Addresses.FirstOrDefault() ?? app.Urls.First();
    }
}
