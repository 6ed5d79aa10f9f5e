using Bellwether.Core.Accounts;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// grr, nrr and logo_churn split into the shares of the cohort's base lost to churned clients and to contraction (and,
/// for nrr, gained by expansion), per slice: grr = 1 − churn/base − contraction/base, so the gap in points is exactly
/// the change of those shares. The churned clients are listed by name with what their engagement said before they
/// left. A plan's single ratio is given the trailing year's shares, scaled to reach it.
/// </summary>
internal sealed class RetentionFamily(string metric) : IExplainFamily
{
    public const string Churn = "churn";
    public const string Contraction = "contraction";
    public const string Expansion = "expansion";
    public const string ChurnedClients = "churned_clients";
    private const int ListedAccounts = 20;

    private static readonly DriverDefinition[] Drivers =
    [
        new(Churn, "churn", Unit.Ratio),
        new(Contraction, "contraction", Unit.Ratio),
        new(Expansion, "expansion", Unit.Ratio),
        new(ChurnedClients, "churned clients", Unit.Ratio),
    ];

    public IReadOnlyList<Dimension> Usual { get; } = [Dimension.ServiceLine, Dimension.Vertical, Dimension.AccountRegion];

    public string? CannotSlice(Dimension dimension) =>
        Attributes.RevenueHas(dimension) ? null : $"the revenue ledger cannot be split by {ExplainContext.Name(dimension)} (only account, vertical, account_region, service_line)";

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        var book = new RevenueBook(context.View, context.Attributes, context.Filter);
        var period = context.Period;
        if (Ledger.Unexplainable(context, book, metric) is { } draft)
        {
            return draft;
        }

        var actual = RetentionMoves.Of(book, context.Calendar, period, context.Attributes, by);
        if (actual.Base <= 0)
        {
            return Draft.Lacking($"no account had revenue in {context.Calendar.Previous(period).Label}, the cohort {metric} of {period.Label} is read from");
        }

        var comparison = Comparison(context, book, by);
        if (comparison.Missing is { } missing)
        {
            return Draft.Lacking(missing);
        }

        var parts = new List<SlicePart>();
        foreach (var key in actual.Slices.Keys.Union(comparison.Shares.Keys).Order(StringComparer.Ordinal))
        {
            var a = Shares(actual.Slices.GetValueOrDefault(key), actual.Base, actual.Cohort);
            var c = comparison.Shares.GetValueOrDefault(key) ?? new RetentionSums();
            parts.Add(new SlicePart(context.SliceOf(by, key), context.LabelOf(by, key), Identity(a, c), Values(a, c)));
        }

        var totalActual = Total(actual.Slices.Values.Select(s => Shares(s, actual.Base, actual.Cohort)));
        var totalComparison = Total(comparison.Shares.Values);
        return new Draft
        {
            Decomposition = Decomposer.Run(parts, Drivers, Values(totalActual, totalComparison), metric == "logo_churn" ? 0 : 1, context.Plan?.Target, 0.000001m),
            By = by,
            Method = (metric switch
            {
                "logo_churn" => "logo_churn = Σ over slices of the cohort's clients lost there / the cohort",
                "nrr" => "nrr = 1 − churned revenue / base − contraction / base + expansion / base over the cohort (accounts with revenue in the period before)",
                _ => "grr = 1 − churned revenue / base − contraction / base over the cohort (accounts with revenue in the period before)",
            }) + "; each slice's shares change by exactly its part of the gap" + (comparison.Note is { } note ? "; " + note : ""),
            Accounts = Listed(context, book, actual),
        };
    }

    /// <summary>Each slice's churn, contraction and expansion as shares of the cohort's base (churned clients as a share of its count).</summary>
    private static RetentionSums Shares(RetentionSums? sums, decimal totalBase, decimal cohort) => sums is null ? new RetentionSums() : new RetentionSums
    {
        Churn = sums.Churn / totalBase,
        Contraction = sums.Contraction / totalBase,
        Expansion = sums.Expansion / totalBase,
        Churned = sums.Churned / cohort,
    };

    private (Dictionary<string, RetentionSums> Shares, string? Note, string? Missing) Comparison(ExplainContext context, RevenueBook book, Dimension? by)
    {
        if (context.ComparisonPeriod is { } other)
        {
            var source = context.AgainstBaseline ? new RevenueBook(context.ComparisonView, context.ComparisonAttributes, context.Filter) : book;
            if (!source.Holds(other) || !source.Holds(context.Calendar.Previous(other)))
            {
                return ([], null, $"the revenue ledger does not hold {context.Calendar.Previous(other).Label} and {other.Label}, which {metric} of {other.Label} is read from");
            }

            var moves = RetentionMoves.Of(source, context.Calendar, other, context.ComparisonAttributes, by);
            return moves.Base <= 0
                ? ([], null, $"no account had revenue in {context.Calendar.Previous(other).Label}")
                : (moves.Slices.ToDictionary(kv => kv.Key, kv => Shares(kv.Value, moves.Base, moves.Cohort), StringComparer.Ordinal), null, null);
        }

        var trailing = context.TrailingYear(null).Where(p => book.Holds(p) && book.Holds(context.Calendar.Previous(p))).ToList();
        if (trailing.Count == 0)
        {
            return ([], null, $"the revenue ledger holds no period in the year before {context.Period.Label} to imply the plan's drivers from");
        }

        // Ratio of sums over the trailing year: Σ churn / Σ base, so a large quarter weighs as much as it is large.
        var sums = new Dictionary<string, RetentionSums>(StringComparer.Ordinal);
        decimal totalBase = 0, cohort = 0;
        foreach (var p in trailing)
        {
            var moves = RetentionMoves.Of(book, context.Calendar, p, context.Attributes, by);
            totalBase += moves.Base;
            cohort += moves.Cohort;
            foreach (var (key, s) in moves.Slices)
            {
                (sums.TryGetValue(key, out var sum) ? sum : sums[key] = new RetentionSums()).Add(s);
            }
        }

        var shares = sums.ToDictionary(kv => kv.Key, kv => Shares(kv.Value, totalBase, cohort), StringComparer.Ordinal);
        var total = Total(shares.Values);
        var target = context.Plan!.Target;
        var losses = total.Churn + total.Contraction;
        decimal kLoss, kGain;
        switch (metric)
        {
            case "logo_churn":
                kLoss = total.Churned == 0 ? 0 : target / total.Churned;
                kGain = 1;
                break;
            case "nrr" when total.Expansion - losses != 0 && (target - 1) / (total.Expansion - losses) > 0:
                kLoss = kGain = (target - 1) / (total.Expansion - losses);
                break;
            case "nrr":
                kLoss = losses == 0 ? 0 : (1 + total.Expansion - target) / losses;
                kGain = 1;
                break;
            default:
                kLoss = losses == 0 ? 0 : (1 - target) / losses;
                kGain = 1;
                break;
        }

        if (kLoss <= 0)
        {
            return ([], null, $"the trailing year's {metric} ({trailing[^1].Label} to {trailing[0].Label}) cannot be scaled to the plan's {target}: the plan's drivers cannot be implied");
        }

        var scaled = shares.ToDictionary(
            kv => kv.Key,
            kv => new RetentionSums { Churn = kv.Value.Churn * kLoss, Contraction = kv.Value.Contraction * kLoss, Expansion = kv.Value.Expansion * kGain, Churned = kv.Value.Churned * kLoss },
            StringComparer.Ordinal);
        return (scaled, $"the plan's drivers are implied: the shares of {trailing[^1].Label} to {trailing[0].Label} per slice, scaled ×{Math.Round(kLoss, 3)} to reach the plan", null);
    }

    private Identity Identity(RetentionSums a, RetentionSums c)
    {
        var identity = new Identity();
        if (metric == "logo_churn")
        {
            return identity.Add(new Factor(ChurnedClients, c.Churned, a.Churned));
        }

        identity.Add(new Factor(Churn, -c.Churn, -a.Churn));
        identity.Add(new Factor(Contraction, -c.Contraction, -a.Contraction));
        if (metric == "nrr")
        {
            identity.Add(new Factor(Expansion, c.Expansion, a.Expansion));
        }

        return identity;
    }

    private static Dictionary<string, DriverValues> Values(RetentionSums a, RetentionSums c) => new(StringComparer.Ordinal)
    {
        [Churn] = new(Math.Round(c.Churn, 6), Math.Round(a.Churn, 6)),
        [Contraction] = new(Math.Round(c.Contraction, 6), Math.Round(a.Contraction, 6)),
        [Expansion] = new(Math.Round(c.Expansion, 6), Math.Round(a.Expansion, 6)),
        [ChurnedClients] = new(Math.Round(c.Churned, 6), Math.Round(a.Churned, 6)),
    };

    private static RetentionSums Total(IEnumerable<RetentionSums> all)
    {
        var total = new RetentionSums();
        foreach (var s in all)
        {
            total.Add(s);
        }

        return total;
    }

    /// <summary>The clients that left, largest first, with their signs; then the largest contractions.</summary>
    private static List<AccountChange> Listed(ExplainContext context, RevenueBook book, RetentionMoves moves)
    {
        var byAccount = context.Engagement.GroupBy(e => e.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<EngagementSignal>)[.. g], StringComparer.Ordinal);
        var churned = moves.Accounts.Where(a => a.Now <= 0).OrderByDescending(a => a.Before).ThenBy(a => a.Account, StringComparer.Ordinal).Take(ListedAccounts);
        var contracted = moves.Accounts.Where(a => a.Now > 0 && a.Now < a.Before).OrderByDescending(a => a.Before - a.Now).ThenBy(a => a.Account, StringComparer.Ordinal).Take(ListedAccounts / 4);
        return
        [
            .. churned.Select(a =>
            {
                // What their engagement said when their revenue stopped: at the start of the first month without it.
                var left = book.LastRevenueMonth(a.Account, context.Period.Start) is { } last ? Instants.StartOfDay(last.AddMonths(1)) : context.Period.StartInstant;
                var at = left < context.AsOf ? left : context.AsOf;
                return Change(context, a, "churned", EngagementReading.Signs(byAccount.GetValueOrDefault(a.Account) ?? [], at));
            }),
            .. contracted.Select(a => Change(context, a, "contracted", EngagementReading.Signs(byAccount.GetValueOrDefault(a.Account) ?? [], Earlier(context.Period.StartInstant, context.AsOf)))),
        ];
    }

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static AccountChange Change(ExplainContext context, (string Account, decimal Before, decimal Now, IReadOnlyList<string> Lines) a, string kind, EngagementSigns? signs) => new()
    {
        AccountId = a.Account,
        Name = context.Attributes.AccountName(a.Account),
        Kind = kind,
        Before = a.Before,
        After = a.Now,
        ServiceLines = a.Lines,
        Signals = signs,
    };
}
