using Bellwether.Core.Finance;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// operating_margin = 1 − (cogs + Σ expense categories) / Σ service lines' revenue, split exactly in points by the
/// Shapley values of every cost category and every service line's revenue: which costs grew faster than revenue, and
/// which line's revenue shortfall left the costs to weigh more. A plan's single margin is given the trailing year's
/// revenue and costs, with costs scaled to reach it.
/// </summary>
internal sealed class MarginFamily : IExplainFamily
{
    private const string Metric = "operating_margin";
    private const string Cogs = "cogs";
    private const string RevenuePrefix = "revenue:";
    private const string AllLines = "all service lines";

    public IReadOnlyList<Dimension> Usual { get; } = [];

    public string? CannotSlice(Dimension dimension) =>
        $"operating_margin is explained for the whole company: expenses.csv is not split by {ExplainContext.Name(dimension)}";

    public Draft Explain(ExplainContext context, Dimension? by)
    {
        var book = new RevenueBook(context.View, context.Attributes, context.Filter);
        if (Ledger.Unexplainable(context, book, Metric) is { } draft)
        {
            return draft;
        }

        var actual = Books.Of(context.View, book, context.Period);
        Books comparison;
        string? note = null;
        if (context.ComparisonPeriod is { } other)
        {
            var source = context.AgainstBaseline ? new RevenueBook(context.ComparisonView, context.ComparisonAttributes, context.Filter) : book;
            if (!source.Holds(other))
            {
                return Draft.Lacking($"the revenue ledger does not hold {other.Label}");
            }

            comparison = Books.Of(context.ComparisonView, source, other);
        }
        else
        {
            var trailing = context.TrailingYear(null).Where(book.Holds).ToList();
            if (trailing.Count == 0)
            {
                return Draft.Lacking($"the revenue ledger holds no period in the year before {context.Period.Label} to imply the plan's drivers from");
            }

            var average = Books.Average([.. trailing.Select(p => Books.Of(context.View, book, p))]);
            var revenue = average.Revenue.Values.Sum();
            var costs = average.Costs.Values.Sum();
            if (revenue <= 0 || costs <= 0)
            {
                return Draft.Lacking($"no revenue or no costs in {trailing[^1].Label} to {trailing[0].Label}: the plan's drivers cannot be implied");
            }

            // The plan keeps the trailing year's revenue and cost mix; its costs are what make the planned margin.
            var k = (1 - context.Plan!.Target) * revenue / costs;
            comparison = average with { Costs = average.Costs.ToDictionary(c => c.Key, c => c.Value * k, StringComparer.Ordinal) };
            note = $"the plan's drivers are implied: the average revenue per service line and costs per category of {trailing[^1].Label} to {trailing[0].Label}, costs scaled ×{Math.Round(k, 3)} to reach the planned margin";
        }

        if (actual.Revenue.Values.Sum() <= 0 || comparison.Revenue.Values.Sum() <= 0)
        {
            return Draft.Lacking($"no revenue in {(actual.Revenue.Values.Sum() <= 0 ? context.Period.Label : context.ComparisonLabel)}: a margin cannot be read");
        }

        var costNames = actual.Costs.Keys.Union(comparison.Costs.Keys).OrderBy(CostOrder).ToList();
        var lines = actual.Revenue.Keys.Union(comparison.Revenue.Keys).Order(StringComparer.Ordinal).ToList();
        if (lines.Count + costNames.Count > Shapley.MaxPlayers)
        {
            // Too many lines to give each its own driver: revenue moves as one.
            actual = actual with { Revenue = new() { [AllLines] = actual.Revenue.Values.Sum() } };
            comparison = comparison with { Revenue = new() { [AllLines] = comparison.Revenue.Values.Sum() } };
            lines = [AllLines];
        }
        var drivers = costNames.Select(c => new DriverDefinition(c, c.Replace('_', ' '), Unit.Money))
            .Concat(lines.Select(l => new DriverDefinition(RevenuePrefix + l, $"revenue of {l.Replace('_', ' ')}", Unit.Money)))
            .ToList();
        decimal Value(Func<string, bool> switched)
        {
            var revenue = lines.Sum(l => switched(RevenuePrefix + l) ? actual.Revenue.GetValueOrDefault(l) : comparison.Revenue.GetValueOrDefault(l));
            var costs = costNames.Sum(c => switched(c) ? actual.Costs.GetValueOrDefault(c) : comparison.Costs.GetValueOrDefault(c));
            return 1 - (costs / revenue);
        }

        var values = costNames.ToDictionary(c => c, c => new DriverValues(Math.Round(comparison.Costs.GetValueOrDefault(c), 2), Math.Round(actual.Costs.GetValueOrDefault(c), 2)), StringComparer.Ordinal);
        foreach (var l in lines)
        {
            values[RevenuePrefix + l] = new DriverValues(Math.Round(comparison.Revenue.GetValueOrDefault(l), 2), Math.Round(actual.Revenue.GetValueOrDefault(l), 2));
        }

        var identity = new FunctionIdentity([.. drivers.Select(d => d.Name)], Value);
        var part = new SlicePart(context.SliceOf(null, ""), "", identity, values);
        var decomposition = Decomposer.Run([part], drivers, values, 0, context.Plan?.Target, 0.000001m);
        return new Draft
        {
            Decomposition = decomposition,
            Method = "operating_margin = 1 − (cogs + Σ expense categories) / Σ service lines' revenue; the change in points is split by the Shapley values of every cost category and every line's revenue"
                + (note is null ? "" : "; " + note),
            Facts =
            [
                new Fact { Name = "revenue", Label = "revenue", Unit = Unit.Money, From = Math.Round(comparison.Revenue.Values.Sum(), 2), To = actual.Revenue.Values.Sum() },
                new Fact { Name = "costs", Label = "cogs and operating expenses", Unit = Unit.Money, From = Math.Round(comparison.Costs.Values.Sum(), 2), To = actual.Costs.Values.Sum() },
            ],
        };
    }

    /// <summary>cogs first, then the expense categories in the file format's order.</summary>
    private static int CostOrder(string name) => name == Cogs ? -1 : SnakeCase.TryParse<ExpenseCategory>(name, out var c) ? (int)c : int.MaxValue;

    /// <summary>A period's revenue per service line and costs per category (cogs as one).</summary>
    private sealed record Books(Dictionary<string, decimal> Revenue, Dictionary<string, decimal> Costs)
    {
        public static Books Of(Data.Dataset view, RevenueBook book, Period period)
        {
            var lines = book.ByLine(period);
            var costs = new Dictionary<string, decimal>(StringComparer.Ordinal) { [Cogs] = lines.Values.Sum(l => l.Cogs) };
            foreach (var expense in view.Expenses)
            {
                if (period.Contains(expense.Month))
                {
                    var name = SnakeCase.Name(expense.Category);
                    costs[name] = costs.GetValueOrDefault(name) + expense.Amount;
                }
            }

            return new Books(lines.ToDictionary(l => l.Key, l => l.Value.Revenue, StringComparer.Ordinal), costs);
        }

        public static Books Average(IReadOnlyList<Books> all)
        {
            var revenue = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var costs = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var books in all)
            {
                foreach (var (k, v) in books.Revenue)
                {
                    revenue[k] = revenue.GetValueOrDefault(k) + (v / all.Count);
                }

                foreach (var (k, v) in books.Costs)
                {
                    costs[k] = costs.GetValueOrDefault(k) + (v / all.Count);
                }
            }

            return new Books(revenue, costs);
        }
    }
}
