using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// Deal flow per slice over a window of the as-of view (deals closed after the instant are open in it, deals created
/// after it absent), for the new-business identity: what was open at the window's start, what was created in it, what
/// of each closed and was won, what slipped, and — for the rest of an unfinished period — what closed after a cut.
/// </summary>
internal sealed class DealFlow
{
    private const decimal TicksPerDay = TimeSpan.TicksPerDay;

    private readonly (Opportunity Deal, string Slice)[] _deals;
    private readonly Dictionary<string, IReadOnlyList<OpportunityChange>> _history;
    private readonly string _fallbackStage;

    /// <param name="view">The data as known at the as-of instant.</param>
    /// <param name="attributes">Dimension values of deals.</param>
    /// <param name="filter">The fixed slice.</param>
    /// <param name="by">The dimension to split by, or null for one slice (keyed "").</param>
    public DealFlow(Dataset view, Attributes attributes, IReadOnlyDictionary<Dimension, string> filter, Dimension? by)
    {
        _deals = [.. view.Opportunities
            .Where(o => attributes.DealIn(o, filter))
            .Select(o => (o, by is { } d ? attributes.OfDeal(o, d) : ""))];
        _history = view.History.GroupBy(h => h.OpportunityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<OpportunityChange>)[.. g.OrderBy(h => h.ChangedAt)], StringComparer.Ordinal);
        _fallbackStage = view.Settings.HistoryFallbackStage;
    }

    /// <summary>Whether any deal of the slice was created before the instant (so a window there has data).</summary>
    public bool HasDataBefore(DateTimeOffset instant) => _deals.Any(d => d.Deal.CreatedAt < instant);

    /// <summary>
    /// The flow of each slice over the window from <paramref name="period"/>'s start to <paramref name="end"/> (the
    /// period's end, or an earlier cut for the part of an unfinished period that is over), and from the cut to the
    /// period's end what was won after it. Slices without any deal in play are left out.
    /// </summary>
    public Dictionary<string, FlowFacts> Window(Period period, DateTimeOffset end)
    {
        var start = period.StartInstant;
        var periodEnd = period.EndInstant;
        var cut = end < periodEnd ? end : periodEnd;
        var restFrom = cut > start ? cut : start;
        var result = new Dictionary<string, FlowFacts>(StringComparer.Ordinal);
        FlowFacts Of(string slice) => result.TryGetValue(slice, out var f) ? f : result[slice] = new FlowFacts();
        foreach (var (deal, slice) in _deals)
        {
            var closed = deal.Status != OpportunityStatus.Open ? deal.ClosedAt : null;
            var won = deal.Status == OpportunityStatus.Won;
            var fromStart = deal.CreatedAt < start && (closed is null || closed >= start);
            var fromNew = deal.CreatedAt >= start && deal.CreatedAt < cut;
            var closedInWindow = closed is { } c && c >= start && c < cut;
            if (fromStart)
            {
                var f = Of(slice);
                f.StartPool++;
                if (closedInWindow)
                {
                    f.StartClosed++;
                    if (won)
                    {
                        f.StartWon++;
                        f.StartBooked += deal.Amount;
                    }
                }
                else if (cut == periodEnd && Expected(deal, start) is { } expected && period.Contains(expected))
                {
                    f.Slipped++;
                    f.SlippedAmount += deal.Amount;
                }
            }
            else if (fromNew)
            {
                var f = Of(slice);
                f.NewPool++;
                if (closedInWindow)
                {
                    f.NewClosed++;
                    if (won)
                    {
                        f.NewWon++;
                        f.NewBooked += deal.Amount;
                    }
                }
            }

            if (closedInWindow && won)
            {
                Of(slice).WonCycleDays += (closed!.Value.UtcTicks - deal.CreatedAt.UtcTicks) / TicksPerDay;
            }

            if (won && closed is { } later && later >= restFrom && later < periodEnd)
            {
                var f = Of(slice);
                if (deal.CreatedAt < cut)
                {
                    f.RestFromOpen += deal.Amount;
                }
                else
                {
                    f.RestFromNew += deal.Amount;
                }
            }
        }

        return result;
    }

    /// <summary>The deal's expected close date as known at the instant (from its history), or null.</summary>
    private DateOnly? Expected(Opportunity deal, DateTimeOffset at) =>
        DealState.At(deal, _history.GetValueOrDefault(deal.OpportunityId) ?? [], at, _fallbackStage)?.ExpectedCloseDate;
}
