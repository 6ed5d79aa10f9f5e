using System.ComponentModel;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Indicators;
using Bellwether.Queries;
using Bellwether.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// Forecasts: <c>GET …/forecast</c> (the rows <c>bellwether forecast --format json</c> prints, optionally under a saved
/// scenario), <c>POST …/forecast/what-if</c> (under an unsaved one — what a dashboard slider sends) and
/// <c>GET …/backtest</c> (<c>bellwether backtest --format json</c>). Without <c>as_of</c>, as of the start of the hour,
/// whose fitted model every request of the hour shares.
/// </summary>
public static class ForecastsEndpoints
{
    public static RouteGroupBuilder MapForecastsEndpoints(this RouteGroupBuilder workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var forecasts = workspace.MapGroup("").WithTags("forecasts").RequireRateLimiting(ApiLimits.Heavy);
        forecasts.MapGet("/forecast", Forecast).WithName("forecast")
            .WithSummary("P10, P50 and P90 with their parts, as known at an instant, optionally under a saved scenario (base: none)");
        forecasts.MapPost("/forecast/what-if", WhatIf).WithName("whatIf")
            .WithSummary("The forecast under an unsaved scenario given in the body (what a dashboard slider sends)");
        forecasts.MapGet("/backtest", Backtest).WithName("backtest")
            .WithSummary("Forecasts made at earlier instants with what was known then, against what happened and beside the baselines");
        return workspace;
    }

    private static Results<Ok<IReadOnlyList<ForecastRow>>, ProblemHttpResult, ValidationProblem> Forecast(
        string workspace, [AsParameters] ForecastParameters q, WorkspaceRequests requests, ForecastService forecasts, CancellationToken cancellation) =>
        requests.Read(workspace, Now.Hour, read => Requests.Forecast(read, q.Name, q.Period, q.Grain, q.By, q.Slice, q.AsOf, q.Scenario, read.Flag(q.Distribution, "distribution")))
            .Then(request => requests.InData(workspace, request, request.Query.Filter))
            .Then(request => requests.Scenario(workspace, request.Scenario).Map(scenario => forecasts.Model(workspace, request.AsOf, cancellation).Forecast(request.Query, scenario)))
            .ToResults();

    private static Results<Ok<IReadOnlyList<ForecastRow>>, ProblemHttpResult, ValidationProblem> WhatIf(
        string workspace, [AsParameters] ForecastParameters q, [FromBody] ScenarioBody body, WorkspaceRequests requests, ForecastService forecasts, CancellationToken cancellation) =>
        requests.Read(workspace, Now.Hour, read => Requests.Forecast(read, q.Name, q.Period, q.Grain, q.By, q.Slice, q.AsOf, scenario: null, read.Flag(q.Distribution, "distribution")))
            .Then(request => requests.InData(workspace, request, request.Query.Filter))
            .Then(request => body.Read("what-if", unsaved: true).Then(scenario => requests.InData(workspace, scenario))
                .Map(scenario => forecasts.Model(workspace, request.AsOf, cancellation).Forecast(request.Query, scenario)))
            .ToResults();

    private static Results<Ok<BacktestResult>, ProblemHttpResult, ValidationProblem> Backtest(
        string workspace, [AsParameters] BacktestParameters q, WorkspaceRequests requests, IndicatorService indicators, CancellationToken cancellation) =>
        requests.Read(workspace, read => Requests.Backtest(read, q.Indicator, q.Grain, q.From, q.To, q.Offsets, q.Slice))
            .Then(request => requests.InData(workspace, request, request.Filter))
            .Map(request => Core.Forecasting.Backtesting.Backtest.Run(indicators.Data(workspace), request, cancellation: cancellation))
            .ToResults();

    /// <summary>The query parameters of a forecast, named as the command line's options.</summary>
    public readonly record struct ForecastParameters(
        [property: Description("What to forecast: bookings, expansion_bookings, won_deals, new_logos, revenue, grr, nrr, expansion_revenue, operating_margin (repeat or comma-separate).")]
        [FromQuery(Name = "name")] string[]? Name,
        [property: Description("A month (2025-03), fiscal quarter (2025-Q1) or fiscal year (2025); default: the current fiscal quarter.")]
        [FromQuery(Name = "period")] string? Period,
        [property: Description("Break the period into month, quarter or year rows.")]
        [FromQuery(Name = "grain")] string? Grain,
        [property: Description("Slice by one or two dimensions, comma-separated (rep, team, vertical, service_line, type, source, …).")]
        [FromQuery(Name = "by")] string? By,
        [property: Description("Restrict to a slice: dimension=value pairs joined by ';'; a value that does not occur is a mistake.")]
        [FromQuery(Name = "slice")] string? Slice,
        [property: Description("Forecast with only what was known at this instant (a date means the end of that day); default: the start of the current hour.")]
        [FromQuery(Name = "as_of")] string? AsOf,
        [property: Description("A saved scenario to forecast under; base (the forecast without changes) is accepted.")]
        [FromQuery(Name = "scenario")] string? Scenario,
        [property: Description("true to include the percentiles 1–99 of the simulated outcomes.")]
        [FromQuery(Name = "distribution")] string? Distribution);

    /// <summary>The query parameters of a backtest, named as the command line's options.</summary>
    public readonly record struct BacktestParameters(
        [property: Description("The forecast indicator to backtest, e.g. bookings.")]
        [FromQuery(Name = "indicator")] string? Indicator,
        [property: Description("month, quarter (default) or year.")]
        [FromQuery(Name = "grain")] string? Grain,
        [property: Description("The first period, of the grain; default: two years before the last one over.")]
        [FromQuery(Name = "from")] string? From,
        [property: Description("The last period, of the grain; default: the last one over.")]
        [FromQuery(Name = "to")] string? To,
        [property: Description("Days from each period's first instant at which forecasts are made, comma-separated; default -30,0,45.")]
        [FromQuery(Name = "offsets")] string? Offsets,
        [property: Description("Restrict to a slice, e.g. type=new_business.")]
        [FromQuery(Name = "slice")] string? Slice);
}
