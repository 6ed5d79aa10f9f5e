using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Tests.Forecasting;

/// <summary>
/// A dataset cut by hand at an instant, independently of <c>DatasetAsOf</c>: what a company's files would have held
/// had they been exported then. Deals created later are gone; deals closed later are open again, at their last history
/// row before the instant; later history rows, months not over and later leads are gone.
/// </summary>
internal static class Truncate
{
    public static Dataset At(Dataset data, DateTimeOffset t)
    {
        var history = data.History.Where(h => h.ChangedAt < t).ToList();
        var last = history.GroupBy(h => h.OpportunityId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.ChangedAt).Last());
        var deals = new List<Opportunity>();
        foreach (var deal in data.Opportunities.Where(o => o.CreatedAt < t))
        {
            if (deal.ClosedAt is { } closed && closed < t)
            {
                deals.Add(deal);
                continue;
            }

            var state = last[deal.OpportunityId];
            deals.Add(deal with
            {
                Status = OpportunityStatus.Open,
                ClosedAt = null,
                LostReason = null,
                Stage = state.Stage,
                Amount = state.Amount,
                ExpectedCloseDate = state.ExpectedCloseDate,
            });
        }

        var monthOver = (DateOnly month) => new DateTimeOffset(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= t;
        return data with
        {
            Opportunities = deals,
            History = history,
            Revenue = [.. data.Revenue.Where(r => monthOver(r.Month))],
            Expenses = [.. data.Expenses.Where(e => monthOver(e.Month))],
            Leads = [.. data.Leads.Where(l => l.CreatedAt < t)],
        };
    }
}
