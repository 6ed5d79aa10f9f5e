using System.CommandLine;
using System.Globalization;
using Bellwether.Cli;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Indicators;
using Bellwether.Queries;

namespace Bellwether.Forecasting;

/// <summary>
/// <c>bellwether forecast INDICATOR... [--period P] [--grain G] [--by DIM] [--as-of T] [--scenario NAME]</c>: P10, P50
/// and P90 with the parts they are made of, using only what was known at the as-of instant.
/// </summary>
public static class ForecastCommand
{
    /// <summary>The indicators are the command's arguments; the rest are options.</summary>
    private static readonly ParameterNames Names = ParameterNames.CommandLine("name");

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
            var read = Requests.Forecast(
                new QueryReader(settings.Calendar, context.Now), result.GetRequiredValue(names), result.GetValue(period), result.GetValue(grain), result.GetValue(by), result.GetValue(slice),
                result.GetValue(asOf), result.GetValue(scenario), result.GetValue(distribution));
            var what = read.Then(r => ScenarioBook.FindOrNone(store, workspace, r.Scenario));
            if (!what.Ok)
            {
                return context.Refuse(what.Problems, Names);
            }

            var request = read.Value!;
            var outcome = Steps.Run(context, step =>
            {
                step("Loading the store");
                var data = store.Load(workspace, tables: IndicatorService.EngineTables);
                var engine = new IndicatorEngine(data);
                IReadOnlyList<QueryProblem> absent = request.Query.Filter.Count > 0 ? SliceValues.Check(request.Query.Filter, engine) : [];
                if (what.Value is { } scenario)
                {
                    absent = [.. absent, .. ScenarioValues.Check(scenario, engine, "scenario")];
                }

                if (absent.Count > 0)
                {
                    return Checked.Invalid<(NameBook, IReadOnlyList<ForecastRow>)>(absent);
                }

                step("Fitting the forecast to what was known then");
                var model = context.Fit(data, request.AsOf);
                step(what.Value is null ? "Simulating the futures" : $"Simulating the futures under {what.Value.Name}");
                return Checked.Valid<(NameBook, IReadOnlyList<ForecastRow>)>((NameBook.Of(data), model.Forecast(request.Query, what.Value)));
            });
            if (!outcome.Ok)
            {
                return context.Refuse(outcome.Problems, Names);
            }

            var (nameBook, rows) = outcome.Value;
            Write(context, result.GetValue(globals.Format), rows, settings.Currency, nameBook);
            if (result.GetValue(chart) is { } picture)
            {
                Charts.ForecastChart.SavePng(rows, picture);
                context.Error.WriteLine($"chart: {Path.GetFullPath(picture)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(CliContext context, OutputFormat format, IReadOnlyList<ForecastRow> rows, string currency, NameBook? names = null)
    {
        if (format == OutputFormat.Json)
        {
            context.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(rows, Json.Options));
            return;
        }

        if (format == OutputFormat.Table)
        {
            Table(context, rows, currency, names ?? NameBook.Empty);
            return;
        }

        var partNames = rows.Where(r => r.Parts is not null).SelectMany(r => r.Parts!.Keys).Distinct().ToList();
        List<string> columns = ["indicator", "period", "slice", "p10", "p50", "p90", "mean", .. partNames, "missing_reason", "as_of", "unit", "scenario"];
        var data = new TableData(
            columns,
            [
                .. rows.Select(r => (IReadOnlyList<object?>)
                [
                    r.Indicator, r.Period, SliceText.Format(r.Slice), r.P10, r.P50, r.P90, r.Mean,
                    .. partNames.Select(p => r.Parts is { } parts && parts.TryGetValue(p, out var part) ? (object?)part : null),
                    r.MissingReason ?? (r.Provisional ? "provisional: " + r.ProvisionalReason : null), Instants.Format(r.AsOf), r.Unit, r.Scenario,
                ]),
            ]);
        Output.Write(context, format, data);
    }

    /// <summary>
    /// For people: one table per indicator, with the parts that indicator is made of; P50 in full, the P10–P90 range
    /// and the parts in short money (the mean they add up to is in json and csv); reasons as footnotes.
    /// </summary>
    private static void Table(CliContext context, IReadOnlyList<ForecastRow> rows, string currency, NameBook names)
    {
        var notes = new Footnotes();
        var dimensions = rows.SelectMany(r => r.Slice.Keys).Distinct(StringComparer.Ordinal).ToList();
        var first = true;
        foreach (var group in rows.GroupBy(r => r.Indicator))
        {
            var partNames = group.Where(r => r.Parts is not null).SelectMany(r => r.Parts!.Keys).Distinct().ToList();
            var unit = group.First().Unit;
            string Full(decimal? v) => v is { } x ? Readable.Value(x, unit, currency) : "—";
            string Short(decimal v) => unit == "money" ? Readable.MoneyShort(v, currency) : Readable.Value(v, unit, currency);
            var data = new TableData(
                ["period", .. dimensions, "p50", "p10–p90", .. partNames.Select(PartTitle)],
                [
                    .. group.Select(r => (IReadOnlyList<object?>)
                    [
                        r.Period,
                        .. dimensions.Select(d => r.Slice.TryGetValue(d, out var v) ? names.SliceValue(d, v) : ""),
                        r.P50 is null ? notes.Marked("—", r.MissingReason ?? "no forecast") : notes.Marked(Full(r.P50), r.Provisional ? "provisional: " + r.ProvisionalReason : null),
                        r.P10 is { } lo && r.P90 is { } hi ? (lo == hi ? "known" : $"{Short(lo)}–{Short(hi)}") : "",
                        .. partNames.Select(p => r.Parts is { } parts && parts.TryGetValue(p, out var part) ? Short(part) : ""),
                    ]),
                ])
            {
                Title = $"{group.Key} forecast as of {Instants.Format(group.First().AsOf)}{(group.First().Scenario is { } s ? $", scenario {s}" : "")}"
                    + (partNames.Count > 0 ? $"; the parts are expected values and add up to the mean (in json and csv), not to P50" : ""),
            };
            if (!first)
            {
                context.Output.WriteLine();
            }

            first = false;
            Output.Table(context, data);
        }

        notes.WriteTo(context.Output);
    }

    /// <summary>A part's name as a column heading: closed, open pipeline, not yet created, existing book, new bookings.</summary>
    private static string PartTitle(string part) => part.Replace('_', ' ');

    internal static string Percent(decimal? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
