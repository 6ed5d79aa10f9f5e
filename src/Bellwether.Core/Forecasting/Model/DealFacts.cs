using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Every deal of an as-of view in columns: when it was created and closed (day numbers), its state at the instant, its
/// history rows before the instant, and its value of every dimension a forecast can be sliced by. Built from
/// <c>dataset.AsOf(t)</c> only, so nothing here can come from after t.
/// </summary>
internal sealed class DealFacts
{
    public const int NoDay = int.MinValue;

    private static readonly Dimension[] DealDimensions =
    [
        Dimension.Rep, Dimension.Team, Dimension.Manager, Dimension.RepRegion, Dimension.Account, Dimension.Vertical,
        Dimension.AccountRegion, Dimension.ServiceLine, Dimension.Type, Dimension.Source, Dimension.Channel,
    ];

    private readonly int[]?[] _columns = new int[]?[Enum.GetValues<Dimension>().Length];
    private readonly Levels[] _levels = [.. Enum.GetValues<Dimension>().Select(_ => new Levels())];

    /// <param name="data">The as-of view.</param>
    /// <param name="t">The as-of instant.</param>
    /// <param name="virtualDeals">Deals expected but not yet created (pending renewals), kept after the real ones.</param>
    public DealFacts(Dataset data, DateTimeOffset t, IReadOnlyList<Opportunity>? virtualDeals = null)
    {
        var deals = data.Opportunities.Where(o => o.CreatedAt < t).OrderBy(o => o.CreatedAt).ThenBy(o => o.OpportunityId, StringComparer.Ordinal).ToList();
        RealCount = deals.Count;
        deals.AddRange(virtualDeals ?? []);
        Count = deals.Count;
        Reps = data.Reps.GroupBy(r => r.RepId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var accounts = data.Accounts.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        FallbackStage = Stages.Code(data.Settings.HistoryFallbackStage);
        foreach (var stage in data.Stages.OrderBy(s => s.Order))
        {
            Stages.Code(stage.Name);
        }

        Id = new string[Count];
        CreatedTicks = new long[Count];
        CreatedDay = new int[Count];
        ClosedDay = new int[Count];
        ClosedTicks = new long[Count];
        Status = new OpportunityStatus[Count];
        Amount = new decimal[Count];
        Stage = new int[Count];
        Expected = new int[Count];
        FirstWin = new bool[Count];
        foreach (var dimension in DealDimensions)
        {
            _columns[(int)dimension] = new int[Count];
        }

        // Enumerations take the enum's own numbering, so that a type's code is the enum value cast to int.
        foreach (var type in Enum.GetValues<OpportunityType>())
        {
            LevelsOf(Dimension.Type).Code(SnakeCase.Name(type));
        }

        foreach (var source in Enum.GetValues<Leads.LeadSource>())
        {
            LevelsOf(Dimension.Source).Code(SnakeCase.Name(source));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var o = deals[i];
            index[o.OpportunityId] = i;
            Id[i] = o.OpportunityId;
            CreatedTicks[i] = o.CreatedAt.UtcTicks;
            CreatedDay[i] = Instants.DayOf(o.CreatedAt).DayNumber;
            var closedBefore = i < RealCount && o.Status != OpportunityStatus.Open && o.ClosedAt is { } c && c < t;
            Status[i] = closedBefore ? o.Status : OpportunityStatus.Open;
            ClosedTicks[i] = closedBefore ? o.ClosedAt!.Value.UtcTicks : long.MaxValue;
            ClosedDay[i] = closedBefore ? Instants.DayOf(o.ClosedAt!.Value).DayNumber : NoDay;
            Amount[i] = o.Amount;
            Stage[i] = Stages.Code(o.Stage);
            Expected[i] = o.ExpectedCloseDate?.DayNumber ?? NoDay;
            var rep = Reps.GetValueOrDefault(o.OwnerRepId);
            var account = accounts.GetValueOrDefault(o.AccountId);
            Set(Dimension.Rep, i, o.OwnerRepId);
            Set(Dimension.Team, i, rep?.Team);
            Set(Dimension.Manager, i, rep?.ManagerId);
            Set(Dimension.RepRegion, i, rep?.Region);
            Set(Dimension.Account, i, o.AccountId);
            Set(Dimension.Vertical, i, account?.Vertical ?? Account.UnknownVertical);
            Set(Dimension.AccountRegion, i, account?.Region);
            Set(Dimension.ServiceLine, i, o.ServiceLine);
            Set(Dimension.Type, i, SnakeCase.Name(o.Type));
            Set(Dimension.Source, i, o.Source is { } s ? SnakeCase.Name(s) : null);
            Set(Dimension.Channel, i, null);
        }

        foreach (var lead in data.Leads)
        {
            if (lead.OpportunityId is { } id && index.TryGetValue(id, out var i))
            {
                Set(Dimension.Channel, i, lead.Channel);
            }
        }

        // First wins: in closed order, the first won deal of each account.
        var seen = new HashSet<int>();
        foreach (var i in Enumerable.Range(0, Count).Where(i => Status[i] == OpportunityStatus.Won).OrderBy(i => ClosedTicks[i]))
        {
            FirstWin[i] = seen.Add(Column(Dimension.Account)[i]);
        }

        (HistStart, HistCount, History) = GroupHistory(data.History, index, t);
        HasHistory = History.Length > 0;
    }

    /// <summary>All deals: the real ones known at t, then the virtual ones.</summary>
    public int Count { get; }

    /// <summary>Deals known at t; indices from here to <see cref="Count"/> are virtual (expected, not yet created).</summary>
    public int RealCount { get; }

    public bool IsVirtual(int deal) => deal >= RealCount;

    public IReadOnlyDictionary<string, Rep> Reps { get; }

    /// <summary>Stage names: the fallback stage first, then stages.csv's in order, then any other seen.</summary>
    public Levels Stages { get; } = new();

    public int FallbackStage { get; }

    public string[] Id { get; }

    public long[] CreatedTicks { get; }

    public int[] CreatedDay { get; }

    /// <summary>The day the deal closed, when it closed before t; <see cref="NoDay"/> while open at t.</summary>
    public int[] ClosedDay { get; }

    /// <summary>closed_at in ticks when closed before t; long.MaxValue while open at t.</summary>
    public long[] ClosedTicks { get; }

    /// <summary>Won or lost when closed before t, else open.</summary>
    public OpportunityStatus[] Status { get; }

    /// <summary>The amount as known at t (for won deals, the booked value).</summary>
    public decimal[] Amount { get; }

    /// <summary>The stage as known at t.</summary>
    public int[] Stage { get; }

    /// <summary>The expected close date as known at t (day number), or <see cref="NoDay"/>.</summary>
    public int[] Expected { get; }

    /// <summary>Whether the won deal is its account's first win.</summary>
    public bool[] FirstWin { get; }

    public bool HasHistory { get; }

    /// <summary>Each deal's first row in <see cref="History"/>.</summary>
    public int[] HistStart { get; }

    public int[] HistCount { get; }

    /// <summary>History rows before t, grouped by deal in the deals' order and then by changed_at.</summary>
    public HistoryRow[] History { get; }

    public bool IsOpen(int i) => Status[i] == OpportunityStatus.Open;

    /// <summary>The deals' codes for a dimension (null for dimensions deals do not have, such as activity_type).</summary>
    public int[]? Codes(Dimension dimension) => _columns[(int)dimension];

    public int[] Column(Dimension dimension) => _columns[(int)dimension] ?? throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Deals are not sliced by this dimension.");

    public Levels LevelsOf(Dimension dimension) => _levels[(int)dimension];

    public string Value(Dimension dimension, int deal) => _levels[(int)dimension].Value(Column(dimension)[deal]);

    private void Set(Dimension dimension, int deal, string? value) => _columns[(int)dimension]![deal] = _levels[(int)dimension].Code(value);

    /// <summary>
    /// Each deal's history rows before t, in one array grouped by deal (a counting sort: no list per deal), each deal's
    /// rows in time order.
    /// </summary>
    private (int[] Start, int[] Count, HistoryRow[] Rows) GroupHistory(IReadOnlyList<OpportunityChange> history, Dictionary<string, int> index, DateTimeOffset t)
    {
        var dealOf = new int[history.Count];
        var count = new int[Count];
        for (var r = 0; r < history.Count; r++)
        {
            var row = history[r];
            dealOf[r] = row.ChangedAt < t && index.TryGetValue(row.OpportunityId, out var i) ? i : -1;
            if (dealOf[r] >= 0)
            {
                count[dealOf[r]]++;
            }
        }

        var start = new int[Count];
        var total = 0;
        for (var i = 0; i < Count; i++)
        {
            start[i] = total;
            total += count[i];
        }

        var rows = new HistoryRow[total];
        var next = (int[])start.Clone();
        for (var r = 0; r < history.Count; r++)
        {
            if (dealOf[r] is var i and >= 0)
            {
                var row = history[r];
                rows[next[i]++] = new HistoryRow(
                    row.ChangedAt.UtcTicks, Instants.DayOf(row.ChangedAt).DayNumber, Stages.Code(row.Stage), row.Status, row.Amount,
                    row.ExpectedCloseDate?.DayNumber ?? NoDay);
            }
        }

        for (var i = 0; i < Count; i++)
        {
            if (count[i] > 1)
            {
                rows.AsSpan(start[i], count[i]).Sort((a, b) => a.Ticks.CompareTo(b.Ticks));
            }
        }

        return (start, count, rows);
    }
}

/// <summary>One history row of a deal, as the forecaster reads it.</summary>
internal readonly record struct HistoryRow(long Ticks, int Day, int Stage, OpportunityStatus Status, decimal Amount, int Expected);
