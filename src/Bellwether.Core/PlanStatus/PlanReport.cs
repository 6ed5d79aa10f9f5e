using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;

namespace Bellwether.Core.PlanStatus;

/// <summary>
/// Plan status for an owner: the plans of a scope as they stood at t, read with what was known at t, beside the same
/// plans as they stood and were read a week earlier. Fits a forecast model only for an instant that needs one (a
/// forecast metric over a period not over), each once; the two instants are read side by side.
/// <code>
/// var report = PlanReport.Read(book, engine, new ForecastFits(data).Fit, new PlanQuery { Scope = PlanScope.Around(now, calendar), AsOf = now });
/// </code>
/// </summary>
public sealed record PlanReport
{
    /// <summary>How far back "since last week" looks.</summary>
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    public required PlanScope Scope { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The instant the week-earlier reading was made at; null when it was not asked for.</summary>
    public DateTimeOffset? WeekEarlierAsOf { get; init; }

    public required IReadOnlyList<PlanStatusRow> Rows { get; init; }

    /// <param name="book">The workspace's plans through time.</param>
    /// <param name="engine">The engine over the company's data (actuals at any instant).</param>
    /// <param name="fit">Fits (or finds) the forecast model as of an instant.</param>
    /// <param name="query">Which plans, when.</param>
    public static PlanReport Read(PlanBook book, IndicatorEngine engine, Func<DateTimeOffset, ForecastModel> fit, PlanQuery query)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(query);
        var calendar = engine.Dataset.Settings.Calendar;
        var now = PlanRollup.Items(query.LatestPlans ? book.Current() : book.AsOf(query.AsOf), calendar, query.Scope).Where(query.Selects).ToList();
        if (!query.WeekEarlier)
        {
            return new PlanReport { Scope = query.Scope, AsOf = query.AsOf, Rows = Evaluate(now, engine, fit, query.AsOf, query) };
        }

        // The same plans a week earlier, whoever owned them then: read beside today's, each with its own model, since
        // a fit and a forecast leave one of two cores idle much of the time.
        var earlier = query.AsOf - Week;
        var keys = now.Select(i => i.Key).ToHashSet();
        var then = PlanRollup.Items(book.AsOf(earlier), calendar, query.Scope).Where(i => keys.Contains(i.Key)).ToList();
        var rowsThen = Task.Run(() => Evaluate(then, engine, fit, earlier, query));
        var rowsNow = Evaluate(now, engine, fit, query.AsOf, query);
        var byKey = then.Zip(rowsThen.GetAwaiter().GetResult()).ToDictionary(x => x.First.Key, x => x.Second);
        return new PlanReport
        {
            Scope = query.Scope,
            AsOf = query.AsOf,
            WeekEarlierAsOf = earlier,
            Rows = [.. now.Zip(rowsNow).Select(x => x.Second with { WeekEarlier = Compare(x.Second, byKey.GetValueOrDefault(x.First.Key), earlier) })],
        };
    }

    private static IReadOnlyList<PlanStatusRow> Evaluate(List<PlanItem> items, IndicatorEngine engine, Func<DateTimeOffset, ForecastModel> fit, DateTimeOffset asOf, PlanQuery query)
    {
        var model = PlanEvaluation.NeedsForecast(items, asOf) ? fit(asOf) : null;
        return PlanEvaluation.Of(items, new PlanReading { Engine = engine, AsOf = asOf, Model = model, Scenario = query.Scenario });
    }

    private static PlanWeekEarlier Compare(PlanStatusRow now, PlanStatusRow? then, DateTimeOffset earlier) => then is null
        ? new PlanWeekEarlier { AsOf = earlier, Planned = false }
        : new PlanWeekEarlier
        {
            AsOf = earlier,
            Planned = then.Target is not null,
            Target = then.Target,
            Projected = then.Projected,
            Basis = then.Basis,
            Status = then.Status,
            ProjectedChange = now.Projected - then.Projected,
            TargetChange = now.Target != then.Target ? now.Target - then.Target : null,
        };
}
