using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Data;

/// <summary>
/// The view of a Dataset as it was known at an instant t: what a forecast made at t may use, so backtests cannot leak
/// later information. Events strictly before t are kept; deals open at t show their state then (<see cref="DealState"/>);
/// per-day and per-month figures are kept once their day or month is over. Plans, quotas, standards, stages, accounts
/// and settings are taken as known in advance.
/// </summary>
public static class DatasetAsOf
{
    public static Dataset AsOf(this Dataset data, DateTimeOffset t)
    {
        var historyByDeal = data.History.GroupBy(h => h.OpportunityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpportunityChange>)[.. g.OrderBy(h => h.ChangedAt)], StringComparer.Ordinal);
        var opportunities = new List<Opportunity>();
        foreach (var deal in data.Opportunities)
        {
            var state = DealState.At(deal, historyByDeal.GetValueOrDefault(deal.OpportunityId) ?? [], t, data.Settings.HistoryFallbackStage);
            if (state is null)
            {
                continue;
            }

            opportunities.Add(state.Status != OpportunityStatus.Open ? deal : deal with
            {
                Status = OpportunityStatus.Open,
                ClosedAt = null,
                LostReason = null,
                Stage = state.Stage,
                Amount = state.Amount,
                ExpectedCloseDate = state.ExpectedCloseDate,
                ForecastCategory = state.ForecastCategory,

                // The CRM's probability of a deal closed after t is its outcome: only an open deal's may stay.
                Probability = deal.ClosedAt is null ? deal.Probability : null,

                // A contract's term is signed when the deal is won: a deal still open at t has none yet.
                Contract = deal.ClosedAt is null ? deal.Contract : null,
            });
        }

        var known = opportunities.Select(o => o.OpportunityId).ToHashSet(StringComparer.Ordinal);
        bool Known(string id) => known.Contains(id);
        var today = Instants.DayOf(t);
        bool DayOver(DateOnly day) => Instants.StartOfDay(day.AddDays(1)) <= t;
        bool MonthOver(DateOnly month) => Instants.StartOfDay(month.AddMonths(1)) <= t;
        return data with
        {
            Opportunities = Same(data.Opportunities, opportunities),
            History = Kept(data.History, h => h.ChangedAt < t && Known(h.OpportunityId)),
            Reps = Mapped(data.Reps, r => r.StartDate is null || r.StartDate <= today, r => r.EndDate is { } end && end >= today ? r with { EndDate = null } : r),
            Leads = Mapped(data.Leads, l => l.CreatedAt < t, l =>
            {
                var qualified = l.QualifiedAt < t ? l.QualifiedAt : null;
                var disqualified = l.DisqualifiedAt < t ? l.DisqualifiedAt : null;
                var opportunity = l.OpportunityId is { } id && Known(id) ? id : null;
                return qualified == l.QualifiedAt && disqualified == l.DisqualifiedAt && ReferenceEquals(opportunity, l.OpportunityId)
                    ? l
                    : l with { QualifiedAt = qualified, DisqualifiedAt = disqualified, OpportunityId = opportunity };
            }),
            ActivityDays = Kept(data.ActivityDays, a => DayOver(a.Day)),
            Revenue = Kept(data.Revenue, r => MonthOver(r.Month)),
            Expenses = Kept(data.Expenses, e => MonthOver(e.Month)),
            Engagement = Kept(data.Engagement, e => e.OccurredAt < t),
        };
    }

    // A view as of now — what the dashboard and every command read by default — keeps nearly everything: the lists that
    // come through whole are the company's own, not copies (at a million deals, half a gigabyte per view and most of its
    // time). The rows are the same either way.

    private static IReadOnlyList<T> Same<T>(IReadOnlyList<T> original, List<T> view)
        where T : class
    {
        if (view.Count != original.Count)
        {
            return view;
        }

        for (var i = 0; i < view.Count; i++)
        {
            if (!ReferenceEquals(view[i], original[i]))
            {
                return view;
            }
        }

        return original;
    }

    private static IReadOnlyList<T> Kept<T>(IReadOnlyList<T> rows, Func<T, bool> keep)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (!keep(rows[i]))
            {
                var kept = new List<T>(rows.Count);
                for (var j = 0; j < rows.Count; j++)
                {
                    if (j < i || (j > i && keep(rows[j])))
                    {
                        kept.Add(rows[j]);
                    }
                }

                return kept;
            }
        }

        return rows;
    }

    private static IReadOnlyList<T> Mapped<T>(IReadOnlyList<T> rows, Func<T, bool> keep, Func<T, T> map)
        where T : class
    {
        List<T>? changed = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var mapped = keep(row) ? map(row) : null;
            if (changed is null && ReferenceEquals(mapped, row))
            {
                continue;
            }

            if (changed is null)
            {
                changed = new List<T>(rows.Count);
                for (var j = 0; j < i; j++)
                {
                    changed.Add(rows[j]);
                }
            }

            if (mapped is not null)
            {
                changed.Add(mapped);
            }
        }

        return changed ?? rows;
    }
}
