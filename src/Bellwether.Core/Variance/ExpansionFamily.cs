using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Variance;

/// <summary>
/// expansion_revenue split into new services against larger existing ones: each expanding client's growth
/// (max(0, now − before), as the indicator counts it) is shared between the service lines it did not have before and
/// the lines it had that grew, in proportion; the new-service part is clients adding a service × revenue per such
/// client. Shapley values of the three drivers split the gap, per slice.
/// </summary>
internal sealed class ExpansionFamily : IExplainFamily
{
    public const string Adders = "clients_adding_services";
    public const string NewServiceRevenue = "new_service_revenue";
    public const string LargerServices = "larger_services";
    private const string Metric = "expansion_revenue";

    private static readonly DriverDefinition[] Drivers =
    [
        new(Adders, "clients adding a service", Unit.Count),
        new(NewServiceRevenue, "revenue per new service", Unit.Money),
        new(LargerServices, "larger existing services", Unit.Money),
    ];

    public IReadOnlyList<Dimension> Usual { get; } = [Dimension.ServiceLine, Dimension.Vertical, Dimension.AccountRegion];

    public string? CannotSlice(Dimension dimension) =>
        Attributes.RevenueHas(dimension) ? null : $"the revenue ledger cannot be split by {ExplainContext.Name(dimension)} (only account, vertical, account_region, service_line)";

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        var book = new RevenueBook(context.View, context.Attributes, context.Filter);
        if (Ledger.Unexplainable(context, book, Metric) is { } draft)
        {
            return draft;
        }

        var actual = Moves(context, context.Attributes, book, context.Period, by);
        Dictionary<string, Growth> comparison;
        string? note = null;
        if (context.ComparisonPeriod is { } other)
        {
            var source = context.AgainstBaseline ? new RevenueBook(context.ComparisonView, context.ComparisonAttributes, context.Filter) : book;
            if (!source.Holds(other) || !source.Holds(context.Calendar.Previous(other)))
            {
                return Draft.Lacking($"the revenue ledger does not hold {context.Calendar.Previous(other).Label} and {other.Label}, which expansion_revenue of {other.Label} is read from");
            }

            comparison = Moves(context, context.ComparisonAttributes, source, other, by).Slices;
        }
        else
        {
            var trailing = context.TrailingYear(null).Where(p => book.Holds(p) && book.Holds(context.Calendar.Previous(p))).ToList();
            if (trailing.Count == 0)
            {
                return Draft.Lacking($"the revenue ledger holds no period in the year before {context.Period.Label} to imply the plan's drivers from");
            }

            var average = new Dictionary<string, Growth>(StringComparer.Ordinal);
            foreach (var p in trailing)
            {
                foreach (var (key, g) in Moves(context, context.Attributes, book, p, by).Slices)
                {
                    (average.TryGetValue(key, out var sum) ? sum : average[key] = new Growth()).Add(g, 1m / trailing.Count);
                }
            }

            var total = average.Values.Sum(g => g.NewRevenue + g.Larger);
            if (total == 0)
            {
                return Draft.Lacking($"no client expanded in {trailing[^1].Label} to {trailing[0].Label}: the plan's drivers cannot be implied");
            }

            var k = context.Plan!.Target / total;
            comparison = average.ToDictionary(kv => kv.Key, kv => kv.Value.Scaled(k), StringComparer.Ordinal);
            note = $"the plan's drivers are implied: the average of {trailing[^1].Label} to {trailing[0].Label} per slice, scaled ×{Math.Round(k, 3)} to reach the plan";
        }

        var parts = new List<SlicePart>();
        foreach (var key in actual.Slices.Keys.Union(comparison.Keys).Order(StringComparer.Ordinal))
        {
            var a = actual.Slices.GetValueOrDefault(key) ?? new Growth();
            var c = comparison.GetValueOrDefault(key) ?? new Growth();
            parts.Add(new SlicePart(context.SliceOf(by, key), context.LabelOf(by, key), Identity(a, c), Values(a, c)));
        }

        var totalActual = new Growth();
        var totalComparison = new Growth();
        foreach (var g in actual.Slices.Values)
        {
            totalActual.Add(g);
        }

        foreach (var g in comparison.Values)
        {
            totalComparison.Add(g);
        }

        return new Draft
        {
            Decomposition = Decomposer.Run(parts, Drivers, Values(totalActual, totalComparison), 0, context.Plan?.Target, 0.01m),
            By = by,
            Method = "expansion_revenue = clients adding a service × revenue per new service + growth of services clients already had (each expanding client's growth shared between its new and its existing lines in proportion); Shapley values per slice"
                + (note is null ? "" : "; " + note),
            Accounts = actual.Expanded,
        };
    }

    private static Identity Identity(Growth a, Growth c)
    {
        decimal? from = c.Adders == 0 ? null : c.NewRevenue / c.Adders;
        decimal? to = a.Adders == 0 ? null : a.NewRevenue / a.Adders;
        return new Identity()
            .Add(new Factor(Adders, c.Adders, a.Adders), new Factor(NewServiceRevenue, from ?? to ?? 0, to ?? from ?? 0))
            .Add(new Factor(LargerServices, c.Larger, a.Larger));
    }

    private static Dictionary<string, DriverValues> Values(Growth a, Growth c) => new(StringComparer.Ordinal)
    {
        [Adders] = new(Math.Round(c.Adders, 4), Math.Round(a.Adders, 4)),
        [NewServiceRevenue] = new(c.Adders == 0 ? null : Math.Round(c.NewRevenue / c.Adders, 2), a.Adders == 0 ? null : Math.Round(a.NewRevenue / a.Adders, 2)),
        [LargerServices] = new(Math.Round(c.Larger, 2), Math.Round(a.Larger, 2)),
    };

    private static (Dictionary<string, Growth> Slices, List<AccountChange> Expanded) Moves(ExplainContext context, Attributes attributes, RevenueBook book, Time.Period period, Dimension? by)
    {
        var before = book.ByAccount(context.Calendar.Previous(period));
        var now = book.ByAccount(period);
        var slices = new Dictionary<string, Growth>(StringComparer.Ordinal);
        var expanded = new List<AccountChange>();
        Growth Of(string key) => slices.TryGetValue(key, out var g) ? g : slices[key] = new Growth();
        foreach (var (account, lines) in before.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var b = lines.Values.Sum();
            var nowLines = now.GetValueOrDefault(account) ?? [];
            var n = nowLines.Values.Sum();
            if (b <= 0 || n <= b)
            {
                continue;
            }

            var newLines = nowLines.Where(l => lines.GetValueOrDefault(l.Key) <= 0 && l.Value > 0).ToDictionary(l => l.Key, l => l.Value);
            var grown = nowLines.Where(l => lines.GetValueOrDefault(l.Key) > 0).ToDictionary(l => l.Key, l => Math.Max(0, l.Value - lines[l.Key]));
            var newTotal = newLines.Values.Sum();
            var grownTotal = grown.Values.Sum();
            var growth = n - b;
            var newPart = growth * newTotal / (newTotal + grownTotal);
            var largerPart = growth - newPart;
            foreach (var (key, weight) in Shares(attributes, account, by, newLines))
            {
                Of(key).NewRevenue += newPart * weight;
                Of(key).Adders += weight;
            }

            foreach (var (key, weight) in Shares(attributes, account, by, grown))
            {
                Of(key).Larger += largerPart * weight;
            }

            expanded.Add(new AccountChange
            {
                AccountId = account,
                Name = attributes.AccountName(account),
                Kind = "expanded",
                Before = b,
                After = n,
                ServiceLines = [.. lines.Where(l => l.Value > 0).Select(l => l.Key).Order(StringComparer.Ordinal)],
            });
        }

        return (slices, [.. expanded.OrderByDescending(a => a.Change).ThenBy(a => a.AccountId, StringComparer.Ordinal).Take(10)]);
    }

    /// <summary>The slices a part of an account's growth goes to: its own value, or the service lines it came from.</summary>
    private static IEnumerable<(string Key, decimal Weight)> Shares(Attributes attributes, string account, Dimension? by, Dictionary<string, decimal> lines)
    {
        var total = lines.Values.Sum();
        if (total <= 0)
        {
            return [];
        }

        return by switch
        {
            null => [("", 1m)],
            Dimension.ServiceLine => lines.Where(l => l.Value > 0).Select(l => (l.Key, l.Value / total)),
            { } d => [(attributes.OfAccount(account, d), 1m)],
        };
    }

    /// <summary>One slice's expansion: clients adding a service (fractional when split by line), their new lines' revenue, and growth of existing lines.</summary>
    private sealed class Growth
    {
        public decimal Adders { get; set; }

        public decimal NewRevenue { get; set; }

        public decimal Larger { get; set; }

        public void Add(Growth other, decimal weight = 1)
        {
            Adders += other.Adders * weight;
            NewRevenue += other.NewRevenue * weight;
            Larger += other.Larger * weight;
        }

        public Growth Scaled(decimal k) => new() { Adders = Adders * k, NewRevenue = NewRevenue * k, Larger = Larger * k };
    }
}
