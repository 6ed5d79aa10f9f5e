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
        var today = Instants.DayOf(t);
        bool DayOver(DateOnly day) => Instants.StartOfDay(day.AddDays(1)) <= t;
        bool MonthOver(DateOnly month) => Instants.StartOfDay(month.AddMonths(1)) <= t;
        return data with
        {
            Opportunities = opportunities,
            History = [.. data.History.Where(h => h.ChangedAt < t && known.Contains(h.OpportunityId))],
            Reps = [.. data.Reps.Where(r => r.StartDate is null || r.StartDate <= today)
                .Select(r => r.EndDate is { } end && end >= today ? r with { EndDate = null } : r)],
            Leads = [.. data.Leads.Where(l => l.CreatedAt < t).Select(l => l with
            {
                QualifiedAt = l.QualifiedAt < t ? l.QualifiedAt : null,
                DisqualifiedAt = l.DisqualifiedAt < t ? l.DisqualifiedAt : null,
                OpportunityId = l.OpportunityId is { } id && known.Contains(id) ? id : null,
            })],
            ActivityDays = [.. data.ActivityDays.Where(a => DayOver(a.Day))],
            Revenue = [.. data.Revenue.Where(r => MonthOver(r.Month))],
            Expenses = [.. data.Expenses.Where(e => MonthOver(e.Month))],
            Engagement = [.. data.Engagement.Where(e => e.OccurredAt < t)],
        };
    }
}
