using Bellwether.Core.Digest;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Signals;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Digest;

/// <summary>
/// Reads an owner's week from the same calls the commands make — plan status with its week-earlier reading
/// (<see cref="PlanReport"/>), each pillar's headline plan explained against its plan (<see cref="VarianceExplainer"/>),
/// and the pillars' signals with their change (<see cref="PillarSignals"/>) — and hands them to
/// <see cref="DigestBuilder"/>. The command line and the API both read digests through here.
/// </summary>
public static class DigestReader
{
    /// <param name="engine">
    /// The indicators over every table of the workspace, engagement included (the retention signals and explanations
    /// read it), within the caller's budget: the API passes its cached engine, so a digest prepares nothing again.
    /// </param>
    /// <param name="book">The workspace's plans through time.</param>
    /// <param name="owner">The owner, in any case; an owner who holds no plan is a mistake (see <see cref="PlanBook.Owners"/>).</param>
    /// <param name="asOf">Only what was known strictly before this instant is read.</param>
    /// <param name="latestPlans">Read the plans as they stand now rather than as they stood at <paramref name="asOf"/> (for "now", rounded down).</param>
    /// <param name="fit">Fits, or finds, the forecast model as of an instant.</param>
    public static OwnerDigest Read(IndicatorEngine engine, PlanBook book, string owner, DateTimeOffset asOf, bool latestPlans, Func<DateTimeOffset, ForecastModel> fit)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(book);
        var data = engine.Dataset;
        var calendar = data.Settings.Calendar;
        var canonical = book.Owners(asOf).FirstOrDefault(o => string.Equals(o, owner, StringComparison.OrdinalIgnoreCase))
            ?? (latestPlans ? book.Owners(DateTimeOffset.MaxValue).FirstOrDefault(o => string.Equals(o, owner, StringComparison.OrdinalIgnoreCase)) : null)
            ?? owner;
        var models = new Dictionary<DateTimeOffset, ForecastModel>();
        ForecastModel Model(DateTimeOffset t)
        {
            lock (models)
            {
                if (!models.TryGetValue(t, out var model))
                {
                    model = fit(t);
                    models[t] = model;
                }

                return model;
            }
        }

        var report = PlanReport.Read(book, engine, Model, new PlanQuery { Scope = PlanScope.Around(asOf, calendar), AsOf = asOf, Owner = canonical, LatestPlans = latestPlans });
        var quarter = calendar.Containing(asOf.AddTicks(-1), Grain.Quarter);
        var headlines = DigestBuilder.Headlines(report.Rows, quarter.Label);
        Explanation Explain(PlanStatusRow plan, Period period) => VarianceExplainer.Explain(
            engine,
            new ExplainRequest { Metric = plan.Metric, Period = period, Against = Against.Plan, Filter = IndicatorQuery.FilterOf(plan.Slice), AsOf = asOf },
            () => Model(asOf),
            data.Engagement);
        var explanations = new List<Explanation>();
        foreach (var headline in headlines)
        {
            var period = calendar.Parse(headline.Period);
            var explanation = Explain(headline, period);
            explanations.Add(explanation);

            // A ratio's quarter under way is a forecast not split by driver: the last quarter over says what moves it.
            if (explanation.Drivers.Count <= 1 && period.EndInstant > asOf)
            {
                explanations.Add(Explain(headline, calendar.Previous(period)));
            }
        }

        var plansNow = latestPlans ? book.Current() : book.AsOf(asOf);
        var now = new SignalContext { Engine = engine, AsOf = asOf, Period = quarter, Plans = plansNow };
        var weekEarlier = now with { AsOf = asOf - PlanReport.Week, Plans = book.AsOf(asOf - PlanReport.Week) };
        var signals = report.Rows.Select(r => r.Pillar).Distinct().Order().SelectMany(p => PillarSignals.Of(now, weekEarlier, p)).ToList();
        return DigestBuilder.Build(canonical, report, headlines, explanations, signals, data.Settings.Currency);
    }
}
