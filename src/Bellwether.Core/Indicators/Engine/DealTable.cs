using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Opportunities in columns, sorted by closed_at (deals still open last, each group by created_at), so that "closed in
/// P" is a contiguous range found by binary search; <see cref="ByCreated"/> orders them by created_at for "created in
/// P". History rows are grouped per deal, each deal's rows by changed_at, so a deal's state at t is a binary search.
/// Instants are UTC ticks.
/// </summary>
internal sealed class DealTable
{
    /// <summary><see cref="Closed"/> of a deal that is open now.</summary>
    public const long OpenNow = long.MaxValue;

    /// <summary>A missing date (expected_close_date).</summary>
    public const int NoDay = int.MinValue;

    public DealTable(Dataset data, Codebook book, StageBook stages)
    {
        // Read every deal once, in the given order; then sort by closed_at (then created_at) and gather the columns.
        var opps = data.Opportunities;
        Count = opps.Count;
        var created = new long[Count];
        var closed = new long[Count];
        var status = new OpportunityStatus[Count];
        var amount = new decimal[Count];
        var expected = new int[Count];
        var probability = new double[Count];
        var stage = new int[Count];
        var rep = new int[Count];
        var account = new int[Count];
        var serviceLine = new int[Count];
        var type = new int[Count];
        var source = new int[Count];
        var id = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            var o = opps[i];
            id[i] = o.OpportunityId;
            created[i] = o.CreatedAt.UtcTicks;
            closed[i] = o.Status != OpportunityStatus.Open && o.ClosedAt is { } c ? c.UtcTicks : OpenNow;
            status[i] = closed[i] == OpenNow ? OpportunityStatus.Open : o.Status;
            amount[i] = o.Amount;
            expected[i] = o.ExpectedCloseDate?.DayNumber ?? NoDay;

            // A closed deal's CRM probability is 1 or 0 after the fact: it may weight a deal only while it is open.
            probability[i] = closed[i] == OpenNow && o.Probability is { } p ? p : double.NaN;
            stage[i] = stages.Code(o.Stage);
            rep[i] = book.Code(Dimension.Rep, o.OwnerRepId);
            account[i] = book.Code(Dimension.Account, o.AccountId);
            serviceLine[i] = book.Code(Dimension.ServiceLine, o.ServiceLine);
            type[i] = (int)o.Type;
            source[i] = o.Source is { } s ? (int)s : book.Code(Dimension.Source, null);
        }

        var (histStart, histCount, histTicks, histAmount, histStage, histExpected) = GroupHistory(data.History, id, stages);

        Closed = (long[])closed.Clone();
        var order = Order.By(Closed, created);
        Id = Order.Gather(id, order);
        Created = Order.Gather(created, order);
        Status = Order.Gather(status, order);
        Amount = Order.Gather(amount, order);
        Expected = Order.Gather(expected, order);
        Probability = Order.Gather(probability, order);
        Stage = Order.Gather(stage, order);
        Rep = Order.Gather(rep, order);
        Account = Order.Gather(account, order);
        HistStart = Order.Gather(histStart, order);
        HistCount = Order.Gather(histCount, order);
        (HistTicks, HistAmount, HistStage, HistExpected) = (histTicks, histAmount, histStage, histExpected);
        var indexOfId = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            indexOfId[Id[i]] = i;
        }

        IndexOf = indexOfId;
        ClosedCount = Sorted.LowerBound(Closed, OpenNow);
        CreatedSorted = (long[])Created.Clone();
        ByCreated = Order.By(CreatedSorted);
        HasHistory = data.History.Count > 0;
        FirstAmount = new decimal[Count];
        for (var i = 0; i < Count; i++)
        {
            FirstAmount[i] = HistCount[i] > 0 ? HistAmount[HistStart[i]] : Amount[i];
        }

        FirstWin = FirstWins(Count, Status, Account);
        FallbackStage = stages.Code(data.Settings.HistoryFallbackStage);

        Codes = new CodeColumns(Count, "deals");
        Codes[Dimension.ServiceLine] = Order.Gather(serviceLine, order);
        Codes[Dimension.Type] = Order.Gather(type, order);
        Codes[Dimension.Source] = Order.Gather(source, order);
        var channel = new int[Count];
        Array.Fill(channel, book.Code(Dimension.Channel, null));
        foreach (var lead in data.Leads)
        {
            if (lead.OpportunityId is { } oid && indexOfId.TryGetValue(oid, out var d))
            {
                channel[d] = book.Code(Dimension.Channel, lead.Channel);
            }
        }

        Codes[Dimension.Channel] = channel;
    }

    public int Count { get; }

    /// <summary>Deals closed now (won or lost) are rows 0 to ClosedCount − 1.</summary>
    public int ClosedCount { get; }

    public string[] Id { get; }

    public IReadOnlyDictionary<string, int> IndexOf { get; }

    public long[] Created { get; }

    /// <summary>closed_at in ticks, ascending; <see cref="OpenNow"/> for deals open now.</summary>
    public long[] Closed { get; }

    public OpportunityStatus[] Status { get; }

    /// <summary>Current amount: for won deals the booked value.</summary>
    public decimal[] Amount { get; }

    /// <summary>The amount as first recorded: the earliest history row's, else the current amount.</summary>
    public decimal[] FirstAmount { get; }

    /// <summary>Current expected_close_date as a day number, or <see cref="NoDay"/>.</summary>
    public int[] Expected { get; }

    /// <summary>The CRM's probability for deals open now; NaN otherwise.</summary>
    public double[] Probability { get; }

    public int[] Stage { get; }

    public int[] Rep { get; }

    public int[] Account { get; }

    /// <summary>True for the deal that is its account's first win (earliest closed_at), which makes a new logo.</summary>
    public bool[] FirstWin { get; }

    /// <summary>Row numbers in created_at order, and the created_at ticks in that order.</summary>
    public int[] ByCreated { get; }

    public long[] CreatedSorted { get; }

    public bool HasHistory { get; }

    public int[] HistStart { get; }

    public int[] HistCount { get; }

    public long[] HistTicks { get; }

    public decimal[] HistAmount { get; }

    public int[] HistStage { get; }

    public int[] HistExpected { get; }

    public int FallbackStage { get; }

    public CodeColumns Codes { get; }

    /// <summary>Open at t: created before t and not closed before t.</summary>
    public bool IsOpenAt(int i, long t) => Created[i] < t && Closed[i] >= t;

    /// <summary>
    /// The deal's state as of t (its last history row with changed_at &lt; t). Before its first row: the fallback stage
    /// with the earliest row's amount and expected date. Without any history: a deal open now shows its current state;
    /// one closed now shows the fallback stage, its current amount and no expected date (the current one was set at or
    /// after closing). Mirrors <see cref="DealState.At"/>.
    /// </summary>
    public (int Stage, decimal Amount, int Expected) StateAt(int i, long t)
    {
        var count = HistCount[i];
        if (count == 0)
        {
            return Closed[i] == OpenNow ? (Stage[i], Amount[i], Expected[i]) : (FallbackStage, Amount[i], NoDay);
        }

        var start = HistStart[i];
        var k = Sorted.LowerBound(HistTicks, start, start + count, t) - 1;
        return k < start ? (FallbackStage, HistAmount[start], HistExpected[start]) : (HistStage[k], HistAmount[k], HistExpected[k]);
    }

    /// <summary>
    /// History rows in columns, with each deal's (by its given position) start and count. Rows come grouped by deal and
    /// ordered by changed_at, so each deal's rows are one run and are used where they lie; rows that do not come so
    /// are regrouped first.
    /// </summary>
    private static (int[] Start, int[] Count, long[] Ticks, decimal[] Amount, int[] Stage, int[] Expected) GroupHistory(
        IReadOnlyList<OpportunityChange> history, string[] dealIds, StageBook stages)
    {
        var positionOf = new Dictionary<string, int>(dealIds.Length, StringComparer.Ordinal);
        for (var i = 0; i < dealIds.Length; i++)
        {
            positionOf[dealIds[i]] = i;
        }

        var rows = history.Count;
        var dealOf = new int[rows];
        var ticks = new long[rows];
        var amount = new decimal[rows];
        var stage = new int[rows];
        var expected = new int[rows];
        string? lastId = null;
        var lastDeal = -1;
        string? lastStage = null;
        var lastStageCode = -1;
        for (var r = 0; r < rows; r++)
        {
            var h = history[r];
            if (!string.Equals(h.OpportunityId, lastId, StringComparison.Ordinal))
            {
                lastId = h.OpportunityId;
                lastDeal = positionOf.TryGetValue(lastId, out var d) ? d : -1;
            }

            if (!ReferenceEquals(h.Stage, lastStage))
            {
                lastStage = h.Stage;
                lastStageCode = stages.Code(lastStage);
            }

            dealOf[r] = lastDeal;
            ticks[r] = h.ChangedAt.UtcTicks;
            amount[r] = h.Amount;
            stage[r] = lastStageCode;
            expected[r] = h.ExpectedCloseDate?.DayNumber ?? NoDay;
        }

        var start = new int[dealIds.Length];
        var count = new int[dealIds.Length];
        var grouped = true;
        for (var r = 0; r < rows && grouped; r++)
        {
            var d = dealOf[r];
            if (d < 0)
            {
                continue;
            }

            if (count[d] == 0)
            {
                start[d] = r;
            }
            else if (start[d] + count[d] != r || ticks[r] < ticks[r - 1])
            {
                grouped = false;
            }

            count[d]++;
        }

        if (grouped)
        {
            return (start, count, ticks, amount, stage, expected);
        }

        // Regroup: order rows by (deal, changed_at); rows of unknown deals go last, unused.
        var key = new long[rows];
        for (var r = 0; r < rows; r++)
        {
            key[r] = dealOf[r] < 0 ? long.MaxValue : dealOf[r];
        }

        var order = Order.By(key, ticks);
        Array.Clear(count);
        for (var k = 0; k < rows; k++)
        {
            var d = dealOf[order[k]];
            if (d >= 0)
            {
                if (count[d] == 0)
                {
                    start[d] = k;
                }

                count[d]++;
            }
        }

        return (start, count, Order.Gather(ticks, order), Order.Gather(amount, order), Order.Gather(stage, order), Order.Gather(expected, order));
    }

    private static bool[] FirstWins(int count, OpportunityStatus[] status, int[] account)
    {
        // Rows are in closed_at order, so the first won row seen for an account is its first win.
        var result = new bool[count];
        var seen = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            if (status[i] == OpportunityStatus.Won && seen.Add(account[i]))
            {
                result[i] = true;
            }
        }

        return result;
    }
}
