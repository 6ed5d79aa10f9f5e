using Bellwether.Core.Coaching;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Reps;
using static Bellwether.Core.Signals.SignalReading;

namespace Bellwether.Core.Signals;

/// <summary>
/// The new-business reps to coach (<see cref="RepCoaching"/>): AEs and SDRs whose activity, win rate, deal size or cycle
/// is a fifth or more worse than their peers' after allowing for chance, by name with the reasons. Account managers
/// belong to the retention and expansion pillars. Judged against peers, so there is no status to give.
/// </summary>
internal static class CoachingSignal
{
    private const string Name = "coaching", Title = "Reps to coach";

    public static Signal Of(SignalContext c)
    {
        var data = c.Engine.Dataset;
        var lastDay = Time.Instants.DayOf(c.AsOf.AddTicks(-1));
        if (!data.Reps.Any(r => r.Role is RepRole.Ae or RepRole.Sdr && r.IsActiveOn(lastDay)))
        {
            return Missing(Pillar.NewBusiness, Name, Title, Unit.Count, "no AE or SDR is active to compare with their peers");
        }

        var reps = RepCoaching.Of(data, c.AsOf)
            .Where(f => f.Role is RepRole.Ae or RepRole.Sdr)
            .GroupBy(f => f.RepId, StringComparer.Ordinal)
            .Select(g => new Attention
            {
                Kind = "rep",
                Id = g.Key,
                Name = g.First().RepName,
                Reason = string.Join("; ", g.Select(f => f.Reason(c.Currency))),
                Score = g.Max(f => f.Score),
            })
            .ToList();
        var named = reps.Take(3).Select(a => $"{a.Name} ({a.Reason})").ToList();
        if (reps.Count > 3)
        {
            named.Add($"{reps.Count - 3} more");
        }

        return new Signal
        {
            Pillar = Pillar.NewBusiness,
            Name = Name,
            Title = Title,
            Value = reps.Count,
            Unit = Unit.Count,
            LowerIsBetter = true,
            ReferenceKind = "peers",
            Summary = reps.Count == 0
                ? $"No AE or SDR is a fifth or more off their peers over the last {RepCoaching.WindowMonths} months, after allowing for chance."
                : $"{reps.Count} {(reps.Count == 1 ? "rep" : "reps")} to coach over the last {RepCoaching.WindowMonths} months: {Listed(named)}.",
            NeedsAttention = reps,
        };
    }
}
