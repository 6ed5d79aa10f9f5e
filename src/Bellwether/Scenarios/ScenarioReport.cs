using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Time;
using Bellwether.Queries;

namespace Bellwether.Scenarios;

/// <summary>
/// Two scenarios side by side — what <c>scenario show</c> and <c>compare</c> print as JSON and <c>GET
/// …/scenarios/{name}/comparison</c> serves: each one's forecast rows, the difference each change makes, and the plans
/// of the period under each.
/// </summary>
public sealed record ScenarioReport(
    Scenario First,
    Scenario Second,
    IReadOnlyList<ScenarioDifference> Differences,
    IReadOnlyList<ForecastRow> FirstRows,
    IReadOnlyList<ForecastRow> SecondRows,
    IReadOnlyList<PlanStatusRow> FirstPlans,
    IReadOnlyList<PlanStatusRow> SecondPlans)
{
    /// <param name="engine">The engine over the company's data (the plans' actuals).</param>
    /// <param name="model">The forecaster fitted at the request's instant.</param>
    /// <param name="plans">The plan log (the plans compared are those within the period, as they stood at the instant).</param>
    /// <param name="calendar">The company's fiscal calendar.</param>
    /// <param name="request">What is compared.</param>
    /// <param name="first">The first scenario (often base).</param>
    /// <param name="second">The second.</param>
    public static ScenarioReport Compare(
        IndicatorEngine engine, ForecastModel model, IReadOnlyList<PlanChange> plans, FiscalCalendar calendar, ComparisonRequest request, Scenario first, Scenario second)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        var items = PlanRollup.Items(new PlanBook(plans).AsOf(request.AsOf), calendar, PlanScope.Within(request.Query.Period));
        var reading = new PlanReading { Engine = engine, AsOf = request.AsOf, Model = model };
        var comparison = model.Compare(request.Query, first, second);
        return new ScenarioReport(
            comparison.First,
            comparison.Second,
            comparison.Differences,
            comparison.FirstRows,
            comparison.SecondRows,
            PlanEvaluation.Of(items, reading with { Scenario = first }),
            PlanEvaluation.Of(items, reading with { Scenario = second }));
    }
}
