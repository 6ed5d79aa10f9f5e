using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Status;
using Bellwether.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Bellwether.Web;

/// <summary>
/// The REST API, version 1: the same rows the command line prints as JSON, from the same in-process engine and
/// forecaster. Query parameters mirror the CLI's options (<c>period</c>, <c>grain</c>, <c>by</c>, <c>slice</c>,
/// <c>as_of</c>, <c>target</c>); every mistake is a 400 problem whose detail is the CLI's one-line message.
/// </summary>
public static class Api
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", () => TypedResults.Text("ok")).WithSummary("Liveness for load balancers").ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithTags("bellwether");
        api.MapGet("/indicators", () => TypedResults.Ok(IndicatorCatalog.All.Select(d => new CatalogEntry(d.Name, SnakeName(d.Unit), d.Definition, d.Needs, d.Reads, d.LowerIsBetter))))
            .WithName("catalog").WithSummary("Every indicator: name, unit, definition and the files it needs");
        api.MapGet("/forecasts", () => TypedResults.Ok(ForecastIndicators.Names.Select(n => new ForecastEntry(n, ForecastIndicators.UnitOf(n)))))
            .WithName("forecastCatalog").WithSummary("The indicators that are forecast, with their units");

        var workspace = api.MapGroup("/workspaces/{workspace}");
        workspace.MapGet("/status", Status).WithName("status").WithSummary("What the workspace holds per file and date range, and which indicators are available");
        workspace.MapGet("/indicators", Indicators).WithName("indicators").WithSummary("Indicator rows for a period, sliced and as of an instant");
        workspace.MapGet("/forecast", Forecast).WithName("forecast").WithSummary("P10, P50 and P90 with their parts, as known at an instant, optionally under a saved scenario");
        workspace.MapPost("/forecast/what-if", WhatIf).WithName("whatIf").WithSummary("The forecast under an unsaved scenario in the body (what a dashboard slider sends)");
        workspace.MapGet("/scenarios", ListScenarios).WithName("scenarios").WithSummary("The saved scenarios");
        workspace.MapGet("/scenarios/{name}", GetScenario).WithName("scenario").WithSummary("One saved scenario");
        workspace.MapPut("/scenarios/{name}", PutScenario).WithName("saveScenario").WithSummary("Saves a scenario (replacing one of the same name)");
        workspace.MapDelete("/scenarios/{name}", DeleteScenario).WithName("deleteScenario").WithSummary("Deletes a saved scenario");
    }

    private static IResult Status(string workspace, IStore store) => Guard(store, workspace, () => TypedResults.Ok(WorkspaceStatus.Of(store, workspace)));

    private static IResult Indicators(string workspace, [AsParameters] QueryParameters q, [FromQuery] decimal? target, IStore store, IndicatorService indicators, TimeProvider clock) =>
        Guard(store, workspace, () =>
        {
            var names = Names(q.Name, IndicatorCatalog.Names, "indicator");
            var query = QueryArguments.Parse(q.Period, q.Grain, q.By, q.Slice, q.AsOf, store.Settings(workspace).Calendar, SecondOf(clock));
            return TypedResults.Ok(indicators.Run(workspace, new IndicatorQuery
            {
                Indicators = names,
                Period = query.Period,
                Grain = query.Grain,
                By = query.By,
                Filter = query.Filter,
                AsOf = query.AsOf,
                Target = target,
            }));
        });

    private static IResult Forecast(string workspace, [AsParameters] QueryParameters q, [FromQuery] string? scenario, IStore store, ForecastService forecasts, TimeProvider clock) =>
        Guard(store, workspace, () =>
        {
            var (model, query) = ForecastQueryOf(workspace, q, store, forecasts, clock);
            return TypedResults.Ok(model.Forecast(query, scenario is null ? null : Saved(store, workspace, scenario)));
        });

    private static IResult WhatIf(string workspace, [FromBody] ScenarioBody body, [AsParameters] QueryParameters q, IStore store, ForecastService forecasts, TimeProvider clock) =>
        Guard(store, workspace, () =>
        {
            var (model, query) = ForecastQueryOf(workspace, q, store, forecasts, clock);
            return TypedResults.Ok(model.Forecast(query, body.ToScenario("what-if")));
        });

    private static IResult ListScenarios(string workspace, IStore store) => Guard(store, workspace, () =>
        TypedResults.Ok(store.Scenarios(workspace).Select(kv => ScenarioJson.Deserialize(kv.Value) with { Name = kv.Key })));

    private static IResult GetScenario(string workspace, string name, IStore store) => Guard(store, workspace, () =>
        TypedResults.Ok(Saved(store, workspace, name)));

    private static IResult PutScenario(string workspace, string name, ScenarioBody body, IStore store) => Guard(store, workspace, () =>
    {
        var scenario = body.ToScenario(name);
        var problems = ScenarioCheck.Problems(scenario);
        if (problems.Count > 0)
        {
            throw new UserErrorException(string.Join("; ", problems));
        }

        store.SaveScenario(workspace, name, ScenarioJson.Serialize(scenario));
        return TypedResults.Ok(scenario);
    });

    private static IResult DeleteScenario(string workspace, string name, IStore store) => Guard(store, workspace, () =>
        store.DeleteScenario(workspace, name) ? TypedResults.NoContent() : NotFound($"{name}: no such scenario"));

    private static (ForecastModel Model, ForecastQuery Query) ForecastQueryOf(string workspace, QueryParameters q, IStore store, ForecastService forecasts, TimeProvider clock)
    {
        var names = Names(q.Name, ForecastIndicators.Names, "forecast");
        var instant = Instant(q.AsOf, clock);
        var query = QueryArguments.Parse(q.Period, q.Grain, q.By, q.Slice, Instants.Format(instant), store.Settings(workspace).Calendar, instant);
        if (query.Period.Grain < Grain.Month || query.Grain < Grain.Month)
        {
            throw new UserErrorException("period/grain: forecasts are made for months, fiscal quarters and fiscal years");
        }

        var model = forecasts.Model(workspace, instant);
        return (model, new ForecastQuery { Indicators = names, Period = query.Period, Grain = query.Grain, By = query.By, Filter = query.Filter });
    }

    /// <summary>An explicit instant as given, or "now" to the hour (so fitted models can be shared).</summary>
    private static DateTimeOffset Instant(string? asOf, TimeProvider clock)
    {
        if (asOf is null)
        {
            return ForecastService.Now(clock);
        }

        return Instants.TryParseAsOf(asOf, out var instant)
            ? instant
            : throw new UserErrorException($"as_of {asOf}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)");
    }

    private static DateTimeOffset SecondOf(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static List<string> Names(string[]? given, IReadOnlyList<string> known, string what)
    {
        var names = (given ?? []).SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(n => n.ToLowerInvariant()).ToList();
        if (names.Count == 0)
        {
            throw new UserErrorException($"name: say which {what}s (name=bookings&name=win_rate, or name=bookings,win_rate)");
        }

        var unknown = names.FirstOrDefault(n => !known.Contains(n));
        return unknown is null ? names : throw new UserErrorException($"{unknown}: not a known {what} (known: {string.Join(", ", known)})");
    }

    private static Scenario Saved(IStore store, string workspace, string name) =>
        store.Scenarios(workspace).TryGetValue(name, out var json)
            ? ScenarioJson.Deserialize(json) with { Name = name }
            : throw new NotFoundException($"{name}: no such scenario");

    /// <summary>Runs a handler for an existing workspace, turning the user's mistakes into problems (RFC 9457).</summary>
    private static IResult Guard(IStore store, string workspace, Func<IResult> handler)
    {
        try
        {
            return store.Versions(workspace).Count == 0 ? NotFound($"{workspace}: no such workspace (nothing imported)") : handler();
        }
        catch (UserErrorException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad request");
        }
        catch (NotFoundException e)
        {
            return NotFound(e.Message);
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "bad request");
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "not found");

    private static string SnakeName(Unit unit) => Core.Text.SnakeCase.Name(unit);

    private sealed class NotFoundException(string message) : Exception(message);

    /// <summary>The query parameters indicators and forecasts share, named as the CLI's options.</summary>
    public readonly record struct QueryParameters(
        [FromQuery(Name = "name")] string[]? Name,
        [FromQuery(Name = "period")] string? Period,
        [FromQuery(Name = "grain")] string? Grain,
        [FromQuery(Name = "by")] string? By,
        [FromQuery(Name = "slice")] string? Slice,
        [FromQuery(Name = "as_of")] string? AsOf);

    public sealed record CatalogEntry(string Name, string Unit, string Definition, IReadOnlyList<string> Needs, IReadOnlyList<string> Reads, bool LowerIsBetter);

    public sealed record ForecastEntry(string Name, string Unit);
}
