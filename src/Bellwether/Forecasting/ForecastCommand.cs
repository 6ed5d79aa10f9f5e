using System.CommandLine;
using System.Globalization;
using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Scenarios;

namespace Bellwether.Forecasting;

/// <summary>
/// <c>bellwether forecast INDICATOR... [--period P] [--grain G] [--by DIM] [--as-of T] [--scenario NAME]</c>: P10, P50
/// and P90 with the parts they are made of, using only what was known at the as-of instant.
/// </summary>
public static class ForecastCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var names = new Argument<string[]>("indicator") { Description = $"What to forecast: {string.Join(", ", ForecastIndicators.Names)}", Arity = ArgumentArity.OneOrMore };
        var period = new Option<string?>("--period") { Description = "A month, fiscal quarter or fiscal year (2025-03, 2025-Q1, 2025); default: the current fiscal quarter" };
        var grain = new Option<string?>("--grain") { Description = "Break the period into month, quarter or year rows" };
        var by = new Option<string?>("--by") { Description = "Slice by one or two dimensions, comma-separated (rep, team, vertical, service_line, …)" };
        var slice = new Option<string?>("--slice") { Description = "Restrict to a slice: dimension=value pairs joined by ';'" };
        var asOf = new Option<string?>("--as-of") { Description = "Forecast with only what was known at this instant (a date means the end of that day); default: now" };
        var scenario = new Option<string?>("--scenario") { Description = "Forecast under a saved what-if scenario (see `bellwether scenario`)" };
        var distribution = new Option<bool>("--distribution") { Description = "Include the percentiles 1–99 of the simulated outcomes (json)" };
        var chart = new Option<string?>("--chart") { Description = "Also draw the forecast as a picture (PNG) at this path" };
        var command = new Command("forecast", "Forecast bookings, revenue, new logos and the pillars' plan metrics, with honest ranges and the parts they are made of")
        {
            names, period, grain, by, slice, asOf, scenario, distribution, chart,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var wanted = result.GetRequiredValue(names);
            foreach (var name in wanted.Where(n => !ForecastIndicators.Names.Contains(n.Trim().ToLowerInvariant())))
            {
                throw new UserErrorException($"{name}: not an indicator that is forecast (forecasts: {string.Join(", ", ForecastIndicators.Names)})");
            }

            var parsed = QueryArguments.Parse(result.GetValue(period), result.GetValue(grain), result.GetValue(by), result.GetValue(slice), result.GetValue(asOf), settings.Calendar, QueryArguments.Now(context));
            if (parsed.Period.Grain < Grain.Month || parsed.Grain < Grain.Month)
            {
                throw new UserErrorException("--period/--grain: forecasts are made for months, fiscal quarters and fiscal years");
            }

            var what = result.GetValue(scenario) is { } scenarioName ? ScenarioCommand.Load(store, workspace, scenarioName) : null;
            var query = new ForecastQuery
            {
                Indicators = [.. wanted.Select(n => n.Trim().ToLowerInvariant())],
                Period = parsed.Period,
                Grain = parsed.Grain,
                By = parsed.By,
                Filter = parsed.Filter,
                IncludeDistribution = result.GetValue(distribution),
            };
            var model = ForecastModel.Fit(store.Load(workspace, tables: IndicatorService.EngineTables), parsed.AsOf);
            IReadOnlyList<ForecastRow> rows;
            try
            {
                rows = model.Forecast(query, what);
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException(e.Message);
            }

            Write(context, result.GetValue(globals.Format), rows);
            if (result.GetValue(chart) is { } picture)
            {
                Charts.ForecastChart.SavePng(rows, picture);
                context.Error.WriteLine($"chart: {Path.GetFullPath(picture)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(CliContext context, OutputFormat format, IReadOnlyList<ForecastRow> rows)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(rows, Json.Options));
            return;
        }

        var partNames = rows.Where(r => r.Parts is not null).SelectMany(r => r.Parts!.Keys).Distinct().ToList();
        var sliced = rows.Any(r => r.Slice.Count > 0);
        var columns = new List<string> { "indicator", "period" };
        if (sliced || format == OutputFormat.Csv)
        {
            columns.Add("slice");
        }

        columns.AddRange(["p10", "p50", "p90", "mean"]);
        columns.AddRange(partNames);
        columns.Add(format == OutputFormat.Csv ? "missing_reason" : "note");
        if (format == OutputFormat.Csv)
        {
            columns.AddRange(["as_of", "unit", "scenario"]);
        }

        var data = new TableData(
            columns,
            [
                .. rows.Select(r =>
                {
                    var cells = new List<object?> { r.Indicator, r.Period };
                    if (sliced || format == OutputFormat.Csv)
                    {
                        cells.Add(SliceText.Format(r.Slice));
                    }

                    object? Show(decimal? v) => v is { } x && format == OutputFormat.Table ? IndicatorsCommand.FormatValue(x, r.Unit) : v;
                    cells.AddRange([Show(r.P10), Show(r.P50), Show(r.P90), Show(r.Mean)]);
                    cells.AddRange(partNames.Select(p => r.Parts is { } parts && parts.TryGetValue(p, out var part) ? Show(part) : null));
                    cells.Add(r.MissingReason ?? (r.Provisional ? "provisional: " + r.ProvisionalReason : null));
                    if (format == OutputFormat.Csv)
                    {
                        cells.AddRange([Instants.Format(r.AsOf), r.Unit, r.Scenario]);
                    }

                    return (IReadOnlyList<object?>)cells;
                }),
            ])
        {
            Title = rows.Count > 0
                ? $"forecast as of {Instants.Format(rows[0].AsOf)}{(rows[0].Scenario is { } s ? $", scenario {s}" : "")} — parts are expected values and add up to the mean"
                : null,
        };
        Output.Write(context, format, data);
    }

    internal static string Percent(decimal? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
