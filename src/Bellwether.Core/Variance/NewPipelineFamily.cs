using Bellwether.Core.Data;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// new_pipeline (Σ amount, as first recorded, of the deals created in the period) split into new deals × their average
/// amount, per slice, by Shapley values: a fall in leads shows as fewer new deals, a change of mix or pricing as their
/// size. A plan is given the trailing year's average per slice, scaled to reach it.
/// </summary>
internal sealed class NewPipelineFamily : IExplainFamily
{
    public const string NewDeals = "new_deals";
    public const string NewDealSize = "new_deal_size";

    private static readonly DriverDefinition[] Drivers =
    [
        new(NewDeals, "new deals", Unit.Count),
        new(NewDealSize, "average new deal", Unit.Money),
    ];

    public IReadOnlyList<Dimension> Usual { get; } = [Dimension.Source, Dimension.Vertical, Dimension.ServiceLine, Dimension.Rep, Dimension.Channel];

    public string? CannotSlice(Dimension dimension) =>
        Attributes.DealsHave(dimension) ? null : $"deals cannot be split by {ExplainContext.Name(dimension)}";

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        if (!context.Over)
        {
            return Draft.Lacking($"{context.Period.Label} is not over as of {Instants.Format(context.AsOf)} and new_pipeline is not forecast: explain a period that is over");
        }

        var created = Created(context.View, context.Attributes, context, by);
        var actual = created(context.Period);
        Dictionary<string, (decimal Count, decimal Amount)> comparison;
        string? note = null;
        if (context.ComparisonPeriod is { } other)
        {
            comparison = (context.AgainstBaseline ? Created(context.ComparisonView, context.ComparisonAttributes, context, by) : created)(other);
        }
        else
        {
            var trailing = context.TrailingYear(null).Where(p => context.View.Opportunities.Any(o => o.CreatedAt < p.StartInstant)).ToList();
            var sums = new Dictionary<string, (decimal Count, decimal Amount)>(StringComparer.Ordinal);
            foreach (var p in trailing)
            {
                foreach (var (key, (count, amount)) in created(p))
                {
                    var (c, a) = sums.GetValueOrDefault(key);
                    sums[key] = (c + (count / trailing.Count), a + (amount / trailing.Count));
                }
            }

            var total = sums.Values.Sum(v => v.Amount);
            if (total == 0)
            {
                return Draft.Lacking($"no deals were created in the year before {context.Period.Label} to imply the plan's drivers from");
            }

            var k = context.Plan!.Target / total;
            comparison = sums.ToDictionary(kv => kv.Key, kv => (kv.Value.Count * k, kv.Value.Amount * k), StringComparer.Ordinal);
            note = $"the plan's drivers are implied: the average of {trailing[^1].Label} to {trailing[0].Label} per slice (deal size), with the number of deals scaled ×{Math.Round(k, 3)} to reach the target";
        }

        var parts = new List<SlicePart>();
        foreach (var key in actual.Keys.Union(comparison.Keys).Order(StringComparer.Ordinal))
        {
            var a = actual.GetValueOrDefault(key);
            var c = comparison.GetValueOrDefault(key);
            parts.Add(new SlicePart(context.SliceOf(by, key), context.LabelOf(by, key), Identity(a, c), Values(a, c)));
        }

        var totals = Values((actual.Values.Sum(v => v.Count), actual.Values.Sum(v => v.Amount)), (comparison.Values.Sum(v => v.Count), comparison.Values.Sum(v => v.Amount)));
        return new Draft
        {
            Decomposition = Decomposer.Run(parts, Drivers, totals, 0, context.Plan?.Target, 0.01m),
            By = by,
            Method = "new_pipeline = new deals × their average amount as first recorded, per slice; Shapley values of the two drivers" + (note is null ? "" : "; " + note),
        };
    }

    private static Identity Identity((decimal Count, decimal Amount) a, (decimal Count, decimal Amount) c)
    {
        decimal? from = c.Count == 0 ? null : c.Amount / c.Count;
        decimal? to = a.Count == 0 ? null : a.Amount / a.Count;
        return new Identity().Add(new Factor(NewDeals, c.Count, a.Count), new Factor(NewDealSize, from ?? to ?? 0, to ?? from ?? 0));
    }

    private static Dictionary<string, DriverValues> Values((decimal Count, decimal Amount) a, (decimal Count, decimal Amount) c) => new(StringComparer.Ordinal)
    {
        [NewDeals] = new(Math.Round(c.Count, 4), a.Count),
        [NewDealSize] = new(c.Count == 0 ? null : Math.Round(c.Amount / c.Count, 2), a.Count == 0 ? null : Math.Round(a.Amount / a.Count, 2)),
    };

    /// <summary>Per slice, the deals created in a period and their amounts as first recorded (the first history row's, else the deal's own).</summary>
    private static Func<Period, Dictionary<string, (decimal Count, decimal Amount)>> Created(Dataset view, Attributes attributes, ExplainContext context, Dimension? by)
    {
        var first = new Dictionary<string, (DateTimeOffset At, decimal Amount)>(StringComparer.Ordinal);
        foreach (var change in view.History)
        {
            if (!first.TryGetValue(change.OpportunityId, out var known) || change.ChangedAt < known.At)
            {
                first[change.OpportunityId] = (change.ChangedAt, change.Amount);
            }
        }

        var deals = view.Opportunities.Where(o => attributes.DealIn(o, context.Filter))
            .Select(o => (Deal: o, Slice: by is { } d ? attributes.OfDeal(o, d) : "", Amount: first.TryGetValue(o.OpportunityId, out var f) ? f.Amount : o.Amount))
            .ToList();
        return period =>
        {
            var result = new Dictionary<string, (decimal Count, decimal Amount)>(StringComparer.Ordinal);
            foreach (var (deal, slice, amount) in deals)
            {
                if (period.Contains(deal.CreatedAt))
                {
                    var (count, sum) = result.GetValueOrDefault(slice);
                    result[slice] = (count + 1, sum + amount);
                }
            }

            return result;
        };
    }
}
