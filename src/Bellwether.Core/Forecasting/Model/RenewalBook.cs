using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Renewals not yet created, read from the book rather than from a rate: a recurring contract comes up for renewal a
/// learned time after it was won. Each renewal deal known at t is matched to its predecessor (the latest deal won on
/// the same account and service line before it was created), which gives the lag from a win to its renewal's creation,
/// the renewal's amount against its predecessor's, and per service line the share of wins that get a renewal at all.
/// Every win whose renewal could still come is then a pending renewal: a virtual deal with a chance of being created on
/// each future day (its lag's distribution, conditioned on its not having come by t). Without renewal deals to learn
/// from, the book is empty and renewals come from the creation rate like any other type.
/// </summary>
internal sealed class RenewalBook
{
    public const string VirtualPrefix = "renewal-of:";

    /// <summary>Matched renewals a service line needs before its wins are expected to renew.</summary>
    private const int MinimumMatches = 5;

    /// <summary>Days each side of a lag its observation is spread over (a triangular kernel).</summary>
    private const int Smoothing = 7;

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
        var successorOf = new HashSet<string>(StringComparer.Ordinal);
        var lags = new List<int>();
        var ratios = new List<double>();
        var matchedByLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var renewal in renewals)
        {
            if (typical <= 0 || !won.TryGetValue((renewal.AccountId, renewal.ServiceLine), out var wins))
            {
                continue;
            }

            var predecessor = wins
                .Where(w => w.ClosedAt < renewal.CreatedAt && !successorOf.Contains(w.OpportunityId) && Lag(w, renewal) >= typical / 2 && Lag(w, renewal) <= typical * 2)
                .MinBy(w => Math.Abs(Lag(w, renewal) - typical));
            if (predecessor is null)
            {
                continue;
            }

            successorOf.Add(predecessor.OpportunityId);
            lags.Add(Lag(predecessor, renewal));
            if (predecessor.Amount > 0)
            {
                ratios.Add((double)(renewal.Amount / predecessor.Amount));
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
        var pdf = LagDensity(lags, longest);
        var ratio = ratios.Count > 0 ? ratios.Average() : 1;

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
                        renewed += successorOf.Contains(w.OpportunityId) ? 1 : 0;
                    }
                }
            }

            allRenewed += renewed;
            allEligible += eligible;
            share[line] = eligible >= 10 ? renewed / eligible : double.NaN;
        }

        var overall = allEligible > 0 ? allRenewed / allEligible : 0;
        book.Summary = $"lags p10 {lags[lags.Count / 10]} p50 {lags[lags.Count / 2]} p90 {lags[9 * lags.Count / 10]} longest {longest}; ratio {ratio:F3}; share {string.Join(", ", share.Select(kv => $"{kv.Key}={kv.Value:F3}"))}";
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
                var elapsed = day0 - Instants.DayOf(w.ClosedAt!.Value).DayNumber;
                if (successorOf.Contains(w.OpportunityId) || elapsed >= longest || p <= 0)
                {
                    continue;
                }

                var cumulative = 0.0;
                for (var l = 0; l < elapsed && l < pdf.Length; l++)
                {
                    cumulative += pdf[l];
                }

                var survival = 1 - (p * cumulative);
                var chance = new double[pdf.Length - elapsed];
                for (var x = 0; x < chance.Length; x++)
                {
                    chance[x] = survival > 0 ? p * pdf[elapsed + x] / survival : 0;
                }

                book.Pending.Add(new Opportunity
                {
                    OpportunityId = VirtualPrefix + w.OpportunityId,
                    AccountId = account,
                    OwnerRepId = owners.GetValueOrDefault(account) ?? w.OwnerRepId,
                    ServiceLine = line,
                    Type = OpportunityType.Renewal,
                    Amount = Math.Round(w.Amount * (decimal)ratio, 2),
                    CreatedAt = asOf,
                    Stage = view.Settings.HistoryFallbackStage,
                    Status = OpportunityStatus.Open,
                });
                book.CreationChance.Add(chance);
            }
        }

        return book;
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

    /// <summary>The lags' distribution by day, each observation spread over ±<see cref="Smoothing"/> days.</summary>
    private static double[] LagDensity(List<int> lags, int longest)
    {
        var pdf = new double[longest + Smoothing + 1];
        var weight = 0.0;
        foreach (var lag in lags)
        {
            for (var k = -Smoothing; k <= Smoothing; k++)
            {
                var at = lag + k;
                if (at >= 0 && at < pdf.Length)
                {
                    var w = Smoothing + 1 - Math.Abs(k);
                    pdf[at] += w;
                    weight += w;
                }
            }
        }

        for (var l = 0; l < pdf.Length; l++)
        {
            pdf[l] /= weight;
        }

        return pdf;
    }
}
