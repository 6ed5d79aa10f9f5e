using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.PlanStatus;

/// <summary>
/// Plans against actuals and the forecast at one instant (indicators.md, Plans): the one place a plan's projection,
/// attainment and status are worked out, for the plans command, the API, the export and scenarios alike. Actuals come
/// from the engine as of the instant; forecasts from the model fitted then, asked once per metric, slice and grain for
/// every open period at once.
/// </summary>
public static class PlanEvaluation
{
    public static IReadOnlyList<PlanStatusRow> Of(IReadOnlyList<PlanItem> items, PlanReading reading)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Model is { } model && model.AsOf != reading.AsOf)
        {
            throw new ArgumentException($"The model was fitted as of {Instants.Format(model.AsOf)}, not as of the reading's {Instants.Format(reading.AsOf)}.", nameof(reading));
        }

        var forecasts = Forecasts(items, reading);
        return [.. items.Select(item => Evaluate(item, reading, forecasts))];
    }

    /// <summary>Whether any of the items needs a forecast as of the instant: a forecast metric over a period not over.</summary>
    public static bool NeedsForecast(IReadOnlyList<PlanItem> items, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Any(i => IsOpen(i.Period, asOf) && IsForecast(i.Metric));
    }

    /// <summary>The group of the ledger metrics' forecasts (no metric has this name).</summary>
    private const string Ledger = "";

    private static bool IsOpen(Period period, DateTimeOffset asOf) => period.EndInstant > asOf;

    private static bool IsForecast(string metric) => ForecastIndicators.Names.Contains(Name(metric));

    private static string Name(string metric) => IndicatorCatalog.Find(metric)?.Name ?? metric.Trim().ToLowerInvariant();

    /// <summary>The forecast rows of every open period of a forecast metric, by (metric, slice, period label).</summary>
    private static Dictionary<(string Metric, string Slice, string Period), ForecastRow> Forecasts(IReadOnlyList<PlanItem> items, PlanReading reading)
    {
        var result = new Dictionary<(string, string, string), ForecastRow>();
        if (reading.Model is not { } model)
        {
            return result;
        }

        // A deal forecast counts each future win in the first period that contains it, so it is asked for periods of
        // one grain at a time; a ledger forecast sums each period's own months, so a month, its quarter and its year
        // go in one call, and the ledger metrics of one slice together (grr and expansion_revenue are two readings of
        // one simulation of every account), which simulates the ledger once for all of them. (A week or a day, which
        // has no forecast, is asked on its own, so that its reason does not become theirs.)
        var groups = items
            .Where(i => IsOpen(i.Period, reading.AsOf) && IsForecast(i.Metric))
            .GroupBy(i => ForecastIndicators.FromLedger(Name(i.Metric)) && i.Period.Grain >= Grain.Month
                ? (Metric: Ledger, i.Slice, Grain: (Grain?)null)
                : (Metric: Name(i.Metric), i.Slice, Grain: i.Period.Grain));
        foreach (var group in groups)
        {
            var periods = group.Select(i => i.Period).Distinct().OrderBy(p => p.Start).ThenBy(p => p.Grain).ToList();
            var metrics = group.Select(i => Name(i.Metric)).Distinct().ToList();
            var query = new ForecastQuery { Indicators = metrics, Period = periods[0], Filter = FilterOf(group.Key.Slice) };
            foreach (var row in model.Forecast(query, periods, reading.Scenario))
            {
                result[(row.Indicator, group.Key.Slice, row.Period)] = row;
            }
        }

        return result;
    }

    private static PlanStatusRow Evaluate(PlanItem item, PlanReading reading, Dictionary<(string, string, string), ForecastRow> forecasts)
    {
        var metric = Name(item.Metric);
        var definition = IndicatorCatalog.Find(metric);
        var actual = Actual(item, metric, reading);
        var row = new PlanStatusRow
        {
            Pillar = item.Pillar,
            Owner = item.Owner,
            Metric = metric,
            Period = item.Period.Label,
            Slice = SliceOf(item.Slice),
            Unit = definition is null ? "" : SnakeCase.Name(definition.Unit),
            Target = item.Target,
            RolledUpFrom = item.RolledUpFrom,
            Actual = actual.Value,
            ActualProvisional = actual.Provisional,
            ActualMissingReason = actual.MissingReason,
            AsOf = reading.AsOf,
            Scenario = reading.Scenario is { Changes.Count: > 0 } scenario ? scenario.Name : null,
        };

        string? reason;
        if (!IsOpen(item.Period, reading.AsOf))
        {
            reason = row.Actual is null ? $"{item.Period.Label} is over and its actual cannot be computed: {row.ActualMissingReason}" : null;
            row = row with { Projected = row.Actual, Basis = row.Actual is null ? null : PlanBasis.Actual };
        }
        else if (!IsForecast(metric))
        {
            reason = $"{metric} is not forecast: no projection while {item.Period.Label} is open (forecasts: {string.Join(", ", ForecastIndicators.Names)})";
        }
        else if (!forecasts.TryGetValue((metric, item.Slice, item.Period.Label), out var forecast))
        {
            reason = $"no forecast was made as of {Instants.Format(reading.AsOf)}";
        }
        else
        {
            reason = forecast.P50 is null ? forecast.MissingReason ?? "the forecast has no value" : null;
            row = row with
            {
                P10 = forecast.P10,
                P50 = forecast.P50,
                P90 = forecast.P90,
                Projected = forecast.P50,
                Basis = forecast.P50 is null ? null : PlanBasis.Forecast,
            };
        }

        if (item.Target is not { } target)
        {
            return row with { MissingReason = item.MissingReason };
        }

        if (row.Projected is not { } projected)
        {
            return row with { MissingReason = reason };
        }

        var lowerIsBetter = definition?.LowerIsBetter ?? false;
        var attainment = Attainment.Of(projected, target, lowerIsBetter);
        return row with
        {
            Variance = projected - target,
            Attainment = attainment,
            Status = attainment is { } a ? Attainment.StatusOf(a) : null,
            MissingReason = attainment is null
                ? (lowerIsBetter && projected == 0 ? $"attainment of {metric} is target / projected, and the projection is 0" : "the target is 0: attainment cannot be said")
                : null,
        };
    }

    private static (decimal? Value, bool Provisional, string? MissingReason) Actual(PlanItem item, string metric, PlanReading reading)
    {
        if (IndicatorCatalog.Find(metric) is null)
        {
            return (null, false, $"no indicator named \"{metric}\"");
        }

        var rows = reading.Engine.Run(new IndicatorQuery { Indicators = [metric], Period = item.Period, Filter = FilterOf(item.Slice), AsOf = reading.AsOf });
        return rows.Count == 0
            ? (null, false, $"no {metric} for the slice {item.Slice}")
            : (rows[0].Value, rows[0].Provisional, rows[0].MissingReason);
    }

    private static IReadOnlyDictionary<string, string> SliceOf(string text) =>
        SliceText.TryParse(text, out var slice, out _) ? slice : new Dictionary<string, string>();

    private static IReadOnlyDictionary<Dimension, string> FilterOf(string slice) => IndicatorQuery.FilterOf(SliceOf(slice));
}
