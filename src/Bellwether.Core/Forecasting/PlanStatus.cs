using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting;

/// <summary>Plan lines against the forecast (indicators.md, Plans), for <see cref="ForecastModel.Plans"/>.</summary>
internal static class PlanStatus
{
    public static IReadOnlyList<PlanProjection> Of(ForecastModel model, Scenario scenario)
    {
        var calendar = model.Known.Settings.Calendar;
        var result = new List<PlanProjection>();
        var lowerIsBetter = IndicatorCatalog.All.Where(d => d.LowerIsBetter).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);

        // One forecast per metric, slice and grain, over all the periods the plan names for them.
        var forecasts = model.Known.Plans
            .Where(l => ForecastIndicators.Names.Contains(l.Metric) && calendar.TryParse(l.Period, out _))
            .GroupBy(l => (l.Metric, Slice: SliceText.Format(l.Slice), calendar.Parse(l.Period).Grain))
            .SelectMany(g =>
            {
                var periods = g.Select(l => calendar.Parse(l.Period)).DistinctBy(p => p.Label).OrderBy(p => p.Start).ToList();
                var query = new ForecastQuery { Indicators = [g.Key.Metric], Period = periods[0], Filter = IndicatorQuery.FilterOf(g.First().Slice) };
                return model.Forecast(query, periods, scenario).Select(row => (Key: (g.Key.Metric, g.Key.Slice, row.Period), Row: row));
            })
            .ToDictionary(x => x.Key, x => x.Row);
        foreach (var line in model.Known.Plans)
        {
            var projection = new PlanProjection
            {
                Pillar = line.Pillar,
                Metric = line.Metric,
                Period = line.Period,
                Slice = line.Slice,
                Owner = line.Owner,
                Target = line.Target,
                Scenario = scenario.Changes.Count == 0 ? null : scenario.Name,
            };
            if (!calendar.TryParse(line.Period, out var period, out var reason))
            {
                result.Add(projection with { MissingReason = $"\"{line.Period}\" {reason}" });
                continue;
            }

            if (!ForecastIndicators.Names.Contains(line.Metric))
            {
                result.Add(projection with { MissingReason = $"{line.Metric} is not forecast (forecasts: {string.Join(", ", ForecastIndicators.Names)})" });
                continue;
            }

            var row = forecasts[(line.Metric, SliceText.Format(line.Slice), period.Label)];
            if (row.P50 is not { } projected)
            {
                result.Add(projection with { MissingReason = row.MissingReason });
                continue;
            }

            var lower = lowerIsBetter.Contains(line.Metric);
            decimal? attainment = lower
                ? (projected == 0 ? null : line.Target / projected)
                : (line.Target == 0 ? null : projected / line.Target);
            if (line.Target < 0 && attainment is { } a)
            {
                // A negative target (a planned loss): doing better than planned is a smaller loss, so invert the sense.
                attainment = 2 - a;
            }

            result.Add(projection with
            {
                Projected = projected,
                P10 = row.P10,
                P90 = row.P90,
                Attainment = attainment is { } x ? Math.Round(x, 4) : null,
                Variance = projected - line.Target,
                Status = attainment switch
                {
                    null => null,
                    >= 1 => "on_track",
                    >= 0.9m => "at_risk",
                    _ => "off_track",
                },
                Over = period.EndInstant <= model.AsOf,
                MissingReason = attainment is null ? "the target is 0" : null,
            });
        }

        return result;
    }
}
