using Bellwether.Core.Plans;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Forecasting;
using Bellwether.Dashboard.Pillars;
using Bellwether.Dashboard.Plans;
using Bellwether.Dashboard.Revenue;
using Bellwether.Dashboard.Scenarios;
using Bellwether.Dashboard.Variance;
using Bellwether.Services;

namespace Bellwether.Dashboard.Live;

/// <summary>
/// What each page of the dashboard reads when it is opened as it first shows (no choice changed), through the host's
/// own services: the list the warmer reads ahead of visitors and the page benchmark times.
/// </summary>
public static class PageReads
{
    /// <summary>The pages in the order a visitor meets them: the Overview first.</summary>
    public static IReadOnlyList<PageRead> All { get; } =
    [
        new("overview", (s, stop) => s.GetRequiredService<PillarStatusService>().Overview(stop)),
        Pillar("pillar: new business", Core.Plans.Pillar.NewBusiness),
        Pillar("pillar: retention", Core.Plans.Pillar.Retention),
        Pillar("pillar: expansion", Core.Plans.Pillar.Expansion),
        Pillar("pillar: cost model", Core.Plans.Pillar.CostModel),
        new("revenue indicators (9 sections)", (s, stop) =>
        {
            var revenue = s.GetRequiredService<RevenueIndicators>();
            foreach (var section in Enum.GetValues<RevenueSection>())
            {
                revenue.Read(section, RevenueChoices.Read(null, null, null), stop);
            }
        }),
        new("forecast", (s, stop) => s.GetRequiredService<ForecastCharts>().Picture(Grain.Quarter, stop)),
        new("variance", (s, stop) => s.GetRequiredService<VarianceReader>().Read(new VarianceChoices(null, null, null, null, null), stop)),
        new("scenarios", (s, stop) => s.GetRequiredService<ScenarioWorkbench>().Read(ScenarioDrivers.None, "quarter", stop)),
        new("status", (s, _) => s.GetRequiredService<StatusService>().Read(s.GetRequiredService<DashboardOptions>().Workspace)),
    ];

    private static PageRead Pillar(string name, Pillar pillar) => new($"{name} (plans, breakdown, signals)", (s, stop) =>
    {
        s.GetRequiredService<PillarPlans>().Read(pillar, stop);
        s.GetRequiredService<PillarBreakdowns>().Read(pillar, stop);
        s.GetRequiredService<PillarSignalCards>().Read(pillar, stop);
    });
}

/// <summary>A page's name and what it reads.</summary>
public sealed record PageRead(string Name, Action<IServiceProvider, CancellationToken> Read);
