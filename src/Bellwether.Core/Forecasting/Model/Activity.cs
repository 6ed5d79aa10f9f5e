using Bellwether.Core.Data;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// How deal creation moves with activity, for the activity scenario: over rep-months of the trailing year, the slope of
/// log(deals the rep created, outbound or unsourced, + ½) on log(activities + 1), within each rep (rep means removed).
/// An association, not a proven cause: reps who work more deals also log more activity.
/// </summary>
internal static class Activity
{
    private const int MinimumRepMonths = 20;

    public static double Elasticity(Dataset view, DealFacts facts, int day0)
    {
        if (view.ActivityDays.Count == 0)
        {
            return 0;
        }

        var from = DateOnly.FromDayNumber(day0).AddMonths(-12);
        var first = new DateOnly(from.Year, from.Month, 1);
        var end = DateOnly.FromDayNumber(day0);
        var last = new DateOnly(end.Year, end.Month, 1);
        var acts = new Dictionary<(string Rep, DateOnly Month), double>();
        foreach (var day in view.ActivityDays)
        {
            if (day.Day >= first && day.Day < last)
            {
                var key = (day.RepId, new DateOnly(day.Day.Year, day.Day.Month, 1));
                acts[key] = acts.GetValueOrDefault(key) + day.Count;
            }
        }

        var deals = new Dictionary<(string Rep, DateOnly Month), double>();
        var inbound = facts.LevelsOf(Dimension.Source).Code("inbound");
        var source = facts.Column(Dimension.Source);
        for (var i = 0; i < facts.RealCount; i++)
        {
            var created = DateOnly.FromDayNumber(facts.CreatedDay[i]);
            if (created >= first && created < last && source[i] != inbound)
            {
                var key = (facts.Value(Dimension.Rep, i), new DateOnly(created.Year, created.Month, 1));
                deals[key] = deals.GetValueOrDefault(key) + 1;
            }
        }

        var points = acts.Select(kv => (kv.Key.Rep, X: Math.Log(kv.Value + 1), Y: Math.Log(deals.GetValueOrDefault(kv.Key) + 0.5))).ToList();
        if (points.Count < MinimumRepMonths)
        {
            return 0;
        }

        double sxy = 0, sxx = 0;
        foreach (var rep in points.GroupBy(p => p.Rep, StringComparer.Ordinal))
        {
            var mx = rep.Average(p => p.X);
            var my = rep.Average(p => p.Y);
            foreach (var p in rep)
            {
                sxy += (p.X - mx) * (p.Y - my);
                sxx += (p.X - mx) * (p.X - mx);
            }
        }

        return sxx > 0 ? Math.Clamp(sxy / sxx, 0, 1.5) : 0;
    }
}
