using Bellwether.Dashboard.Accounts;
using Bellwether.Dashboard.Deals;
using Bellwether.Dashboard.Forecasting;
using Bellwether.Dashboard.Import;
using Bellwether.Dashboard.Live;
using Bellwether.Dashboard.Pillars;
using Bellwether.Dashboard.Plans;
using Bellwether.Dashboard.Reps;
using Bellwether.Dashboard.Revenue;
using Bellwether.Dashboard.Scenarios;
using Bellwether.Dashboard.Variance;
using Bellwether.Services;
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
        services.AddSingleton<SignalReader>();
        services.AddSingleton<PillarPlans>();
        services.AddSingleton<PillarSignalCards>();
        services.AddSingleton<PillarBreakdowns>();
        services.AddSingleton<SliceDetails>();
        services.AddSingleton<RepDetails>();
        services.AddSingleton<ClientHealthReader>();
        services.AddSingleton<AccountDetails>();
        services.AddSingleton<VarianceReader>();
        services.AddSingleton<RevenueIndicators>();
        services.AddSingleton<ScenarioWorkbench>();
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
