using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// Any additive indicator (new pipeline, leads, revenue, won deals…) split by slice: the gap is the sum of the
/// slices' gaps, each read from the indicators engine for the period and the comparison, so the numbers are the
/// indicators' own. A plan is shared among slices as the trailing year shared the metric; a period not over takes
/// the forecast's P50 where the metric is forecast.
/// </summary>
internal sealed class AdditiveFamily(IndicatorDefinition definition) : IExplainFamily
{
    public IReadOnlyList<Dimension> Usual { get; } = [Dimension.Vertical, Dimension.ServiceLine, Dimension.Source, Dimension.Rep, Dimension.Channel];

    public string? CannotSlice(Dimension dimension) => null;

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        var resolution = definition.Unit == Unit.Ratio ? 0.000001m : 0.01m;
        var name = definition.Name;
        Dictionary<string, decimal> actual;
        var basis = Basis.Actual;
        string? basisNote = null;
        if (context.Over)
        {
            var read = Read(context.Engine, context, context.Period, by);
            if (read.Missing is { } why)
            {
                return Draft.Lacking(why);
            }

            actual = read.Values;
        }
        else if (context.CanForecast && ForecastIndicators.Names.Contains(name))
        {
            var projected = Forecast(context, by);
            if (projected.Missing is { } why)
            {
                return Draft.Lacking(why);
            }

            actual = projected.Values;
            basis = Basis.ForecastP50;
            basisNote = $"{context.Period.Label} is not over as of {Instants.Format(context.AsOf)}: the forecast's P50 (as of the same instant) stands for it, shared among slices as their expected values are";
        }
        else
        {
            return Draft.Lacking($"{context.Period.Label} is not over as of {Instants.Format(context.AsOf)} and {name} is not forecast: explain a period that is over");
        }

        Dictionary<string, decimal> comparison;
        string? note = null;
        if (context.ComparisonPeriod is { } other)
        {
            var read = Read(context.ComparisonEngine, context, other, by);
            if (read.Missing is { } why)
            {
                return Draft.Lacking(why);
            }

            comparison = read.Values;
        }
        else
        {
            var trailing = context.TrailingYear(null);
            var average = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var used = new List<Period>();
            foreach (var p in trailing)
            {
                var read = Read(context.Engine, context, p, by);
                if (read.Missing is not null)
                {
                    continue;
                }

                used.Add(p);
                foreach (var (key, value) in read.Values)
                {
                    average[key] = average.GetValueOrDefault(key) + value;
                }
            }

            var total = average.Values.Sum();
            if (used.Count == 0 || total == 0)
            {
                return Draft.Lacking($"no {name} in the year before {context.Period.Label} to share the plan among slices as it was shared");
            }

            comparison = average.ToDictionary(kv => kv.Key, kv => context.Plan!.Target * kv.Value / total, StringComparer.Ordinal);
            note = $"the plan is shared among slices as {used[^1].Label} to {used[0].Label} shared {name}";
        }

        var driver = new DriverDefinition(name, name.Replace('_', ' '), definition.Unit);
        var parts = actual.Keys.Union(comparison.Keys).Order(StringComparer.Ordinal).Select(key =>
        {
            var values = new Dictionary<string, DriverValues> { [name] = new(Math.Round(comparison.GetValueOrDefault(key), 4), actual.GetValueOrDefault(key)) };
            return new SlicePart(context.SliceOf(by, key), context.LabelOf(by, key), new Identity().Add(new Factor(name, comparison.GetValueOrDefault(key), actual.GetValueOrDefault(key))), values);
        }).ToList();
        var totals = new Dictionary<string, DriverValues> { [name] = new(Math.Round(comparison.Values.Sum(), 4), actual.Values.Sum()) };
        return new Draft
        {
            Decomposition = Decomposer.Run(parts, [driver], totals, 0, context.Plan?.Target, resolution),
            Basis = basis,
            BasisNote = basisNote,
            By = by,
            Method = $"{name} is additive: the gap is the sum of each slice's gap, read from the indicators engine" + (note is null ? "" : "; " + note),
        };
    }

    private (Dictionary<string, decimal> Values, string? Missing) Read(IndicatorEngine engine, ExplainContext context, Period period, Dimension? by)
    {
        var rows = engine.Run(new IndicatorQuery
        {
            Indicators = [definition.Name],
            Period = period,
            By = by is { } d ? [d] : [],
            Filter = context.Filter,
            AsOf = context.AsOf,
        });
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var dimension = by is { } dim ? ExplainContext.Name(dim) : null;
        foreach (var row in rows)
        {
            var key = dimension is null ? "" : row.Slice.GetValueOrDefault(dimension, Attributes.Unknown);
            if (row.Value is { } value)
            {
                values[key] = value;
            }
            else if (by is null || rows.All(r => r.Value is null))
            {
                return (values, $"{definition.Name} for {period.Label}: {row.MissingReason}");
            }
        }

        return (values, null);
    }

    private (Dictionary<string, decimal> Values, string? Missing) Forecast(ExplainContext context, Dimension? by)
    {
        var model = context.Forecast;
        var total = model.Forecast(new ForecastQuery { Indicators = [definition.Name], Period = context.Period, Filter = context.Filter }).Single();
        if (total.P50 is not { } p50)
        {
            return ([], $"no forecast of {definition.Name} for {context.Period.Label}: {total.MissingReason}");
        }

        if (by is not { } d)
        {
            return (new Dictionary<string, decimal> { [""] = p50 }, null);
        }

        var rows = model.Forecast(new ForecastQuery { Indicators = [definition.Name], Period = context.Period, Filter = context.Filter, By = [d] });
        var means = rows.Where(r => r.Mean is not null).ToDictionary(r => r.Slice.GetValueOrDefault(ExplainContext.Name(d), Attributes.Unknown), r => r.Mean!.Value, StringComparer.Ordinal);
        var sum = means.Values.Sum();
        if (sum == 0)
        {
            return ([], $"no forecast of {definition.Name} by {ExplainContext.Name(d)}: {(rows.Count > 0 ? rows[0].MissingReason : null) ?? "nothing is expected"}");
        }

        return (means.ToDictionary(kv => kv.Key, kv => p50 * kv.Value / sum, StringComparer.Ordinal), null);
    }
}
