using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Renewals not yet created, read from the book rather than from a rate: a recurring contract comes up for renewal when
/// its term ends. Each renewal deal known at t is matched to its predecessor, the deal won on the same account and
/// service line whose renewal it is: where the data gives the predecessor's contract term (contract_end or term_months),
/// the win whose term ends nearest the renewal's creation (from <see cref="OpenedAhead"/> days before to
/// <see cref="OpenedLate"/> after); otherwise the win a learned lag before it, in whole years (a term of one, two or three
/// years). Per group of wins — those with a known term, whose lag is counted from their term's end (as given, or the
/// term's length from the day the term hangs on, for a term_months counted from a close date), and the others by kind
/// (a renewal, or a new contract), whose lag is counted from the day their terms hang on — the chance of a renewal
/// deal at each lag is read by Kaplan–Meier over every win (<see cref="RenewalIncidence"/>), so recent wins count as
/// still waiting and contracts let go without a renewal deal lower it; each line's wins renew more or less readily than
/// their group's (a factor, shrunk toward 1). Every win whose renewal could still come is then a pending renewal: a
/// virtual deal with a chance of being created on each future day, given it has not come by t, at the amount renewals
/// booked against their predecessors. Renewal deals the book cannot explain (renewals of contracts won before the data
/// begins, of terms longer than the history) are left to the creation rate (<see cref="Explained"/>). Without renewal
/// deals to learn from, the book is empty and renewals come from the creation rate like any other type.
/// </summary>
internal sealed class RenewalBook
{
    public const string VirtualPrefix = "renewal-of:";

    /// <summary>Matched renewals a service line needs before its wins are expected to renew.</summary>
    private const int MinimumMatches = 5;

    /// <summary>Matched renewals a group of wins needs for a lag distribution of its own (else its kind's pool).</summary>
    private const int MinimumKindMatches = 20;

    /// <summary>Days before a known term ends that its renewal deal may be opened (the day a known-term win's lag is counted from).</summary>
    private const int OpenedAhead = 240;

    /// <summary>Days after a known term ended that a renewal deal opened late is still its renewal.</summary>
    private const int OpenedLate = 120;

    /// <summary>Days each side of a whole number of years beyond the typical lag that a multi-year term's renewal may fall.</summary>
    private const int YearTolerance = 60;

    /// <summary>Pending renewals that cannot be created sooner than this many days after t are left out (no forecast reaches them).</summary>
    private const int AheadDays = 400;

    /// <summary>Prior strength, in expected renewals, of a line's factor toward 1.</summary>
    private const double LinePrior = 10;

    private static readonly bool[] Kinds = [false, true];

    private RenewalBook()
    {
    }

    /// <summary>Whether the book learned anything: if so, it replaces the creation rate of the renewals it explains.</summary>
    public bool Active => Pending.Count > 0 || Matched > 0;

    /// <summary>A line for diagnostics.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Renewal deals matched to a predecessor.</summary>
    public int Matched => Explained.Count;

    /// <summary>The renewal deals known at t that the book explains (matched to a predecessor); the creation rate forecasts the others.</summary>
    public HashSet<string> Explained { get; } = new(StringComparer.Ordinal);

    /// <summary>Pending renewals as virtual open deals (created at t; their creation day is drawn from <see cref="CreationChance"/>).</summary>
    public List<Opportunity> Pending { get; } = [];

    /// <summary>Per pending renewal (same order), the chance of its being created on day 0, 1, 2… of the projection.</summary>
    public List<RenewalChance> CreationChance { get; } = [];

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

        // win id → the day its renewal deal was created
        var renewedOn = new Dictionary<string, int>(StringComparer.Ordinal);
        double renewedAmount = 0, predecessorAmount = 0;
        var matchedByLine = new Dictionary<string, int>(StringComparer.Ordinal);
        void Match(Opportunity renewal, Opportunity predecessor)
        {
            renewedOn[predecessor.OpportunityId] = Created(renewal);
            book.Explained.Add(renewal.OpportunityId);
            if (predecessor.Amount > 0)
            {
                renewedAmount += (double)renewal.Amount;
                predecessorAmount += (double)predecessor.Amount;
            }

            matchedByLine[renewal.ServiceLine] = matchedByLine.GetValueOrDefault(renewal.ServiceLine) + 1;
        }

        // First the wins whose term the data gives: a renewal is opened around the day the term ends.
        foreach (var renewal in renewals)
        {
            if (won.TryGetValue((renewal.AccountId, renewal.ServiceLine), out var wins)
                && wins.Where(w => w.Contract is { } term && w.ClosedAt < renewal.CreatedAt && !renewedOn.ContainsKey(w.OpportunityId)
                        && Created(renewal) >= term.Due.DayNumber - OpenedAhead && Created(renewal) <= term.Due.DayNumber + OpenedLate)
                    .MinBy(w => Math.Abs(Created(renewal) - w.Contract!.Due.DayNumber)) is { } predecessor)
            {
                Match(renewal, predecessor);
            }
        }

        // Then the others, by the lag learned: the typical one from each renewal's latest earlier win, then each renewal
        // matched to the unmatched win whose lag is nearest that typical one (within half to twice it) or a whole number
        // of years beyond it (a longer term), so that a renewal of a contract older than the data is not pinned on an
        // unrelated recent win.
        var open = renewals.Where(r => !book.Explained.Contains(r.OpportunityId)).ToList();
        var typical = Median(open
            .Select(r => won.TryGetValue((r.AccountId, r.ServiceLine), out var wins) ? wins.LastOrDefault(w => w.Contract is null && w.ClosedAt < r.CreatedAt) is { } w ? Lag(w, r) : -1 : -1)
            .Where(l => l >= 0));
        int? YearsOff(int lag)
        {
            if (lag >= typical / 2 && lag <= typical * 2)
            {
                return Math.Abs(lag - typical);
            }

            var years = (int)Math.Round((lag - typical) / 365.0);
            var off = Math.Abs(lag - typical - (365 * years));
            return years is 1 or 2 && off <= YearTolerance ? off : null;
        }

        foreach (var renewal in open)
        {
            if (typical > 0 && won.TryGetValue((renewal.AccountId, renewal.ServiceLine), out var wins)
                && wins.Where(w => w.Contract is null && w.ClosedAt < renewal.CreatedAt && !renewedOn.ContainsKey(w.OpportunityId) && YearsOff(Lag(w, renewal)) is not null)
                    .MinBy(w => YearsOff(Lag(w, renewal))) is { } predecessor)
            {
                Match(renewal, predecessor);
            }
        }

        if (book.Matched < MinimumMatches)
        {
            return book;
        }

        // What renewals book against what their predecessors booked, as a ratio of sums: pending renewals are summed by
        // amount, and a mean of per-deal ratios reads high (a small contract renewed larger weighs as much as a big one).
        var ratio = predecessorAmount > 0 ? renewedAmount / predecessorAmount : 1;

        // Per group of wins of the lines that renew, the day its lags are counted from and when its renewals come. A
        // known term's lag runs from OpenedAhead days before it ends. Otherwise, per kind of win (a renewal, or a new
        // contract), whichever of the day it was won, the close date first expected for it (a renewal's: when its new
        // term starts, however early or late it was signed), the first of the month after the win, or the month start
        // nearest that expected date predicts the lags most tightly (see LagAnchor).
        var renewing = won.Where(kv => matchedByLine.GetValueOrDefault(kv.Key.ServiceLine) >= MinimumMatches).SelectMany(kv => kv.Value).ToList();
        var firstExpected = FirstExpectedClose(view);
        var learned = renewing.Where(w => w.Contract is null).ToList();
        var termed = renewing.Where(w => w.Contract is not null).ToList();
        List<Opportunity> OfKind(List<Opportunity> wins, bool kind) => [.. wins.Where(w => (w.Type == OpportunityType.Renewal) == kind)];
        var anchors = Kinds.ToDictionary(kind => kind, kind => TightestAnchor(OfKind(learned, kind), renewedOn, firstExpected, LearnedAnchors));
        var termAnchors = Kinds.ToDictionary(kind => kind, kind => TightestAnchor(OfKind(termed, kind), renewedOn, firstExpected, TermAnchors));
        int Anchor(Opportunity w) => w.Contract is not null
            ? AnchorDay(termAnchors[w.Type == OpportunityType.Renewal], w, firstExpected) - OpenedAhead
            : AnchorDay(anchors[w.Type == OpportunityType.Renewal], w, firstExpected);
        RenewalIncidence Incidence(IEnumerable<Opportunity> wins) => RenewalIncidence.Fit([.. wins.Select(w => renewedOn.TryGetValue(w.OpportunityId, out var on) ? (Math.Max(0, on - Anchor(w)), true) : (day0 - Anchor(w), false))]);
        var pooled = Incidence(learned);
        var groups = new Dictionary<Group, RenewalIncidence>();
        foreach (var kind in Kinds)
        {
            var wins = learned.Where(w => (w.Type == OpportunityType.Renewal) == kind).ToList();
            groups[kind ? Group.LearnedRenewal : Group.LearnedNew] = wins.Count(w => renewedOn.ContainsKey(w.OpportunityId)) >= MinimumKindMatches ? Incidence(wins) : pooled;
        }

        groups[Group.Termed] = termed.Count(w => renewedOn.ContainsKey(w.OpportunityId)) >= MinimumMatches ? Incidence(termed) : pooled;
        Group GroupOf(Opportunity w) => w.Contract is not null ? Group.Termed : w.Type == OpportunityType.Renewal ? Group.LearnedRenewal : Group.LearnedNew;

        // Each line's wins renew as readily as their group's, times a factor: the share of its wins watched past their
        // group's longest lag that renewed, over the share their groups' incidences expected, shrunk toward 1.
        var lineFactor = renewing.GroupBy(w => w.ServiceLine, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g =>
            {
                double seen = 0, expected = 0;
                foreach (var w in g)
                {
                    var incidence = groups[GroupOf(w)];
                    if (day0 - Anchor(w) >= incidence.Chance.Length)
                    {
                        seen += renewedOn.ContainsKey(w.OpportunityId) ? 1 : 0;
                        expected += incidence.Total;
                    }
                }

                return (seen + LinePrior) / (expected + LinePrior);
            },
            StringComparer.Ordinal);

        book.Summary = $"typical lag {typical}; anchors {string.Join("/", anchors.Values)}, terms {string.Join("/", termAnchors.Values)}; " + string.Join("; ", groups.Select(kv => $"{kv.Key}: {kv.Value.Events} renewed, {kv.Value.Total:F3} renew, p50 {kv.Value.Median}, longest {kv.Value.Chance.Length}"))
            + $"; ratio {ratio:F3}; line factors {string.Join(", ", lineFactor.Select(kv => $"{kv.Key}={kv.Value:F3}"))}";
        var owners = RenewalOwners(view, deals);
        foreach (var w in renewing)
        {
            // Days from the anchor to t: negative while the anchor is still to come (a long term, a renewal signed early).
            var elapsed = day0 - Anchor(w);
            var chances = groups[GroupOf(w)].Chance;
            if (renewedOn.ContainsKey(w.OpportunityId) || elapsed >= chances.Length || -elapsed > AheadDays)
            {
                continue;
            }

            var factor = lineFactor[w.ServiceLine];
            var cumulative = 0.0;
            for (var l = 0; l < elapsed; l++)
            {
                cumulative += chances[l];
            }

            // A factor above 1 cannot make a renewal more than certain.
            factor = Math.Min(factor, 1 / Math.Max(chances.Sum(), 1e-9));
            var chance = new RenewalChance(chances, elapsed, factor, 1 - (factor * cumulative));
            if (chance.Days().Sum() <= 0)
            {
                continue;
            }

            book.Pending.Add(new Opportunity
            {
                OpportunityId = VirtualPrefix + w.OpportunityId,
                AccountId = w.AccountId,
                OwnerRepId = owners.GetValueOrDefault(w.AccountId) ?? w.OwnerRepId,
                ServiceLine = w.ServiceLine,
                Type = OpportunityType.Renewal,
                Amount = Math.Round(w.Amount * (decimal)ratio, 2),
                CreatedAt = asOf.ToUniversalTime(),
                Stage = view.Settings.HistoryFallbackStage,
                Status = OpportunityStatus.Open,
            });
            book.CreationChance.Add(chance);
        }

        return book;
    }

    /// <summary>The groups of wins whose renewals come on a calendar of their own.</summary>
    private enum Group
    {
        /// <summary>Wins whose contract term the data gives.</summary>
        Termed,

        /// <summary>New contracts (new business, expansion) without a known term.</summary>
        LearnedNew,

        /// <summary>Renewals without a known term.</summary>
        LearnedRenewal,
    }

    private static int Created(Opportunity deal) => Instants.DayOf(deal.CreatedAt).DayNumber;

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
    /// The day a win's renewal lag is counted from, of the kinds a contract's term can hang on: the day it was won, the
    /// close date first expected for it, the first of the month after it was won (terms that start on the first of the
    /// next month), or the month start nearest the close date first expected (a renewal signed around its term's start).
    /// A win whose term the data gives counts from that day plus the term's length — or, <see cref="TermDue"/>, from the
    /// day the term falls due as given: a term_months counted from the close date is off by however early or late the
    /// deal was signed (a renewal won eighty days before the term it adds begins), while the work starts on a day of its own.
    /// </summary>
    private enum LagAnchor
    {
        Closed,
        FirstExpected,
        MonthAfterClose,
        MonthNearestExpected,
        TermDue,
    }

    private static readonly LagAnchor[] LearnedAnchors = [LagAnchor.Closed, LagAnchor.FirstExpected, LagAnchor.MonthAfterClose, LagAnchor.MonthNearestExpected];

    private static readonly LagAnchor[] TermAnchors = [LagAnchor.TermDue, .. LearnedAnchors];

    private static int AnchorDay(LagAnchor anchor, Opportunity w, Dictionary<string, int> firstExpected)
    {
        var closed = Instants.DayOf(w.ClosedAt!.Value);
        var expected = firstExpected.TryGetValue(w.OpportunityId, out var e) ? DateOnly.FromDayNumber(e) : (DateOnly?)null;
        var start = anchor switch
        {
            LagAnchor.TermDue when w.Contract is { } term => term.Due,
            LagAnchor.FirstExpected when expected is { } day => day,
            LagAnchor.MonthAfterClose => new DateOnly(closed.Year, closed.Month, 1).AddMonths(1),
            LagAnchor.MonthNearestExpected when expected is { } day => DateOnly.FromDayNumber(MonthStartNearest(day)),
            _ => closed,
        };
        return (anchor == LagAnchor.TermDue || w.Contract is not { } contract ? start : Lengthened(start, contract)).DayNumber;
    }

    /// <summary>A day plus a term's length: in whole months when the term runs from one day of a month to the same day of a later one.</summary>
    private static DateOnly Lengthened(DateOnly day, ContractTerm term)
    {
        var due = term.Due;
        return due.Day == term.Start.Day
            ? day.AddMonths(((due.Year - term.Start.Year) * 12) + due.Month - term.Start.Month)
            : day.AddDays(due.DayNumber - term.Start.DayNumber);
    }

    private static int MonthStartNearest(DateOnly day)
    {
        var start = new DateOnly(day.Year, day.Month, 1);
        var next = start.AddMonths(1);
        return day.DayNumber - start.DayNumber <= next.DayNumber - day.DayNumber ? start.DayNumber : next.DayNumber;
    }

    /// <summary>
    /// The anchor of <paramref name="candidates"/> whose lags to the renewals vary least (mean distance from their median) over the
    /// matched wins of a kind, the first candidate unless another is tighter: the tighter the lag, the sharper each
    /// pending renewal's date, and a date smeared over a month falls outside a short window as often as inside it (a
    /// renewal due at a quarter's end is won in the next quarter, one a fortnight earlier in this one).
    /// </summary>
    private static LagAnchor TightestAnchor(List<Opportunity> wins, Dictionary<string, int> renewedOn, Dictionary<string, int> firstExpected, LagAnchor[] candidates)
    {
        var matched = wins.Where(w => renewedOn.ContainsKey(w.OpportunityId)).ToList();
        if (matched.Count < MinimumKindMatches)
        {
            return candidates[0];
        }

        // The mean distance from the median lag: unlike a quartile range it sees a quarter of the wins a month off.
        double Spread(LagAnchor anchor)
        {
            var lags = matched.Select(w => renewedOn[w.OpportunityId] - AnchorDay(anchor, w, firstExpected)).Order().ToList();
            var median = lags[lags.Count / 2];
            return lags.Average(l => Math.Abs(l - median));
        }

        var best = candidates[0];
        var tightest = Spread(best);
        foreach (var anchor in candidates)
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
}

/// <summary>
/// A pending renewal's chance of being created on day 0, 1, 2… of the projection: its group's lag distribution from the
/// day the renewal has reached, scaled by its line's factor and by the chance that it has not come yet. Kept as that
/// recipe rather than as the days themselves: a company at a million deals has a hundred thousand renewals pending, and
/// their days, two years each, were most of a fit's memory.
/// </summary>
/// <param name="Lags">The group's chance of a renewal on each day after its anchor (shared by the group).</param>
/// <param name="Elapsed">Days from the anchor to t; negative while the anchor is still to come.</param>
/// <param name="Factor">The line's factor.</param>
/// <param name="Survival">The chance, under the factor, that the renewal has not been created by t.</param>
internal readonly record struct RenewalChance(double[] Lags, int Elapsed, double Factor, double Survival)
{
    /// <summary>The chance of each day from t, worked out when asked.</summary>
    public double[] Days()
    {
        var chance = new double[Lags.Length - Elapsed];
        for (var x = Math.Max(0, -Elapsed); x < chance.Length; x++)
        {
            chance[x] = Survival > 0 ? Factor * Lags[Elapsed + x] / Survival : 0;
        }

        return chance;
    }
}
