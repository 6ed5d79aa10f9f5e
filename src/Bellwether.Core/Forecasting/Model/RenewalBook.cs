using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Renewals not yet created, read from the book rather than from a rate: a recurring contract comes up for renewal a
/// learned time after it was won. Each renewal deal known at t is matched to its predecessor (the latest deal won on
/// the same account and service line before it was created), which gives the lag from a win to its renewal's creation,
/// the renewal's amount against its predecessor's, and per service line the share of wins that get a renewal at all.
/// The lag is learned apart for renewals of renewals: a renewal closes near its term's start, a new contract's deal
/// some weeks before it, so the two come up for renewal at different times after their wins.
/// Every win whose renewal could still come is then a pending renewal: a virtual deal with a chance of being created on
/// each future day (its lag's distribution, conditioned on its not having come by t). Without renewal deals to learn
/// from, the book is empty and renewals come from the creation rate like any other type.
/// </summary>
internal sealed class RenewalBook
{
    public const string VirtualPrefix = "renewal-of:";

    /// <summary>Matched renewals a service line needs before its wins are expected to renew.</summary>
    private const int MinimumMatches = 5;

    /// <summary>Matched renewals a kind of predecessor (renewal or new contract) needs for a lag distribution of its own.</summary>
    private const int MinimumKindMatches = 20;

    /// <summary>Wins still waiting for their renewal that a lag's hazard needs to be read at all.</summary>
    private const int MinimumAtRisk = 10;

    /// <summary>Days each side of a lag its observation is spread over (a triangular kernel).</summary>
    private const int Smoothing = 7;

    private static readonly bool[] Kinds = [false, true];

    private RenewalBook()
    {
    }

    /// <summary>Whether the book learned anything: if so, it replaces the renewal creation rate.</summary>
    public bool Active => Pending.Count > 0 || Matched > 0;

    /// <summary>A line for diagnostics.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Renewal deals matched to a predecessor.</summary>
    public int Matched { get; private set; }

    /// <summary>Pending renewals as virtual open deals (created at t; their creation day is drawn from <see cref="CreationChance"/>).</summary>
    public List<Opportunity> Pending { get; } = [];

    /// <summary>Per pending renewal (same order), the chance of its being created on day 0, 1, 2… of the projection.</summary>
    public List<double[]> CreationChance { get; } = [];

    public static RenewalBook Fit(Dataset view, DateTimeOffset asOf)
    {
        var book = new RenewalBook();
        var day0 = Instants.DayOf(asOf).DayNumber;
        var deals = view.Opportunities.Where(o => o.CreatedAt < asOf).ToList();
        var won = deals
            .Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt < asOf)
            .GroupBy(o => (o.AccountId, o.ServiceLine))
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.ClosedAt).ToList());
        var renewals = deals.Where(o => o.Type == OpportunityType.Renewal).OrderBy(o => o.CreatedAt).ToList();
        // Two passes: the typical lag from each renewal's latest earlier win, then each renewal matched to the unmatched
        // win whose lag is nearest that typical one (within half to twice it), so that a renewal of a contract older
        // than the data is not pinned on an unrelated recent win.
        var typical = Median(renewals
            .Select(r => won.TryGetValue((r.AccountId, r.ServiceLine), out var wins) ? wins.LastOrDefault(w => w.ClosedAt < r.CreatedAt) is { } w ? Lag(w, r) : -1 : -1)
            .Where(l => l >= 0));
        var lagOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var renewedOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var lags = new List<int>();
        double renewedAmount = 0, predecessorAmount = 0;
        var matchedByLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var renewal in renewals)
        {
            if (typical <= 0 || !won.TryGetValue((renewal.AccountId, renewal.ServiceLine), out var wins))
            {
                continue;
            }

            var predecessor = wins
                .Where(w => w.ClosedAt < renewal.CreatedAt && !lagOf.ContainsKey(w.OpportunityId) && Lag(w, renewal) >= typical / 2 && Lag(w, renewal) <= typical * 2)
                .MinBy(w => Math.Abs(Lag(w, renewal) - typical));
            if (predecessor is null)
            {
                continue;
            }

            lagOf[predecessor.OpportunityId] = Lag(predecessor, renewal);
            renewedOn[predecessor.OpportunityId] = Instants.DayOf(renewal.CreatedAt).DayNumber;
            lags.Add(Lag(predecessor, renewal));
            if (predecessor.Amount > 0)
            {
                renewedAmount += (double)renewal.Amount;
                predecessorAmount += (double)predecessor.Amount;
            }

            matchedByLine[renewal.ServiceLine] = matchedByLine.GetValueOrDefault(renewal.ServiceLine) + 1;
        }

        book.Matched = lags.Count;
        if (lags.Count < MinimumMatches)
        {
            return book;
        }

        lags.Sort();
        var longest = lags[Math.Min(lags.Count - 1, (int)(0.99 * lags.Count))] + Smoothing;
        // What renewals book against what their predecessors booked, as a ratio of sums: pending renewals are summed by
        // amount, and a mean of per-deal ratios reads high (a small contract renewed larger weighs as much as a big one).
        var ratio = predecessorAmount > 0 ? renewedAmount / predecessorAmount : 1;

        // Each renewable line's share of wins that get a renewal: wins old enough for their renewal to have come.
        var share = new Dictionary<string, double>(StringComparer.Ordinal);
        double allRenewed = 0, allEligible = 0;
        foreach (var line in matchedByLine.Where(kv => kv.Value >= MinimumMatches).Select(kv => kv.Key))
        {
            double renewed = 0, eligible = 0;
            foreach (var ((_, serviceLine), wins) in won)
            {
                if (serviceLine != line)
                {
                    continue;
                }

                foreach (var w in wins)
                {
                    var age = day0 - Instants.DayOf(w.ClosedAt!.Value).DayNumber;
                    if (age >= longest && age < longest + 365)
                    {
                        eligible++;
                        renewed += lagOf.ContainsKey(w.OpportunityId) ? 1 : 0;
                    }
                }
            }

            allRenewed += renewed;
            allEligible += eligible;
            share[line] = eligible >= 10 ? renewed / eligible : double.NaN;
        }

        var overall = allEligible > 0 ? allRenewed / allEligible : 0;

        // Per kind of win (a renewal, or a new contract), the day its renewal's lag is counted from: the day it was won,
        // or whichever of the close date first expected for it (a renewal's: when its new term starts, however early or
        // late it was signed), the first of the month after the win, or the month start nearest that expected date
        // predicts the lags most tightly (see LagAnchor). Then when each kind comes up for renewal, from every win of a
        // renewing line: renewed ones at their lag, the others censored at their age (a recent win's renewal cannot have
        // come yet, so matched lags alone read short).
        var firstExpected = FirstExpectedClose(view);
        var renewing = won.Where(kv => share.ContainsKey(kv.Key.ServiceLine)).SelectMany(kv => kv.Value).ToList();
        var anchors = Kinds.ToDictionary(kind => kind, kind => TightestAnchor(renewing.Where(w => (w.Type == OpportunityType.Renewal) == kind).ToList(), renewedOn, firstExpected));
        int Anchor(Opportunity w) => AnchorDay(anchors[w.Type == OpportunityType.Renewal], w, firstExpected);
        var pooled = LagDistribution(renewing, renewedOn, Anchor, day0, null);
        var byKind = new Dictionary<bool, (double[] Pdf, int Longest)>();
        foreach (var kind in Kinds)
        {
            var wins = renewing.Where(w => (w.Type == OpportunityType.Renewal) == kind).ToList();
            byKind[kind] = wins.Count(w => renewedOn.ContainsKey(w.OpportunityId)) >= MinimumKindMatches ? LagDistribution(wins, renewedOn, Anchor, day0, pooled.Pdf) : pooled;
        }

        string Median50((double[] Pdf, int Longest) d)
        {
            var c = 0.0;
            for (var l = 0; l < d.Pdf.Length; l++)
            {
                c += d.Pdf[l];
                if (c >= 0.5)
                {
                    return $"p50 {l} longest {d.Longest}";
                }
            }

            return "empty";
        }

        book.Summary = $"new {Median50(byKind[false])}, renewal {Median50(byKind[true])}; lags p10 {lags[lags.Count / 10]} p50 {lags[lags.Count / 2]} p90 {lags[9 * lags.Count / 10]} longest {longest}; ratio {ratio:F3}; share {string.Join(", ", share.Select(kv => $"{kv.Key}={kv.Value:F3}"))}";
        var owners = RenewalOwners(view, deals);
        foreach (var ((account, line), wins) in won)
        {
            if (!share.TryGetValue(line, out var lineShare))
            {
                continue;
            }

            var p = double.IsNaN(lineShare) ? overall : lineShare;
            foreach (var w in wins)
            {
                // Days from the anchor to t: negative when a renewal signed early has its term still to start.
                var elapsed = day0 - Anchor(w);
                var (kindPdf, kindLongest) = byKind[w.Type == OpportunityType.Renewal];
                if (lagOf.ContainsKey(w.OpportunityId) || elapsed >= kindLongest || p <= 0)
                {
                    continue;
                }

                var cumulative = 0.0;
                for (var l = 0; l < elapsed && l < kindPdf.Length; l++)
                {
                    cumulative += kindPdf[l];
                }

                var survival = 1 - (p * cumulative);
                var chance = new double[kindPdf.Length - elapsed];
                for (var x = Math.Max(0, -elapsed); x < chance.Length; x++)
                {
                    chance[x] = survival > 0 ? p * kindPdf[elapsed + x] / survival : 0;
                }

                book.Pending.Add(new Opportunity
                {
                    OpportunityId = VirtualPrefix + w.OpportunityId,
                    AccountId = account,
                    OwnerRepId = owners.GetValueOrDefault(account) ?? w.OwnerRepId,
                    ServiceLine = line,
                    Type = OpportunityType.Renewal,
                    Amount = Math.Round(w.Amount * (decimal)ratio, 2),
                    CreatedAt = asOf.ToUniversalTime(),
                    Stage = view.Settings.HistoryFallbackStage,
                    Status = OpportunityStatus.Open,
                });
                book.CreationChance.Add(chance);
            }
        }

        return book;
    }

    /// <summary>Each deal's expected close date as first recorded in its history (day numbers); deals without one are left out.</summary>
    private static Dictionary<string, int> FirstExpectedClose(Dataset view)
    {
        var first = new Dictionary<string, (DateTimeOffset At, int Day)>(StringComparer.Ordinal);
        foreach (var row in view.History)
        {
            if (row.ExpectedCloseDate is { } expected && (!first.TryGetValue(row.OpportunityId, out var seen) || row.ChangedAt < seen.At))
            {
                first[row.OpportunityId] = (row.ChangedAt, expected.DayNumber);
            }
        }

        return first.ToDictionary(kv => kv.Key, kv => kv.Value.Day, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether renewals' lags from the wins' first expected close dates spread less (interquartile range) than from the
    /// days they were won, over the renewed wins of a kind that have both (at least <see cref="MinimumKindMatches"/>).
    /// </summary>
    /// <summary>
    /// The day a win's renewal lag is counted from, of the kinds a contract's term can hang on: the day it was won, the
    /// close date first expected for it, the first of the month after it was won (terms that start on the first of the
    /// next month), or the month start nearest the close date first expected (a renewal signed around its term's start).
    /// </summary>
    private enum LagAnchor
    {
        Closed,
        FirstExpected,
        MonthAfterClose,
        MonthNearestExpected,
    }

    private static int AnchorDay(LagAnchor anchor, Opportunity w, Dictionary<string, int> firstExpected)
    {
        var closed = Instants.DayOf(w.ClosedAt!.Value);
        var expected = firstExpected.TryGetValue(w.OpportunityId, out var e) ? DateOnly.FromDayNumber(e) : (DateOnly?)null;
        switch (anchor)
        {
            case LagAnchor.FirstExpected when expected is { } day:
                return day.DayNumber;
            case LagAnchor.MonthAfterClose:
                return new DateOnly(closed.Year, closed.Month, 1).AddMonths(1).DayNumber;
            case LagAnchor.MonthNearestExpected when expected is { } day:
                var start = new DateOnly(day.Year, day.Month, 1);
                var next = start.AddMonths(1);
                return day.DayNumber - start.DayNumber <= next.DayNumber - day.DayNumber ? start.DayNumber : next.DayNumber;
            default:
                return closed.DayNumber;
        }
    }

    /// <summary>
    /// The anchor whose lags to the renewals vary least (interquartile range) over the matched wins of a kind, the day
    /// of the win unless another is tighter: the tighter the lag, the sharper each pending renewal's date, and a date
    /// smeared over a month falls outside a short window as often as inside it.
    /// </summary>
    private static LagAnchor TightestAnchor(List<Opportunity> wins, Dictionary<string, int> renewedOn, Dictionary<string, int> firstExpected)
    {
        var matched = wins.Where(w => renewedOn.ContainsKey(w.OpportunityId)).ToList();
        if (matched.Count < MinimumKindMatches)
        {
            return LagAnchor.Closed;
        }

        int Spread(LagAnchor anchor)
        {
            var sorted = matched.Select(w => renewedOn[w.OpportunityId] - AnchorDay(anchor, w, firstExpected)).Order().ToList();
            return sorted[3 * sorted.Count / 4] - sorted[sorted.Count / 4];
        }

        var best = LagAnchor.Closed;
        var tightest = Spread(best);
        foreach (var anchor in Enum.GetValues<LagAnchor>())
        {
            var needsExpected = anchor is LagAnchor.FirstExpected or LagAnchor.MonthNearestExpected;
            if (needsExpected && matched.Count(w => firstExpected.ContainsKey(w.OpportunityId)) < MinimumKindMatches)
            {
                continue;
            }

            var spread = Spread(anchor);
            if (spread < tightest)
            {
                (best, tightest) = (anchor, spread);
            }
        }

        return best;
    }

    private static int Lag(Opportunity win, Opportunity renewal) =>
        Instants.DayOf(renewal.CreatedAt).DayNumber - Instants.DayOf(win.ClosedAt!.Value).DayNumber;

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>Who handles an account's renewals: the owner of its latest renewal deal, else its account owner if a rep.</summary>
    private static Dictionary<string, string> RenewalOwners(Dataset view, List<Opportunity> deals)
    {
        var reps = view.Reps.Select(r => r.RepId).ToHashSet(StringComparer.Ordinal);
        var owners = view.Accounts
            .Where(a => a.OwnerRepId is { } rep && reps.Contains(rep))
            .ToDictionary(a => a.AccountId, a => a.OwnerRepId!, StringComparer.Ordinal);
        foreach (var renewal in deals.Where(o => o.Type == OpportunityType.Renewal).OrderBy(o => o.CreatedAt))
        {
            owners[renewal.AccountId] = renewal.OwnerRepId;
        }

        return owners;
    }

    /// <summary>
    /// The distribution of the lag from a win to its renewal's creation, given that it renews, by Kaplan–Meier: at each
    /// lag, the renewals created at it over the wins still waiting (renewed at it or later, or older than it and not
    /// renewed), as far as <see cref="MinimumAtRisk"/> wins are waiting. What has not renewed by then comes later, shaped
    /// as <paramref name="tail"/> beyond that lag (at that lag without one). Returns the distribution by day, smoothed
    /// over ±<see cref="Smoothing"/> days, and the longest lag expected (its 99th percentile and the smoothing).
    /// </summary>
    private static (double[] Pdf, int Longest) LagDistribution(IEnumerable<Opportunity> wins, Dictionary<string, int> renewedOn, Func<Opportunity, int> anchor, int day0, double[]? tail)
    {
        // Each win is watched for lags 0 … until − 1: up to and including its renewal's lag, or up to its age at t.
        var lagOf = wins.Where(w => renewedOn.ContainsKey(w.OpportunityId)).ToDictionary(w => w.OpportunityId, w => Math.Max(0, renewedOn[w.OpportunityId] - anchor(w)), StringComparer.Ordinal);
        var until = wins.Select(w => lagOf.TryGetValue(w.OpportunityId, out var lag) ? lag + 1 : Math.Max(0, day0 - anchor(w))).ToList();
        var horizon = until.Count > 0 ? until.Max() : 0;
        var leaving = new int[horizon + 1];
        var events = new int[horizon + 1];
        foreach (var u in until)
        {
            leaving[u]++;
        }

        foreach (var w in wins)
        {
            if (lagOf.TryGetValue(w.OpportunityId, out var lag))
            {
                events[lag]++;
            }
        }

        var raw = new double[Math.Max(horizon, tail?.Length ?? 0) + 1];
        var atRisk = until.Count - leaving[0];
        var surviving = 1.0;
        var l = 0;
        for (; l < horizon && atRisk >= MinimumAtRisk; l++)
        {
            var hazard = (double)events[l] / atRisk;
            raw[l] = surviving * hazard;
            surviving *= 1 - hazard;
            atRisk -= leaving[l + 1];
        }

        var beyond = tail is null ? 0 : tail.Skip(l).Sum();
        if (beyond > 0)
        {
            for (var k = l; k < tail!.Length; k++)
            {
                raw[k] += surviving * tail[k] / beyond;
            }
        }
        else
        {
            raw[Math.Min(l, raw.Length - 1)] += surviving;
        }

        var total = raw.Sum();
        var cumulative = 0.0;
        var p99 = 0;
        for (var k = 0; k < raw.Length && total > 0; k++)
        {
            cumulative += raw[k];
            if (cumulative < 0.99 * total)
            {
                p99 = k + 1;
            }
        }

        var longest = p99 + Smoothing;
        return (LagDensity(raw, longest), longest);
    }

    /// <summary>A distribution by day (weights per lag, any scale) spread over ±<see cref="Smoothing"/> days and normalised.</summary>
    private static double[] LagDensity(double[] weights, int longest)
    {
        var pdf = new double[longest + Smoothing + 1];
        var weight = 0.0;
        for (var lag = 0; lag < weights.Length; lag++)
        {
            if (weights[lag] <= 0)
            {
                continue;
            }

            for (var k = -Smoothing; k <= Smoothing; k++)
            {
                var at = lag + k;
                if (at >= 0 && at < pdf.Length)
                {
                    var w = weights[lag] * (Smoothing + 1 - Math.Abs(k));
                    pdf[at] += w;
                    weight += w;
                }
            }
        }

        for (var l = 0; l < pdf.Length && weight > 0; l++)
        {
            pdf[l] /= weight;
        }

        return pdf;
    }
}
