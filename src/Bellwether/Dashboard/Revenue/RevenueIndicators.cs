using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Pillars;
using Bellwether.Indicators;
using Bellwether.Web;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// The Revenue indicators page's parts, each read from the same indicator rows <c>bellwether indicators</c> prints (the
/// host's engine, as of the start of the hour, as the API's default) and drawn by the part's own type.
/// </summary>
public sealed class RevenueIndicators(IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    public RevenueSectionView Read(RevenueSection section, RevenueChoices choices, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(choices);
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
