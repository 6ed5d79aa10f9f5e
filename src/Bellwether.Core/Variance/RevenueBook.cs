using Bellwether.Core.Data;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// The revenue ledger of the as-of view (months over by the instant), within a slice: each account's revenue per
/// service line over a period, and which periods are wholly known.
/// </summary>
internal sealed class RevenueBook
{
    private readonly (string Account, DateOnly Month, string Line, decimal Revenue, decimal Cogs)[] _rows;

    public RevenueBook(Dataset view, Attributes attributes, IReadOnlyDictionary<Dimension, string> filter)
    {
        _rows = [.. view.Revenue
            .Where(r => filter.All(f => f.Key == Dimension.ServiceLine
                ? f.Value == r.ServiceLine
                : attributes.OfAccount(r.AccountId, f.Key) == f.Value))
            .Select(r => (r.AccountId, r.Month, r.ServiceLine, r.Revenue, r.Cogs ?? 0))];
        LastMonth = view.Revenue.Count == 0 ? null : view.Revenue.Max(r => r.Month);
        FirstMonth = view.Revenue.Count == 0 ? null : view.Revenue.Min(r => r.Month);
    }

    /// <summary>The last month the ledger has (over by the as-of instant), or null when it is empty.</summary>
    public DateOnly? LastMonth { get; }

    public DateOnly? FirstMonth { get; }

    /// <summary>
    /// Whether the ledger can speak for the period: every month of it is over (the ledger reaches its last month) and
    /// the ledger has begun by its end (a ledger that starts inside the period reads it as the indicators do).
    /// </summary>
    public bool Holds(Period period) => FirstMonth is { } first && LastMonth is { } last && period.End > first && period.End <= last.AddMonths(1);

    /// <summary>Each account's revenue per service line over the period.</summary>
    public Dictionary<string, Dictionary<string, decimal>> ByAccount(Period period)
    {
        var result = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var row in _rows)
        {
            if (period.Contains(row.Month))
            {
                var lines = result.TryGetValue(row.Account, out var l) ? l : result[row.Account] = new Dictionary<string, decimal>(StringComparer.Ordinal);
                lines[row.Line] = lines.GetValueOrDefault(row.Line) + row.Revenue;
            }
        }

        return result;
    }

    /// <summary>Revenue and cogs (unknown cogs counting as 0, as operating_margin counts them) per service line over the period.</summary>
    public Dictionary<string, (decimal Revenue, decimal Cogs)> ByLine(Period period) => ByLine(period.Contains);

    /// <summary>Revenue and cogs per service line over the months <paramref name="holds"/> takes (unknown cogs counting as 0).</summary>
    public Dictionary<string, (decimal Revenue, decimal Cogs)> ByLine(Func<DateOnly, bool> holds)
    {
        var result = new Dictionary<string, (decimal Revenue, decimal Cogs)>(StringComparer.Ordinal);
        foreach (var row in _rows)
        {
            if (holds(row.Month))
            {
                var (revenue, cogs) = result.GetValueOrDefault(row.Line);
                result[row.Line] = (revenue + row.Revenue, cogs + row.Cogs);
            }
        }

        return result;
    }

    /// <summary>The last month the account had revenue before <paramref name="before"/>, or null.</summary>
    public DateOnly? LastRevenueMonth(string account, DateOnly before)
    {
        DateOnly? last = null;
        foreach (var row in _rows)
        {
            if (row.Account == account && row.Month < before && row.Revenue > 0 && (last is null || row.Month > last))
            {
                last = row.Month;
            }
        }

        return last;
    }
}
