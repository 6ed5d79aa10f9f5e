using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators.Reps;

/// <summary>
/// Rep efficiency against quota in P (as of t): attainment, bands, the share at quota, the what-if of half the
/// under-quota reps reaching it, and the ranking. Sliced by the rep dimensions (rep, team, manager, rep_region).
/// </summary>
internal sealed class QuotaIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } =
        ["quota_attainment", "attainment_bands", "reps_at_quota_share", "what_if_half_under_reach_quota", "rep_ranking"];

    public override Source SourceOf(string name) => Source.Reps;

    public override Outcome[] Compute(string name, Scope s)
    {
        var of = s.Space.Map(Source.Reps).Of;
        var byGroup = new List<RepQuota>[s.Groups];
        foreach (var q in RepQuotas.Primary(s))
        {
            if (of[q.Rep] >= 0)
            {
                (byGroup[of[q.Rep]] ??= []).Add(q);
            }
        }

        var noQuota = $"no rep of the slice has a quota for {s.Period.Label}";
        return name switch
        {
            "quota_attainment" => s.Each(g => Attainment(s, byGroup[g] ?? [], noQuota)),
            "attainment_bands" => s.Each(g => Bands(s, byGroup[g] ?? [], noQuota)),
            "reps_at_quota_share" => s.Each(g =>
            {
                var rated = (byGroup[g] ?? []).Where(q => q.Attainment is not null).ToList();
                return Outcome.Ratio(rated.Count(q => q.Attainment >= 1), rated.Count, noQuota);
            }),
            "what_if_half_under_reach_quota" => s.Each(g => WhatIf(s, byGroup[g] ?? [], of, g)),
            "rep_ranking" => Ranking(s, of, byGroup),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    private static Outcome Attainment(Scope s, List<RepQuota> quotas, string noQuota)
    {
        if (quotas.Count == 0)
        {
            return Outcome.Lacking(noQuota);
        }

        var metric = quotas.Min(q => q.Metric);
        var ofMetric = quotas.Where(q => q.Metric == metric).ToList();
        var detail = new QuotaDetail
        {
            Metric = SnakeCase.Name(metric),
            Reps = [.. quotas.OrderByDescending(q => q.Attainment ?? decimal.MinValue).Select(q => q.ToDetail(s.Data.Reps, s.Data.Book))],
        };
        var quota = ofMetric.Sum(q => q.Quota);
        return quota == 0
            ? Outcome.Lacking($"the slice's {SnakeCase.Name(metric)} quotas for {s.Period.Label} add up to 0", detail)
            : Outcome.Of(Num.Ratio(ofMetric.Sum(q => q.Actual), quota), detail);
    }

    private static Outcome Bands(Scope s, List<RepQuota> quotas, string noQuota)
    {
        if (quotas.Count == 0)
        {
            return Outcome.Lacking(noQuota);
        }

        var all = quotas.OrderByDescending(q => q.Attainment ?? decimal.MinValue).Select(q => q.ToDetail(s.Data.Reps, s.Data.Book)).ToList();
        AttainmentBand Band(string band)
        {
            var reps = all.Where(r => r.Band == band).ToList();
            return new AttainmentBand { Count = reps.Count, Reps = reps };
        }

        var detail = new AttainmentBandsDetail
        {
            Over = Band("over"),
            Near = Band("near"),
            Far = Band("far"),
            ZeroQuota = [.. all.Where(r => r.Attainment is null)],
        };
        return Outcome.Of(detail.Over.Count + detail.Near.Count + detail.Far.Count, detail);
    }

    private static Outcome WhatIf(Scope s, List<RepQuota> quotas, int[] of, int g)
    {
        var bookingQuotas = quotas.Where(q => q.Metric == QuotaMetric.Bookings && q.Attainment is not null).ToList();
        if (bookingQuotas.Count == 0)
        {
            return Outcome.Lacking($"no rep of the slice has a non-zero bookings quota for {s.Period.Label}");
        }

        var under = bookingQuotas.Where(q => q.Attainment < 1)
            .OrderByDescending(q => q.Attainment).ThenBy(q => s.Data.Book.Value(Dimension.Rep, q.Rep), StringComparer.Ordinal).ToList();
        var lifted = under.Take((under.Count + 1) / 2).ToList();
        var figures = RepFigures.Of(s);
        var current = 0m;
        for (var rep = 0; rep < of.Length; rep++)
        {
            if (of[rep] == g)
            {
                current += figures.Bookings[rep];
            }
        }

        var added = lifted.Sum(q => q.Quota - q.Actual);
        return Outcome.Of(added, new WhatIfDetail
        {
            UnderQuotaReps = under.Count,
            Lifted = [.. lifted.Select(q => q.ToDetail(s.Data.Reps, s.Data.Book))],
            CurrentBookings = current,
            AddedBookings = added,
            NewTotalBookings = current + added,
        });
    }

    private static Outcome[] Ranking(Scope s, int[] of, List<RepQuota>[] byGroup)
    {
        var reps = s.Data.Reps;
        var book = s.Data.Book;
        var figures = RepFigures.Of(s);
        var ranked = new List<(RankedRep Rep, int MetricOrder)>[s.Groups];
        for (var rep = 0; rep < reps.ListedCount; rep++)
        {
            var g = of[rep];
            var quota = g >= 0 ? byGroup[g]?.FirstOrDefault(q => q.Rep == rep) : null;
            if (g < 0 || (quota is null && figures.WorkingDays[rep] == 0 && figures.WonCount[rep] + figures.LostCount[rep] == 0))
            {
                continue;
            }

            var won = figures.WonCount[rep];
            var closed = won + figures.LostCount[rep];
            (ranked[g] ??= []).Add((new RankedRep
            {
                Rank = 0,
                RepId = book.Value(Dimension.Rep, rep),
                RepName = reps.Name(rep, book),
                Attainment = quota?.Attainment,
                Metric = quota is null ? null : SnakeCase.Name(quota.Metric),
                Bookings = figures.Bookings[rep],
                WinRate = closed == 0 ? null : Num.Ratio(won, closed),
                CycleDays = won == 0 ? null : Num.Div(figures.CycleDays[rep], won),
                AvgDealSize = won == 0 ? null : Num.Money(figures.Bookings[rep] / won),
                ActivitiesPerDay = figures.WorkingDays[rep] == 0 ? null : Num.Ratio(figures.Activities[rep], figures.WorkingDays[rep]),
            }, quota?.Attainment is null ? int.MaxValue : (int)quota.Metric));
        }

        // Attainment compares reps only within one quota metric: an SDR at 300% of a meetings quota has not outsold an AE
        // at 120% of a bookings quota. So reps on a bookings quota rank first, then each other metric's reps among
        // themselves (in the metric's order), then reps without a quota — each group by attainment, then bookings.
        return s.Each(g =>
        {
            var list = (ranked[g] ?? [])
                .OrderBy(r => r.MetricOrder)
                .ThenByDescending(r => r.Rep.Attainment ?? decimal.MinValue).ThenByDescending(r => r.Rep.Bookings).ThenBy(r => r.Rep.RepId, StringComparer.Ordinal)
                .Select((r, i) => r.Rep with { Rank = i + 1 }).ToList();
            return list.Count == 0
                ? Outcome.Lacking($"no rep of the slice was active or had a quota in {s.Period.Label}")
                : Outcome.Of(list.Count, new RankingDetail { Reps = list });
        });
    }
}
