using System.CommandLine;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Text;
using Bellwether.Indicators;
using Bellwether.Queries;
using Spectre.Console;

namespace Bellwether.Forecasting;

/// <summary>
/// <c>bellwether backtest INDICATOR [--grain quarter] [--from P] [--to P] [--offsets=-30,0,45]</c>: forecasts made as
/// of earlier instants with only what was known then, beside what happened and beside the baselines.
/// </summary>
public static class BacktestCommand
{
    /// <summary>The indicator is the command's argument; the rest are options.</summary>
    private static readonly ParameterNames Names = ParameterNames.CommandLine("indicator");

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var indicator = new Argument<string>("indicator") { Description = $"What to backtest: {string.Join(", ", ForecastIndicators.Names)}" };
        var grain = new Option<string?>("--grain") { Description = "month, quarter (default) or year" };
        var from = new Option<string?>("--from") { Description = "The first period (default: two years before the last full period)" };
        var to = new Option<string?>("--to") { Description = "The last period (default: the last period that is over)" };
        var offsets = new Option<string?>("--offsets") { Description = "Days from each period's first instant at which forecasts are made (0: its first instant; 45: mid-quarter; -30: a month before); default -30,0,45" };
        var slice = new Option<string?>("--slice") { Description = "Restrict to a slice, e.g. type=new_business" };
        var chart = new Option<string?>("--chart") { Description = "Also draw actual, forecasts and baselines as a picture (PNG) at this path" };
        var command = new Command("backtest", "Measure the forecast against what happened, beside the baselines: wape, bias, hit_rate_5, p10_p90_coverage")
        {
            indicator, grain, from, to, offsets, slice, chart,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var read = Requests.Backtest(
                new QueryReader(store.Settings(workspace).Calendar, context.Now), result.GetRequiredValue(indicator), result.GetValue(grain), result.GetValue(from), result.GetValue(to),
                result.GetValue(offsets), result.GetValue(slice));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, Names);
            }

            var request = read.Value;
            var data = store.Load(workspace, tables: IndicatorService.EngineTables);
            if (request.Filter.Count > 0 && SliceValues.Check(request.Filter, new IndicatorEngine(data)) is { Count: > 0 } absent)
            {
                return context.Refuse(absent, Names);
            }

            var (name, first, last) = (request.Indicator, request.From, request.To);
            var outcome = context.Interactive
                ? context.ErrorConsole.Status().Start($"Backtesting {name} from {first.Label} to {last.Label}…", _ => Backtest.Run(data, request, cancellation: context.Work.Cancellation))
                : Backtest.Run(data, request, cancellation: context.Work.Cancellation);
            Write(context, result.GetValue(globals.Format), outcome, data.Settings.Currency);
            if (result.GetValue(chart) is { } picture)
            {
                Charts.BacktestChart.SavePng(outcome, picture);
                context.Error.WriteLine($"chart: {Path.GetFullPath(picture)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(CliContext context, OutputFormat format, BacktestResult outcome, string currency)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(outcome, Json.Options));
            return;
        }

        var summary = new TableData(
            ["offset", "method", "periods", "wape", "bias", "hit_rate_5", "p10_p90_coverage"],
            [
                .. outcome.Summary.Select(s => (IReadOnlyList<object?>)
                [
                    s.Offset, s.Method, s.Periods,
                    Ratio(s.Wape, format), Ratio(s.Bias, format), Ratio(s.HitRate5, format), Ratio(s.P10P90Coverage, format),
                ]),
            ])
        {
            Title = $"backtest of {outcome.Indicator} by {outcome.Grain}: each offset's forecasts beside the baselines",
        };
        if (format == OutputFormat.Csv)
        {
            Output.Csv(context.Output, summary);
            context.Output.WriteLine();
        }
        else
        {
            Output.Table(context, summary);
        }

        if (format == OutputFormat.Csv)
        {
            Output.Csv(context.Output, new TableData(
                ["period", "offset", "as_of", "actual", "p10", "p50", "p90", "stage_weighted", "previous_period", "year_earlier"],
                [.. outcome.Points.Select(p => (IReadOnlyList<object?>)[p.Period, p.Offset, p.AsOf, p.Actual, p.P10, p.P50, p.P90, p.StageWeighted, p.PreviousPeriod, p.YearEarlier])]));
            return;
        }

        // For people, within 100 columns: money short in the company's currency, a ratio (grr, nrr, the margin) as a
        // percentage, a count whole; the forecast's range in one cell and its error beside it (each forecast's instant
        // is its offset in days from the period's start; the JSON and CSV carry it).
        var unit = SnakeCase.TryParse<Unit>(ForecastIndicators.UnitOf(outcome.Indicator), out var u) ? u : Unit.Count;
        string Short(decimal? value) => value is not { } v ? "—" : unit switch
        {
            Unit.Money => Readable.MoneyShort(v, currency),
            Unit.Ratio => Readable.Percent(v),
            _ => Readable.Count(Math.Round(v, 0, MidpointRounding.AwayFromZero)),
        };
        // A ratio's miss in points (64.1% for 74.1% is −10.0 pts); money's and counts' as a share of the actual.
        string Error(decimal forecast, decimal actual) =>
            unit == Unit.Ratio ? Readable.Points(forecast - actual)
            : actual == 0 ? "—"
            : ((forecast / actual) - 1) is var miss && miss > 0 ? "+" + Readable.Percent(miss) : Readable.Percent(miss);
        var points = new TableData(
            ["period", "offset", "actual", "p50", "p10–p90", "p50 error", "stage wtd", "previous", "year ago"],
            [
                .. outcome.Points.Select(p => (IReadOnlyList<object?>)
                [
                    p.Period, p.Offset, Short(p.Actual), Short(p.P50),
                    $"{Short(p.P10)}–{Short(p.P90)}",
                    Error(p.P50, p.Actual),
                    Short(p.StageWeighted), Short(p.PreviousPeriod), Short(p.YearEarlier),
                ]),
            ]);
        context.Output.WriteLine();
        Output.Table(context, points);
        foreach (var note in outcome.Notes)
        {
            context.Console.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
        }
    }

    private static object? Ratio(decimal? value, OutputFormat format) =>
        format == OutputFormat.Table ? ForecastCommand.Percent(value) : value;
}
