using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Reps;

/// <summary>A rep's quota for P in one metric and what they did against it.</summary>
internal sealed record RepQuota(int Rep, QuotaMetric Metric, decimal Quota, decimal Actual)
{
    /// <summary>Actual / quota; null for a zero quota.</summary>
    public decimal? Attainment => Quota == 0 ? null : Num.Ratio(Actual, Quota);

    public static string? Band(decimal? attainment) => attainment switch
    {
        null => null,
        >= 1m => "over",
        >= 0.7m => "near",
        _ => "far",
    };

    public RepAttainment ToDetail(RepTable reps, Codebook book) => new()
    {
        RepId = book.Value(Dimension.Rep, Rep),
        RepName = reps.Name(Rep, book),
        Metric = SnakeCase.Name(Metric),
        Actual = Actual,
        Quota = Quota,
        Attainment = Attainment,
        Band = Band(Attainment),
        Note = Quota == 0 ? "quota is 0" : null,
    };
}

/// <summary>
/// Quotas for a period: per rep and metric, the quotas of the one grain closest to P's that overlaps it (P's own grain;
/// else the coarsest finer grain, summed; else the finest coarser grain), each weighted by the share of its days inside
/// P, so shorter quotas are summed and a longer one is prorated by days. A rep's primary metric is bookings when they
/// have a bookings quota, else their first other metric.
/// </summary>
internal static class RepQuotas
{
    public static RepQuota[] Primary(Scope s) => s.Memo($"quotas:{s.Start}:{s.End}", () =>
    {
        var parsed = s.Data.Quotas;
        var figures = RepFigures.Of(s);
        var result = new List<RepQuota>();
        foreach (var byRep in parsed.Where(q => q.Period.Overlaps(s.Period.Start, s.Period.End)).GroupBy(q => q.Rep))
        {
            var metric = byRep.Min(q => q.Metric);
            var candidates = byRep.Where(q => q.Metric == metric).ToList();
            var grain = ChooseGrain(candidates.Select(q => q.Period.Grain).Distinct().ToList(), s.Period.Grain);
            var amount = candidates.Where(q => q.Period.Grain == grain).Sum(q => q.Amount * Overlap(q.Period, s.Period) / q.Period.Days);
            var actual = metric switch
            {
                QuotaMetric.Bookings => figures.Bookings[byRep.Key],
                QuotaMetric.NewPipeline => figures.NewPipeline[byRep.Key],
                QuotaMetric.Meetings => figures.Meetings[byRep.Key],
                _ => figures.NewDeals[byRep.Key],
            };
            result.Add(new RepQuota(byRep.Key, metric, Num.Money(amount), actual));
        }

        return result.ToArray();
    });

    private static Grain ChooseGrain(List<Grain> grains, Grain wanted)
    {
        if (grains.Contains(wanted))
        {
            return wanted;
        }

        var finer = grains.Where(g => g < wanted).ToList();
        return finer.Count > 0 ? finer.Max() : grains.Min();
    }

    private static decimal Overlap(Period a, Period b) =>
        Math.Max(0, Math.Min(a.End.DayNumber, b.End.DayNumber) - Math.Max(a.Start.DayNumber, b.Start.DayNumber));
}

/// <summary>A quotas.csv row read with the company's calendar, by rep code.</summary>
internal readonly record struct ParsedQuota(int Rep, Period Period, decimal Amount, QuotaMetric Metric);
