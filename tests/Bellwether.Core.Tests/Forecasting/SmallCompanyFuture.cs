using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// What <see cref="SmallCompany"/>'s own process makes of a period, seen from an instant: the ideal forecaster's
/// expected wins and bookings, by deal type, from the deals open at the instant and from the deals created after it.
/// Worked out from the generator's definition, not from the forecaster: each open deal's remaining steps (a step lasts
/// 1 day plus an exponential, so a step already a day old has an exponential left) are re-run many times from its
/// stage at the instant; each later day brings <c>dealsPerDay</c> deals (created 9:00 to 16:00), whose chances are
/// averaged over rep, line and hour the same way. Amounts are known for open deals; a new deal's is independent of its
/// fate, with mean <see cref="SmallCompany.MeanAmount"/>.
/// </summary>
internal static class SmallCompanyFuture
{
    /// <summary>Expected wins and bookings of one part and type.</summary>
    public readonly record struct Expected(double Wins, double Bookings);

    /// <param name="data">The company's data, with what happened after <paramref name="t"/> (only its state at t is read).</param>
    /// <param name="t">The instant, at midnight UTC.</param>
    /// <param name="period">The period whose wins are counted.</param>
    /// <param name="runs">Re-runs per open deal and per day of new deals: the expectations' sampling error falls as 1/√runs.</param>
    /// <param name="dealsPerDay">The rate the company was generated with.</param>
    /// <param name="expansion">Whether it was generated with expansion deals.</param>
    public static (Dictionary<OpportunityType, Expected> Open, Dictionary<OpportunityType, Expected> NotYetCreated) Of(
        Dataset data, DateTimeOffset t, Period period, int runs = 20_000, double dealsPerDay = 1.2, bool expansion = false)
    {
        var random = new Random(20_251_207);
        var open = new Dictionary<OpportunityType, Expected>();
        var history = data.History.Where(h => h.ChangedAt < t).GroupBy(h => h.OpportunityId).ToDictionary(g => g.Key, g => g.MaxBy(h => h.ChangedAt)!);
        foreach (var deal in data.Opportunities.Where(o => o.CreatedAt < t && (o.ClosedAt is null || o.ClosedAt >= t)))
        {
            var last = history[deal.OpportunityId];
            var stage = Array.IndexOf(SmallCompany.Stages, last.Stage);
            var wins = 0;
            for (var run = 0; run < runs; run++)
            {
                // The next step ends after t: 1 day plus an exponential from the last change, or an exponential from t.
                var first = t - last.ChangedAt < TimeSpan.FromDays(1)
                    ? last.ChangedAt.AddDays(1 + Exponential(random, deal.ServiceLine))
                    : t.AddDays(Exponential(random, deal.ServiceLine));
                wins += WonIn(random, first, stage, deal.OwnerRepId, deal.ServiceLine, period) ? 1 : 0;
            }

            var chance = (double)wins / runs;
            Add(open, deal.Type, chance, chance * (double)deal.Amount);
        }

        var notYetCreated = new Dictionary<OpportunityType, Expected>();
        var expansionShare = expansion ? Enumerable.Range(1, SmallCompany.Accounts).Count(a => SmallCompany.IsExpansionAccount($"a{a}")) / (double)SmallCompany.Accounts : 0;
        for (var day = t; Instants.DayOf(day) < period.End; day = day.AddDays(1))
        {
            var wins = 0;
            for (var run = 0; run < runs; run++)
            {
                var rep = $"r{1 + random.Next(4)}";
                var line = random.NextDouble() < 0.5 ? "consulting" : "software";
                var created = day.AddHours(9 + random.Next(8));
                wins += WonIn(random, created.AddDays(1 + Exponential(random, line)), 0, rep, line, period) ? 1 : 0;
            }

            var chance = dealsPerDay * wins / runs;
            Add(notYetCreated, OpportunityType.NewBusiness, chance * (1 - expansionShare), chance * (1 - expansionShare) * SmallCompany.MeanAmount);
            Add(notYetCreated, OpportunityType.Expansion, chance * expansionShare, chance * expansionShare * SmallCompany.MeanAmount);
        }

        return (open, notYetCreated);
    }

    /// <summary>Runs a deal on from the end of its current step: whether it is won inside the period.</summary>
    private static bool WonIn(Random random, DateTimeOffset stepEnds, int stage, string rep, string line, Period period)
    {
        var at = stepEnds;
        while (true)
        {
            if (random.NextDouble() >= SmallCompany.PassChance(stage, rep))
            {
                return false;
            }

            if (stage == SmallCompany.Stages.Length - 1)
            {
                return period.Contains(Instants.DayOf(at));
            }

            stage++;
            at = at.AddDays(1 + Exponential(random, line));
        }
    }

    private static double Exponential(Random random, string line) => -Math.Log(1 - random.NextDouble()) * SmallCompany.StepMeanDays(line);

    private static void Add(Dictionary<OpportunityType, Expected> to, OpportunityType type, double wins, double bookings)
    {
        var had = to.GetValueOrDefault(type);
        to[type] = new Expected(had.Wins + wins, had.Bookings + bookings);
    }
}
