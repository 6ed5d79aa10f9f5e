using Bellwether.Dashboard.Forecasting;
using Bellwether.Dashboard.Import;
using Bellwether.Dashboard.Live;
using Bellwether.Dashboard.Plans;
using Radzen;

namespace Bellwether.Dashboard;

/// <summary>
/// The dashboard as a feature of the web host: Blazor with interactive server rendering, Radzen's components and
/// theme, the services its pages call, and the watcher that makes open pages live.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, DashboardOptions options)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Without Radzen's services every page that uses a dialog or notification answers 500.
        services.AddRadzenComponents();
        services.AddSingleton(options);
        services.AddSingleton<DataChangeNotifier>();
        services.AddSingleton<StoreWatcher>();
        services.AddHostedService(s => s.GetRequiredService<StoreWatcher>());
        services.AddSingleton<PillarStatusService>();
        services.AddSingleton<ForecastCharts>();
        services.AddSingleton<UploadImport>();
        return services;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
