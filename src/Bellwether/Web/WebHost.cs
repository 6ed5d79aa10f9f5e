using Bellwether.Dashboard;
using Bellwether.Indicators;
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
    public static WebApplication Build(IStore store, string urls, TimeProvider clock, string workspace = Cli.GlobalOptions.DefaultWorkspace)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            // The command line runs where the user is; the dashboard's files are beside the executable.
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls);
        // Built but not published, the dashboard's assets (ours and Radzen's) are found through the build's manifest.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var shared = new SerializedStore(store);
        builder.Services.AddSingleton(shared);
        builder.Services.AddSingleton<IStore>(shared);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(_ => new IndicatorService(shared));
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddSingleton<PlanStatusService>();
        builder.Services.ConfigureHttpJsonOptions(o => Cli.Json.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddDashboard(new DashboardOptions(workspace));
        // The dashboard's circuits do not outlive the process, so neither need the keys that protect them (none written to disk).
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Bellwether API";
            document.Info.Description = "Leading indicators, forecasts, scenarios and plans of a B2B company. Rows are the JSON the `bellwether` command line prints.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapOpenApi();
        Api.Map(app);
        PlansEndpoints.Map(app);
        app.MapSignalsEndpoints();
        app.MapExplainEndpoints();
        app.MapDigestEndpoints();
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
