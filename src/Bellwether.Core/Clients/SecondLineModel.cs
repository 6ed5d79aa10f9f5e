using System.Globalization;
using Bellwether.Core.Time;

namespace Bellwether.Core.Clients;

/// <summary>
/// Which single-line clients look like those that bought a second line: a regularised logistic regression
/// (<see cref="LogisticModel"/>), learned from monthly snapshots before the instant, of whether a client whose last
/// three months' revenue came from one service line had revenue from another within the next three. Its features are
/// the client's health and size, its tenure, whether it bought other lines before, and which line it buys. The line it
/// would most likely add is the one clients of the same line added most often in those snapshots.
/// </summary>
internal sealed class SecondLineModel
{
    public const int Horizon = 3;

    public const int MaxSnapshots = 24;

    /// <summary>Second-line purchases the snapshots must hold for a fit.</summary>
    public const int MinBuyers = 20;

    public const double DefaultPenalty = 0.01;

    /// <summary>Lines with an indicator of their own, the most common first; the rest are the average line.</summary>
    private const int MaxLineFeatures = 8;

    private static readonly ClientFeature[] Common =
    [
        ClientFeature.Nps,
        ClientFeature.Csat,
        ClientFeature.Tickets,
        ClientFeature.UsageTrend,
        ClientFeature.MeetingGap,
        ClientFeature.QbrGap,
        ClientFeature.RevenueTrend,
        ClientFeature.Size,
        ClientFeature.Tenure,
        ClientFeature.FormerLines,
    ];

    private readonly LogisticModel _model;
    private readonly IReadOnlyList<ClientFeature> _features;

    /// <summary>[current line bit, added line bit]: how often clients of a line added each other line.</summary>
    private readonly int[,] _added;

    private SecondLineModel(LogisticModel model, IReadOnlyList<ClientFeature> features, int[,] added, double baseRate, int snapshots, int rows, int buyers)
    {
        _model = model;
        _features = features;
        _added = added;
        BaseRate = baseRate;
        Snapshots = snapshots;
        Rows = rows;
        Buyers = buyers;
    }

    public double BaseRate { get; }

    public int Snapshots { get; }

    public int Rows { get; }

    public int Buyers { get; }

    /// <summary>
    /// Whether an account buys exactly one service line at a cut (revenue of the three months before it) and has not
    /// already bought another (a deal for another line won in the quarter before, not yet billing).
    /// </summary>
    public static bool SingleLine(ClientBook book, int account, int month)
    {
        if (book.Revenue(account, month - 3, month) <= 0)
        {
            return false;
        }

        var lines = book.Lines(account, month - 3, month);
        var day = MonthIndex.Start(month).DayNumber;
        return ClientBook.LineCount(lines) == 1 && (book.Deals.WonBetween(account, day - ClientFacts.RecentDays, day) & ~lines) == 0;
    }

    /// <summary>The lines an account added in the horizon after a cut: revenue from lines it did not have in the three months before.</summary>
    public static ulong Added(ClientBook book, int account, int month) =>
        book.Lines(account, month, month + Horizon) & ~book.Lines(account, month - 3, month);

    /// <param name="book">What is known.</param>
    /// <param name="missing">Why no model could be fitted, when none is returned.</param>
    /// <param name="penalty">The ridge penalty.</param>
    /// <param name="pipeline">Whether to read open deals for other lines (off: the look-alike alone, the backtest's ablation).</param>
    public static SecondLineModel? Fit(ClientBook book, out string? missing, double penalty = DefaultPenalty, bool pipeline = true)
    {
        ArgumentNullException.ThrowIfNull(book);
        var cuts = TrainingSnapshots.Cuts(book, Horizon, MaxSnapshots);
        var lines = Math.Min(book.LineNames.Count, 64);
        var features = Common.Concat(pipeline ? [ClientFeature.OpenDeal(book)] : [])
            .Concat(Enumerable.Range(0, Math.Min(lines, MaxLineFeatures)).Select(i => ClientFeature.Line(book.LineName(i), i)))
            .ToList();
        var added = new int[64, 64];
        var (rows, bought) = TrainingSnapshots.Gather(
            book,
            cuts,
            (a, m) => SingleLine(book, a, m),
            (a, m) => Added(book, a, m) != 0,
            f => [.. features.Select(x => x.Value(f))],
            (a, m, happened) =>
            {
                if (happened)
                {
                    var current = System.Numerics.BitOperations.TrailingZeroCount(book.Lines(a, m - 3, m));
                    for (var extra = Added(book, a, m); extra != 0; extra &= extra - 1)
                    {
                        added[current, System.Numerics.BitOperations.TrailingZeroCount(extra)]++;
                    }
                }
            });
        var buyers = bought.Count(b => b);
        if (cuts.Count == 0 || buyers < MinBuyers || buyers == rows.Count)
        {
            var before = MonthIndex.Start(book.RevenueEnd).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            missing = cuts.Count == 0
                ? $"too little history to learn second purchases from: the revenue before {before} covers fewer than {TrainingSnapshots.HistoryMonths + Horizon} months"
                : $"too little history to learn second purchases from: {buyers} single-line clients added a line in the {cuts.Count} monthly snapshots before {before} (at least {MinBuyers} needed)";
            return null;
        }

        missing = null;
        return new SecondLineModel(LogisticModel.Fit(rows, bought, penalty), features, added, buyers / (double)rows.Count, cuts.Count, rows.Count, buyers);
    }

    /// <summary>Every single-line client at the cut, likeliest to add a line first.</summary>
    public IReadOnlyList<ExpansionCandidate> Score(ClientBook book, Cut cut, string currency)
    {
        ArgumentNullException.ThrowIfNull(book);
        var result = new List<ExpansionCandidate>();
        foreach (var a in book.WithData)
        {
            if (!SingleLine(book, a, cut.RevenueEnd))
            {
                continue;
            }

            var facts = ClientFacts.Of(book, a, cut);
            var vector = _features.Select(f => f.Value(facts)).ToArray();
            var contributions = _model.Contributions(vector);
            var current = System.Numerics.BitOperations.TrailingZeroCount(facts.Lines3);
            var (next, share) = facts.OpenDealLines != 0 ? (System.Numerics.BitOperations.TrailingZeroCount(facts.OpenDealLines), (double?)null) : LikelyNext(current);
            result.Add(new ExpansionCandidate
            {
                AccountId = book.Accounts[a].AccountId,
                Name = book.Accounts[a].Name,
                Propensity = _model.Probability(vector),
                CurrentLine = book.LineName(current),
                LikelyNextLine = next < 0 ? null : book.LineName(next),
                LikelyNextShare = next < 0 ? null : share,
                OpenDealLines = [.. ClientFeature.Bits(facts.OpenDealLines).Select(book.LineName)],
                Revenue = Math.Round((decimal)facts.Revenue3, 2),
                Reasons = ClientFeature.Reasons(_features, facts, contributions, currency),
            });
        }

        return [.. result.OrderByDescending(c => c.Propensity).ThenBy(c => c.AccountId, StringComparer.Ordinal)];
    }

    /// <summary>The line most often added by clients of <paramref name="current"/> (ties: the line with most revenue), and its share of their additions.</summary>
    private (int Line, double? Share) LikelyNext(int current)
    {
        var total = 0;
        var best = -1;
        for (var line = 0; line < 64; line++)
        {
            total += _added[current, line];
            if (line != current && _added[current, line] > 0 && (best < 0 || _added[current, line] > _added[current, best]))
            {
                best = line;
            }
        }

        return best < 0 ? (-1, 0) : (best, _added[current, best] / (double)total);
    }
}
