using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Queries;

namespace Bellwether.Export;

/// <summary>
/// <c>bellwether export OUT [--period P] [--as-of T] [--no-forecast] [--charts DIR]</c>: the finance pack of
/// <see cref="FinancePack"/> as an Excel workbook (OUT ends in .xlsx) or a folder of CSV files with the charts as PNG.
/// </summary>
public static class ExportCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var output = new Argument<string>("out") { Description = "A workbook (pack.xlsx) or a folder for CSV files and charts (pack/)" };
        var period = new Option<string?>("--period") { Description = "The period of the pack (2025-Q1, 2025-03, 2025); default: the current fiscal quarter" };
        var asOf = new Option<string?>("--as-of") { Description = "Everything as known at this instant (a date means the end of that day); default: now" };
        var noForecast = new Option<bool>("--no-forecast") { Description = "Leave out the Forecast and Plans sheets (they fit the forecaster: a few seconds)" };
        var charts = new Option<string?>("--charts") { Description = "Also draw the charts as PNG into this folder (a CSV folder always gets them)" };
        var command = new Command("export", "Export indicators, forecasts and plan status for a finance team: an Excel workbook or CSV files, with charts as pictures")
        {
            output, period, asOf, noForecast, charts,
        };
        command.SetHandler(context, result =>
        {
            var target = result.GetRequiredValue(output);
            var workbook = target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
            if (!workbook && Path.HasExtension(target) && !Directory.Exists(target))
            {
                throw new UserErrorException($"{target}: export writes a workbook (a path ending in .xlsx) or a folder of CSV files (a path without an extension)");
            }

            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Requests.Export(new QueryReader(settings.Calendar, context.Now), result.GetValue(period), result.GetValue(asOf), !result.GetValue(noForecast));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, ParameterNames.CommandLine("out"));
            }

            var parsed = read.Value;
            var (engine, model, written) = Steps.Run(context, step =>
            {
                step("Loading the store");
                var data = store.Load(workspace, tables: IndicatorService.EngineTables);
                var engine = context.Engine(data);
                ForecastModel? model = null;
                if (parsed.Forecast && data.Opportunities.Count > 0)
                {
                    step("Fitting the forecast");
                    model = context.Fit(data, parsed.AsOf);
                }

                step("Computing the indicators, forecasts and plans");
                var sheets = FinancePack.Build(data, engine, new FinancePack.Request
                {
                    Period = parsed.Period,
                    AsOf = parsed.AsOf,
                    Model = model,
                    Plans = new PlanBook(store.PlanChanges(workspace)).AsOf(parsed.AsOf),
                    Source = $"{store.Description}, workspace {workspace}",
                });

                step("Writing");
                var written = new List<string>();
                if (workbook)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
                    SheetXlsx.Write(sheets, target);
                    written.Add(target);
                }
                else
                {
                    Directory.CreateDirectory(target);
                    foreach (var sheet in sheets)
                    {
                        var path = Path.Combine(target, sheet.FileName);
                        using var writer = new StreamWriter(path);
                        SheetCsv.Write(sheet, writer);
                        written.Add(path);
                    }
                }

                return (engine, model, written);
            });

            var chartFolder = result.GetValue(charts) ?? (workbook ? null : target);
            if (chartFolder is { } folder)
            {
                written.AddRange(DrawCharts(folder, engine, model, parsed.Period, parsed.AsOf, settings.Calendar));
            }

            foreach (var path in written)
            {
                context.Error.WriteLine($"wrote {Path.GetFullPath(path)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Bookings over the trend's periods, win rate by vertical in the period, and the year's forecast by quarter.</summary>
    private static IEnumerable<string> DrawCharts(string folder, IndicatorEngine engine, ForecastModel? model, Period period, DateTimeOffset asOf, FiscalCalendar calendar)
    {
        Directory.CreateDirectory(folder);
        var bookings = FinancePack.Trend(period, calendar)
            .SelectMany(p => engine.Run(new IndicatorQuery { Indicators = ["bookings"], Period = p, AsOf = asOf }))
            .ToList();
        var trend = Path.Combine(folder, "bookings_trend.png");
        Charts.IndicatorChart.SavePng(bookings, trend);
        yield return trend;

        var verticals = engine.Run(new IndicatorQuery { Indicators = ["win_rate"], Period = period, By = [Dimension.Vertical], AsOf = asOf });
        var winRates = Path.Combine(folder, "win_rate_by_vertical.png");
        Charts.IndicatorChart.SavePng(verticals, winRates);
        yield return winRates;

        if (model is not null)
        {
            var year = calendar.Containing(period.Start, Grain.Year);
            var rows = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = year, Grain = Grain.Quarter });
            var forecast = Path.Combine(folder, "bookings_forecast.png");
            Charts.ForecastChart.SavePng(rows, forecast);
            yield return forecast;
        }
    }
}
