using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Pillars;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// The Revenue indicators page's parts, each read from the same indicator rows <c>bellwether indicators</c> prints (the
/// host's engine, as of the start of the hour, as the API's default) and drawn by the part's own type.
/// </summary>
/// <remarks>
/// A part is drawn once per version of the store, choice and hour, and kept: its rows are kept by the indicator service
/// already, but laying out nine panels of reps, weeks and verticals for every visitor was most of a warm page's time
/// when several people had it open.
/// </remarks>
public sealed class RevenueIndicators(IStore store, IndicatorService indicators, TimeProvider clock, DashboardOptions options) : IDisposable
{
    private readonly MemoryCache _views = new(new MemoryCacheOptions { SizeLimit = 512 });

    public RevenueSectionView Read(RevenueSection section, RevenueChoices choices, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var versions = store.Versions(options.Workspace);
        var key = string.Join(
            "\n",
            VersionKey.Of(versions),
            section,
            choices,
            ForecastService.Now(clock).UtcTicks);
        return SharedWork.In(_views, key, stop => Draw(section, choices, stop), cancellation);
    }

    public void Dispose() => _views.Dispose();

    private RevenueSectionView Draw(RevenueSection section, RevenueChoices choices, CancellationToken cancellation)
    {
        var context = Context(choices);
        cancellation.ThrowIfCancellationRequested();
        return section switch
        {
            RevenueSection.Activity => ActivityHeatmap.Of(context),
            RevenueSection.PipelineRequired => PipelineAgainstRequired.Of(context),
            RevenueSection.PipelineBurn => PipelineAgainstBurn.Of(context),
            RevenueSection.WinRate => WinRateAndCycle.Of(context),
            RevenueSection.Leaderboard => RepLeaderboard.Of(context),
            RevenueSection.Contribution => SalesContribution.Of(context),
            RevenueSection.Verticals => VerticalTrends.Of(context),
            RevenueSection.Leads => InboundOutbound.Of(context),
            _ => ServiceLinePipeline.Of(context),
        };
    }

    private RevenueContext Context(RevenueChoices choices)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        // The settings the data was loaded with (a change of them reloads it): nine panels, one store read fewer each.
        var data = indicators.Data(workspace);
        var settings = data.Settings;
        var period = PeriodChoices.Resolve(choices.PeriodKey, settings.Calendar, asOf);
        return new RevenueContext
        {
            Data = data,
            Names = NameBook.Of(data),
            Calendar = settings.Calendar,
            Period = period,
            PeriodKey = choices.PeriodKey,
            Grain = RevenueChoices.Within(period, choices.Grain),
            Dimension = choices.Dimension,
            AsOf = asOf,
            Currency = settings.Currency,
            NewBusiness = PillarBreakdowns.NewBusinessDeals(data, period),
            Run = query => indicators.Run(workspace, query),
        };
    }
}
