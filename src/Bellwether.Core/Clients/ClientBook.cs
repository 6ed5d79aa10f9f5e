using System.Numerics;
using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// What was known of each client at an instant, kept as one compact row per account and month: recognised revenue
/// (the total and which service lines) and engagement (meetings, QBRs, NPS and CSAT answers, support tickets, usage
/// readings). Only revenue of months over by the instant and events strictly before it are read, so nothing later can
/// reach a score. Rows are stored account by account, each account's months contiguous from its first month with data
/// to its last (columns of arrays, not objects): a company with a million deals keeps a few million small rows.
/// </summary>
internal sealed class ClientBook
{
    /// <summary>Service lines with a bit of their own; any further lines share the last bit.</summary>
    private const int OwnLineBits = 63;

    private readonly Dictionary<string, int> _indexOf;
    private readonly int[] _firstMonth;
    private readonly int[] _offset;
    private readonly int[] _length;

    private ClientBook(Dataset data, DateTimeOffset asOf)
    {
        AsOf = asOf;
        var day = Instants.DayOf(asOf);
        RevenueEnd = MonthIndex.Of(day);
        EventEnd = Instants.StartOfDay(MonthIndex.Start(RevenueEnd)) == asOf ? RevenueEnd : RevenueEnd + 1;
        Accounts = data.Accounts;
        _indexOf = new Dictionary<string, int>(data.Accounts.Count, StringComparer.Ordinal);
        for (var i = 0; i < data.Accounts.Count; i++)
        {
            _indexOf[data.Accounts[i].AccountId] = i;
        }

        // Ranked by revenue known at the instant only: a line's code must not depend on what it billed later.
        LineNames = [.. data.Revenue.Where(r => MonthIndex.Of(r.Month) < RevenueEnd).GroupBy(r => r.ServiceLine, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(r => r.Revenue)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key)];
        var bitOf = LineNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => Math.Min(x.i, OwnLineBits), StringComparer.Ordinal);

        var n = data.Accounts.Count;
        _firstMonth = new int[n];
        var lastMonth = new int[n];
        Array.Fill(_firstMonth, int.MaxValue);
        Array.Fill(lastMonth, int.MinValue);
        void See(int account, int month)
        {
            _firstMonth[account] = Math.Min(_firstMonth[account], month);
            lastMonth[account] = Math.Max(lastMonth[account], month);
        }

        var firstRevenue = int.MaxValue;
        ForEachKnown(
            data,
            (a, r) =>
            {
                See(a, MonthIndex.Of(r.Month));
                firstRevenue = Math.Min(firstRevenue, MonthIndex.Of(r.Month));
            },
            (a, e) => See(a, MonthIndex.Of(Instants.DayOf(e.OccurredAt))));
        FirstRevenueMonth = firstRevenue;
        _offset = new int[n];
        _length = new int[n];
        var cells = 0;
        var withData = new List<int>();
        for (var a = 0; a < n; a++)
        {
            _offset[a] = cells;
            _length[a] = lastMonth[a] >= _firstMonth[a] ? lastMonth[a] - _firstMonth[a] + 1 : 0;
            cells += _length[a];
            if (_length[a] > 0)
            {
                withData.Add(a);
            }
        }

        WithData = withData;

        Deals = new ClientDeals(data, asOf, _indexOf, bitOf);
        Cells = new ClientMonths(cells);
        ForEachKnown(
            data,
            (a, r) =>
            {
                var c = Cell(a, MonthIndex.Of(r.Month));
                Cells.Revenue[c] += (double)r.Revenue;
                if (r.Revenue > 0)
                {
                    Cells.Lines[c] |= 1UL << bitOf[r.ServiceLine];
                }
            },
            (a, e) => Cells.Add(Cell(a, MonthIndex.Of(Instants.DayOf(e.OccurredAt))), e.Kind, e.Value, Instants.DayOf(e.OccurredAt).DayNumber));
    }

    /// <summary>The instant of knowledge: revenue of months over by it, events strictly before it.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The first month (index) whose revenue is not known: months before it are over.</summary>
    public int RevenueEnd { get; }

    /// <summary>The first month (index) without events: <see cref="RevenueEnd"/>, or the month after it when the instant falls inside that month (its events so far count).</summary>
    public int EventEnd { get; }

    /// <summary>The first month (index) of any known revenue, or <see cref="int.MaxValue"/> when there is none.</summary>
    public int FirstRevenueMonth { get; }

    public IReadOnlyList<Account> Accounts { get; }

    /// <summary>The accounts (indexes) with any revenue or event known: the only ones a client model can say anything of.</summary>
    public IReadOnlyList<int> WithData { get; }

    /// <summary>Service lines by code: the line with most revenue first. Lines past the 63rd share the last bit.</summary>
    public IReadOnlyList<string> LineNames { get; }

    public ClientMonths Cells { get; }

    /// <summary>The accounts' new-business and expansion deals as they stood at the instant.</summary>
    public ClientDeals Deals { get; }

    /// <summary>The name of a line's bit; the last bit, when more lines share it, is "other service lines".</summary>
    public string LineName(int bit) => bit < OwnLineBits || LineNames.Count <= OwnLineBits + 1 ? LineNames[bit] : "other service lines";

    public static ClientBook Build(Dataset data, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ClientBook(data, asOf);
    }

    public int IndexOf(string accountId) => _indexOf.TryGetValue(accountId, out var i) ? i : -1;

    /// <summary>The account's first month with any data, or <see cref="int.MaxValue"/> when it has none.</summary>
    public int FirstMonth(int account) => _firstMonth[account];

    /// <summary>Σ over months [from, to) of a per-month figure of the account.</summary>
    public double Sum(int account, int from, int to, Func<ClientMonths, int, double> figure)
    {
        var total = 0.0;
        foreach (var c in CellsIn(account, from, to))
        {
            total += figure(Cells, c);
        }

        return total;
    }

    public double Revenue(int account, int from, int to) => Sum(account, from, to, static (m, c) => m.Revenue[c]);

    /// <summary>The service lines (as bits of <see cref="LineNames"/> codes) with revenue in months [from, to).</summary>
    public ulong Lines(int account, int from, int to)
    {
        var lines = 0UL;
        foreach (var c in CellsIn(account, from, to))
        {
            lines |= Cells.Lines[c];
        }

        return lines;
    }

    public static int LineCount(ulong lines) => BitOperations.PopCount(lines);

    /// <summary>The cell of an account's month (which must lie within its span).</summary>
    public int Cell(int account, int month) => _offset[account] + month - _firstMonth[account];

    /// <summary>The cells of the account's months within [from, to), oldest first.</summary>
    public CellRange CellsIn(int account, int from, int to)
    {
        var first = Math.Max(from, _firstMonth[account]);
        var end = Math.Min(to, _firstMonth[account] + _length[account]);
        return end > first ? new CellRange(_offset[account] + first - _firstMonth[account], end - first) : default;
    }

    /// <summary>Revenue of months over by the instant and events before it, each with its account's index.</summary>
    private void ForEachKnown(Dataset data, Action<int, Finance.RevenueLine> revenue, Action<int, EngagementSignal> engagement)
    {
        foreach (var r in data.Revenue)
        {
            if (MonthIndex.Of(r.Month) < RevenueEnd && _indexOf.TryGetValue(r.AccountId, out var a))
            {
                revenue(a, r);
            }
        }

        foreach (var e in data.Engagement)
        {
            if (e.OccurredAt < AsOf && _indexOf.TryGetValue(e.AccountId, out var a))
            {
                engagement(a, e);
            }
        }
    }
}

/// <summary>A run of consecutive cells of one account, oldest month first.</summary>
internal readonly record struct CellRange(int Start, int Count)
{
    public int this[int i] => Start + i;

    public Enumerator GetEnumerator() => new(Start, Start + Count);

    public struct Enumerator(int start, int end)
    {
        private int _next = start - 1;

        public readonly int Current => _next;

        public bool MoveNext() => ++_next < end;
    }
}
