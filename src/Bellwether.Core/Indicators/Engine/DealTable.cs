using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

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
        var opps = data.Opportunities;
        Count = opps.Count;
        var order = new int[Count];
        var closedKey = new long[Count];
        var createdKey = new long[Count];
        for (var i = 0; i < Count; i++)
        {
            order[i] = i;
            closedKey[i] = opps[i].ClosedAt?.UtcTicks ?? OpenNow;
            createdKey[i] = opps[i].CreatedAt.UtcTicks;
        }

        Array.Sort(order, (a, b) => closedKey[a] != closedKey[b] ? closedKey[a].CompareTo(closedKey[b]) : createdKey[a].CompareTo(createdKey[b]));

        Id = new string[Count];
        Created = new long[Count];
        Closed = new long[Count];
        Status = new OpportunityStatus[Count];
        Amount = new decimal[Count];
        FirstAmount = new decimal[Count];
        Expected = new int[Count];
        Probability = new double[Count];
        Stage = new int[Count];
        Rep = new int[Count];
        Account = new int[Count];
        var serviceLine = new int[Count];
        var type = new int[Count];
        var source = new int[Count];
        var indexOfId = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var o = opps[order[i]];
            Id[i] = o.OpportunityId;
            indexOfId[o.OpportunityId] = i;
            Created[i] = createdKey[order[i]];
            Closed[i] = closedKey[order[i]];
            Status[i] = o.Status;
            Amount[i] = o.Amount;
            Expected[i] = o.ExpectedCloseDate?.DayNumber ?? NoDay;

            // A closed deal's CRM probability is 1 or 0 after the fact: it may weight a deal only while it is open.
            Probability[i] = o.ClosedAt is null && o.Probability is { } p ? p : double.NaN;
            Stage[i] = stages.Code(o.Stage);
            Rep[i] = book.Code(Dimension.Rep, o.OwnerRepId);
            Account[i] = book.Code(Dimension.Account, o.AccountId);
            serviceLine[i] = book.Code(Dimension.ServiceLine, o.ServiceLine);
            type[i] = book.Code(Dimension.Type, SnakeCase.Name(o.Type));
            source[i] = book.Code(Dimension.Source, o.Source is { } s ? SnakeCase.Name(s) : null);
            if (o.Status != OpportunityStatus.Open && o.ClosedAt is null)
            {
                Closed[i] = OpenNow;
            }
        }

        IndexOf = indexOfId;
        ClosedCount = Sorted.LowerBound(Closed, OpenNow);
        ByCreated = [.. Enumerable.Range(0, Count)];
        CreatedSorted = (long[])Created.Clone();
        Array.Sort(CreatedSorted, ByCreated);

        (HistStart, HistCount, HistTicks, HistAmount, HistStage, HistExpected) = GroupHistory(data.History, indexOfId, stages);
        HasHistory = data.History.Count > 0;
        for (var i = 0; i < Count; i++)
        {
            FirstAmount[i] = HistCount[i] > 0 ? HistAmount[HistStart[i]] : Amount[i];
        }

        FirstWin = FirstWins(Count, Status, Account);
        FallbackStage = stages.Code(data.Settings.HistoryFallbackStage);

        Codes = new CodeColumns(Count, "deals");
        Codes[Dimension.ServiceLine] = serviceLine;
        Codes[Dimension.Type] = type;
        Codes[Dimension.Source] = source;
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

    private static (int[] Start, int[] Count, long[] Ticks, decimal[] Amount, int[] Stage, int[] Expected) GroupHistory(
        IReadOnlyList<OpportunityChange> history, Dictionary<string, int> indexOfId, StageBook stages)
    {
        var dealCount = indexOfId.Count;
        var count = new int[dealCount];
        var dealOfRow = new int[history.Count];
        for (var r = 0; r < history.Count; r++)
        {
            dealOfRow[r] = indexOfId.TryGetValue(history[r].OpportunityId, out var d) ? d : -1;
            if (dealOfRow[r] >= 0)
            {
                count[dealOfRow[r]]++;
            }
        }

        var start = new int[dealCount];
        for (int d = 0, sum = 0; d < dealCount; d++)
        {
            start[d] = sum;
            sum += count[d];
        }

        var total = dealCount == 0 ? 0 : start[dealCount - 1] + count[dealCount - 1];
        var ticks = new long[total];
        var amount = new decimal[total];
        var stage = new int[total];
        var expected = new int[total];
        var fill = (int[])start.Clone();
        for (var r = 0; r < history.Count; r++)
        {
            var d = dealOfRow[r];
            if (d < 0)
            {
                continue;
            }

            var h = history[r];
            var at = fill[d]++;
            ticks[at] = h.ChangedAt.UtcTicks;
            amount[at] = h.Amount;
            stage[at] = stages.Code(h.Stage);
            expected[at] = h.ExpectedCloseDate?.DayNumber ?? NoDay;
        }

        // Rows arrive ordered by deal and changed_at; sort each deal's rows in case they did not.
        for (var d = 0; d < dealCount; d++)
        {
            if (count[d] > 1 && !IsSorted(ticks, start[d], count[d]))
            {
                var keys = ticks.AsSpan(start[d], count[d]).ToArray();
                var idx = Enumerable.Range(0, count[d]).ToArray();
                Array.Sort(keys, idx);
                var a = idx.Select(k => amount[start[d] + k]).ToArray();
                var s = idx.Select(k => stage[start[d] + k]).ToArray();
                var e = idx.Select(k => expected[start[d] + k]).ToArray();
                keys.CopyTo(ticks, start[d]);
                a.CopyTo(amount, start[d]);
                s.CopyTo(stage, start[d]);
                e.CopyTo(expected, start[d]);
            }
        }

        return (start, count, ticks, amount, stage, expected);
    }

    private static bool IsSorted(long[] values, int start, int count)
    {
        for (var k = start + 1; k < start + count; k++)
        {
            if (values[k] < values[k - 1])
            {
                return false;
            }
        }

        return true;
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
