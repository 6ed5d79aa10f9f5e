using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Backtesting;

/// <summary>
/// Backtests a forecast: rebuilds what was known at each instant (<c>dataset.AsOf(t)</c>, inside
/// <see cref="ForecastModel.Fit"/>), forecasts, and compares with what happened, beside the baselines of
/// indicators.md. Pure: the dataset in, the result out.
/// <code>
/// var result = Backtest.Run(dataset, new BacktestRequest
/// {
///     Indicator = "bookings", Grain = Grain.Quarter, From = calendar.Parse("2017-Q3"), To = calendar.Parse("2017-Q4"), Offsets = [0, 45],
/// });
/// </code>
/// </summary>
public static class Backtest
{
    public const string Forecast = "forecast";
    public const string StageWeightedMethod = "stage_weighted";
    public const string PreviousPeriodMethod = "previous_period";
    public const string YearEarlierMethod = "year_earlier";

    /// <summary>The backtest of a request; a cancelled <paramref name="cancellation"/> stops it between points and inside each fit.</summary>
    public static BacktestResult Run(Dataset data, BacktestRequest request, IProgress<BacktestPoint>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        var indicator = request.Indicator.Trim().ToLowerInvariant();
        if (!ForecastIndicators.Names.Contains(indicator))
        {
            throw new ArgumentException($"No forecast of \"{indicator}\" (forecasts: {string.Join(", ", ForecastIndicators.Names)}).", nameof(request));
        }

        var calendar = data.Settings.Calendar;
        var periods = new List<Period>();
        for (var p = calendar.Containing(request.From.Start, request.Grain); p.Start <= request.To.Start; p = calendar.Next(p))
        {
            periods.Add(p);
        }

        var truth = new IndicatorEngine(data);
        var end = periods.Count > 0 ? periods[^1].EndInstant : DateTimeOffset.UnixEpoch;
        var everything = end.AddYears(10);
        decimal? Value(Period period, DateTimeOffset asOf) => Actual(truth, indicator, period, asOf, request.Filter);
        var models = new Dictionary<DateTimeOffset, ForecastModel>();
        var points = new List<BacktestPoint>();
        var notes = new List<string>();
        foreach (var offset in request.Offsets)
        {
            foreach (var period in periods)
            {
                cancellation.ThrowIfCancellationRequested();
                var actual = Value(period, everything);
                if (actual is null)
                {
                    continue;
                }

                var t = period.StartInstant.AddDays(offset);
                if (!models.TryGetValue(t, out var model))
                {
                    model = ForecastModel.Fit(data, t, request.Options, cancellation).Within(WorkBudget.Until(cancellation));
                    models[t] = model;
                }

                var row = model.Forecast(new ForecastQuery { Indicators = [indicator], Period = period, Filter = request.Filter })[0];
                if (row.P50 is null)
                {
                    notes.Add($"{period.Label} as of {Instants.Format(t)}: {row.MissingReason}");
                    continue;
                }

                if (row.ProvisionalReason is { } reason && !notes.Contains(reason))
                {
                    notes.Add(reason);
                }

                var last = calendar.Containing(Instants.DayOf(t).AddDays(-1), request.Grain);
                if (last.EndInstant > t)
                {
                    last = calendar.Previous(last);
                }

                // A baseline period that ended before the data's first closed deal has no value to offer (not 0).
                var firstClose = model.Known.Opportunities.Where(o => o.ClosedAt is not null).Select(o => o.ClosedAt!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
                decimal? Baseline(Period p) => p.EndInstant <= t && p.EndInstant > firstClose ? Value(p, t) : null;
                var earlier = calendar.YearEarlier(period);

                var point = new BacktestPoint
                {
                    Period = period.Label,
                    Offset = offset,
                    AsOf = t,
                    Actual = actual.Value,
                    P10 = row.P10!.Value,
                    P50 = row.P50.Value,
                    P90 = row.P90!.Value,
                    Parts = row.Parts,
                    StageWeighted = StageWeightedOf(model, indicator, period, request.Filter),
                    PreviousPeriod = Baseline(last),
                    YearEarlier = Baseline(earlier),
                };
                points.Add(point);
                progress?.Report(point);
            }
        }

        return new BacktestResult
        {
            Indicator = indicator,
            Grain = Text.SnakeCase.Name(request.Grain),
            Points = points,
            Summary = [.. request.Offsets.SelectMany(offset => Summaries(points.Where(p => p.Offset == offset).ToList(), offset))],
            Notes = notes,
        };
    }

    /// <summary>The accuracy measures of indicators.md over points: one summary per method.</summary>
    public static IEnumerable<AccuracySummary> Summaries(IReadOnlyList<BacktestPoint> points, int offset)
    {
        yield return Summary(Forecast, offset, points, p => p.P50, coverage: true);
        yield return Summary(StageWeightedMethod, offset, points, p => p.StageWeighted, coverage: false);
        yield return Summary(PreviousPeriodMethod, offset, points, p => p.PreviousPeriod, coverage: false);
        yield return Summary(YearEarlierMethod, offset, points, p => p.YearEarlier, coverage: false);
    }

    private static AccuracySummary Summary(string method, int offset, IReadOnlyList<BacktestPoint> points, Func<BacktestPoint, decimal?> value, bool coverage)
    {
        var scored = points.Where(p => value(p) is not null).ToList();
        var actual = scored.Sum(p => Math.Abs(p.Actual));
        decimal? Ratio(decimal x) => actual == 0 ? null : Math.Round(x / actual, 4);
        return new AccuracySummary
        {
            Method = method,
            Offset = offset,
            Periods = scored.Count,
            Wape = scored.Count == 0 ? null : Ratio(scored.Sum(p => Math.Abs(value(p)!.Value - p.Actual))),
            Bias = scored.Count == 0 ? null : Ratio(scored.Sum(p => value(p)!.Value - p.Actual)),
            HitRate5 = scored.Count == 0 ? null : Math.Round((decimal)scored.Count(p => p.Actual != 0 && Math.Abs((value(p)!.Value - p.Actual) / p.Actual) <= 0.05m) / scored.Count, 4),
            P10P90Coverage = coverage && scored.Count > 0 ? Math.Round((decimal)scored.Count(p => p.Actual >= p.P10 && p.Actual <= p.P90) / scored.Count, 4) : null,
        };
    }

    private static decimal? StageWeightedOf(ForecastModel model, string indicator, Period period, IReadOnlyDictionary<Dimension, string> filter)
    {
        if (indicator is not (ForecastIndicators.Bookings or ForecastIndicators.ExpansionBookings or ForecastIndicators.WonDeals))
        {
            return null;
        }

        var slice = indicator == ForecastIndicators.ExpansionBookings
            ? new Dictionary<Dimension, string>(filter) { [Dimension.Type] = "expansion" }
            : filter;
        return StageWeighted.Value(model.Parts, period, slice, indicator == ForecastIndicators.WonDeals) is { } v ? (decimal)v : null;
    }

    /// <summary>The indicator's value for the period as known at the instant, by the indicators engine.</summary>
    private static decimal? Actual(IndicatorEngine engine, string indicator, Period period, DateTimeOffset asOf, IReadOnlyDictionary<Dimension, string> filter)
    {
        var rows = engine.Run(new IndicatorQuery { Indicators = [indicator], Period = period, AsOf = asOf, Filter = filter });
        return rows.Count == 1 ? rows[0].Value : null;
    }
}
