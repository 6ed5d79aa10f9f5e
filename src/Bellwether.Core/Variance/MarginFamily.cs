using Bellwether.Core.Finance;
using Bellwether.Core.Forecasting;
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
        if (ClosedMonthsOfAnOpenPeriod(context, book) is { Count: > 0 } closed)
        {
            return ExplainOpen(context, book, closed);
        }

        if (Ledger.Unexplainable(context, book, Metric) is { } draft)
        {
            return draft;
        }

        var actual = Books.Of(context.View, book, context.Period.Contains);
        if (Comparison(context, book, out var comparison, out var note) is { } lacking)
        {
            return lacking;
        }

        if (actual.Revenue.Values.Sum() <= 0 || comparison!.Revenue.Values.Sum() <= 0)
        {
            return Draft.Lacking($"no revenue in {(actual.Revenue.Values.Sum() <= 0 ? context.Period.Label : context.ComparisonLabel)}: a margin cannot be read");
        }

        var split = new Split(actual, comparison, Forecast: null);
        return new Draft
        {
            Decomposition = split.Decompose(context),
            Method = "operating_margin = 1 − (cogs + Σ expense categories) / Σ service lines' revenue; the change in points is split by the Shapley values of every cost category and every line's revenue"
                + (note is null ? "" : "; " + note),
            Facts = split.Facts(),
        };
    }

    /// <summary>
    /// The months of a period not over that the books have closed (none when the period is over, not forecast, or
    /// has no month closed yet: then the ledger's one-figure reading stands).
    /// </summary>
    private static List<DateOnly> ClosedMonthsOfAnOpenPeriod(ExplainContext context, RevenueBook book)
    {
        if (context.Over || !context.CanForecast || context.Period.Grain < Grain.Month || book.LastMonth is not { } last || book.FirstMonth is not { } first)
        {
            return [];
        }

        // Every month closed is a period the books hold, read as a closed one.
        var months = Months(context.Period).ToList();
        var closed = months.Where(m => m >= first && m <= last).ToList();
        return closed.Count == months.Count ? [] : closed;
    }

    private static IEnumerable<DateOnly> Months(Period period)
    {
        for (var m = period.Start; m < period.End; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>
    /// A period not over whose first months are closed: those months split by cost category and line as a closed
    /// period is, and the months still open as one driver — the forecast, its revenue the forecaster's P50 for those
    /// months and its costs what brings the whole period to the forecaster's P50 margin, so that the drivers add up to
    /// the gap the plan status shows. The comparison's books are shared between the two parts by months.
    /// </summary>
    private static Draft ExplainOpen(ExplainContext context, RevenueBook book, List<DateOnly> closed)
    {
        var margin = context.Forecast.Forecast(new ForecastQuery { Indicators = [Metric], Period = context.Period, Filter = context.Filter }).Single();
        if (margin.P50 is not { } p50)
        {
            return Draft.Lacking($"no forecast of {Metric} for {context.Period.Label}: {margin.MissingReason}");
        }

        var open = Months(context.Period).Except(closed).Select(m => context.Calendar.Month(m.Year, m.Month)).ToList();
        var revenueRows = context.Forecast.Forecast(new ForecastQuery { Indicators = [ForecastIndicators.Revenue], Period = open[0], Filter = context.Filter }, open, null);
        if (revenueRows.FirstOrDefault(r => r.P50 is null) is { } unknown)
        {
            return Draft.Lacking($"no forecast of revenue for {unknown.Period}: {unknown.MissingReason}");
        }

        if (Comparison(context, book, out var whole, out var note) is { } lacking)
        {
            return lacking;
        }

        var actual = Books.Of(context.View, book, new HashSet<DateOnly>(closed).Contains);
        var share = closed.Count / (decimal)(closed.Count + open.Count);
        var comparisonClosed = whole!.Scaled(share);
        var comparisonOpen = whole.Scaled(1 - share);
        var forecastRevenue = revenueRows.Sum(r => r.P50!.Value);
        var rounded = Apportion.Round(p50, 0.000001m);
        var forecastCosts = ((1 - rounded) * (actual.Revenue.Values.Sum() + forecastRevenue)) - actual.Costs.Values.Sum();
        if (forecastRevenue <= 0 || forecastCosts < 0 || comparisonOpen.Revenue.Values.Sum() <= 0 || comparisonClosed.Revenue.Values.Sum() <= 0)
        {
            return Ledger.ForecastOnly(context, Metric);
        }

        var split = new Split(actual, comparisonClosed, new Remainder(comparisonOpen.Revenue.Values.Sum(), comparisonOpen.Costs.Values.Sum(), forecastRevenue, forecastCosts));
        var closedLabel = closed.Count == 1 ? $"{closed[0]:yyyy-MM}" : $"{closed[0]:yyyy-MM} to {closed[^1]:yyyy-MM}";
        var openLabel = open.Count == 1 ? open[0].Label : $"{open[0].Label} to {open[^1].Label}";
        return new Draft
        {
            Decomposition = split.Decompose(context),
            Basis = Basis.ForecastP50,
            BasisNote = $"{context.Period.Label} is not over as of {Instants.Format(context.AsOf)}: {closedLabel} from the books, {openLabel} from the forecast (as of the same instant), whose P50 for the period stands for it",
            Method = "operating_margin = 1 − (cogs + Σ expense categories) / Σ service lines' revenue; the change in points is split by the Shapley values of every cost category and every line's revenue over the months closed, and of the months not closed as one driver (their revenue the forecast's P50, their costs what makes the period's P50 margin); the comparison's revenue and costs are shared between the two by months"
                + (note is null ? "" : "; " + note),
            Facts = split.Facts(),
        };
    }

    /// <summary>The comparison's books for the whole period: the comparison period's, or the plan's implied from the trailing year.</summary>
    private static Draft? Comparison(ExplainContext context, RevenueBook book, out Books? comparison, out string? note)
    {
        comparison = null;
        note = null;
        if (context.ComparisonPeriod is { } other)
        {
            var source = context.AgainstBaseline ? new RevenueBook(context.ComparisonView, context.ComparisonAttributes, context.Filter) : book;
            if (!source.Holds(other))
            {
                return Draft.Lacking($"the revenue ledger does not hold {other.Label}");
            }

            comparison = Books.Of(context.ComparisonView, source, other.Contains);
            return null;
        }

        var trailing = context.TrailingYear(null).Where(book.Holds).ToList();
        if (trailing.Count == 0)
        {
            return Draft.Lacking($"the revenue ledger holds no period in the year before {context.Period.Label} to imply the plan's drivers from");
        }

        var average = Books.Average([.. trailing.Select(p => Books.Of(context.View, book, p.Contains))]);
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
        return null;
    }

    /// <summary>The months not closed: the comparison's revenue and costs for them against the forecast's.</summary>
    private sealed record Remainder(decimal ComparisonRevenue, decimal ComparisonCosts, decimal ForecastRevenue, decimal ForecastCosts);

    /// <summary>The margin's players — each cost category and line of the closed months, and the months not closed as one — and their Shapley split.</summary>
    private sealed record Split(Books Actual, Books Comparison, Remainder? Forecast)
    {
        public Decomposition Decompose(ExplainContext context)
        {
            var actual = Actual;
            var comparison = Comparison;
            var costNames = actual.Costs.Keys.Union(comparison.Costs.Keys).OrderBy(CostOrder).ToList();
            var lines = actual.Revenue.Keys.Union(comparison.Revenue.Keys).Order(StringComparer.Ordinal).ToList();
            if (lines.Count + costNames.Count + (Forecast is null ? 0 : 1) > Shapley.MaxPlayers)
            {
                // Too many lines to give each its own driver: revenue moves as one.
                actual = actual with { Revenue = new() { [AllLines] = actual.Revenue.Values.Sum() } };
                comparison = comparison with { Revenue = new() { [AllLines] = comparison.Revenue.Values.Sum() } };
                lines = [AllLines];
            }

            var drivers = costNames.Select(c => new DriverDefinition(c, c.Replace('_', ' '), Unit.Money))
                .Concat(lines.Select(l => new DriverDefinition(RevenuePrefix + l, $"revenue of {l.Replace('_', ' ')}", Unit.Money)))
                .ToList();
            var values = costNames.ToDictionary(c => c, c => new DriverValues(Math.Round(comparison.Costs.GetValueOrDefault(c), 2), Math.Round(actual.Costs.GetValueOrDefault(c), 2)), StringComparer.Ordinal);
            foreach (var l in lines)
            {
                values[RevenuePrefix + l] = new DriverValues(Math.Round(comparison.Revenue.GetValueOrDefault(l), 2), Math.Round(actual.Revenue.GetValueOrDefault(l), 2));
            }

            var rest = Forecast;
            if (rest is not null)
            {
                drivers.Add(new DriverDefinition(Ledger.ForecastDriver, "forecast for the months not closed", Unit.Ratio));
                values[Ledger.ForecastDriver] = new DriverValues(
                    Math.Round(1 - (rest.ComparisonCosts / rest.ComparisonRevenue), 6),
                    Math.Round(1 - (rest.ForecastCosts / rest.ForecastRevenue), 6));
            }

            decimal Value(Func<string, bool> switched)
            {
                var revenue = lines.Sum(l => switched(RevenuePrefix + l) ? actual.Revenue.GetValueOrDefault(l) : comparison.Revenue.GetValueOrDefault(l));
                var costs = costNames.Sum(c => switched(c) ? actual.Costs.GetValueOrDefault(c) : comparison.Costs.GetValueOrDefault(c));
                if (rest is not null)
                {
                    var forecast = switched(Ledger.ForecastDriver);
                    revenue += forecast ? rest.ForecastRevenue : rest.ComparisonRevenue;
                    costs += forecast ? rest.ForecastCosts : rest.ComparisonCosts;
                }

                return 1 - (costs / revenue);
            }

            var identity = new FunctionIdentity([.. drivers.Select(d => d.Name)], Value);
            var part = new SlicePart(context.SliceOf(null, ""), "", identity, values);
            return Decomposer.Run([part], drivers, values, 0, context.Plan?.Target, 0.000001m);
        }

        public IReadOnlyList<Fact> Facts() =>
        [
            new Fact { Name = "revenue", Label = "revenue", Unit = Unit.Money, From = Math.Round(Comparison.Revenue.Values.Sum() + (Forecast?.ComparisonRevenue ?? 0), 2), To = Math.Round(Actual.Revenue.Values.Sum() + (Forecast?.ForecastRevenue ?? 0), 2) },
            new Fact { Name = "costs", Label = "cogs and operating expenses", Unit = Unit.Money, From = Math.Round(Comparison.Costs.Values.Sum() + (Forecast?.ComparisonCosts ?? 0), 2), To = Math.Round(Actual.Costs.Values.Sum() + (Forecast?.ForecastCosts ?? 0), 2) },
        ];
    }

    /// <summary>cogs first, then the expense categories in the file format's order.</summary>
    private static int CostOrder(string name) => name == Cogs ? -1 : SnakeCase.TryParse<ExpenseCategory>(name, out var c) ? (int)c : int.MaxValue;

    /// <summary>A period's revenue per service line and costs per category (cogs as one).</summary>
    private sealed record Books(Dictionary<string, decimal> Revenue, Dictionary<string, decimal> Costs)
    {
        public static Books Of(Data.Dataset view, RevenueBook book, Func<DateOnly, bool> holds)
        {
            var lines = book.ByLine(holds);
            var costs = new Dictionary<string, decimal>(StringComparer.Ordinal) { [Cogs] = lines.Values.Sum(l => l.Cogs) };
            foreach (var expense in view.Expenses)
            {
                if (holds(expense.Month))
                {
                    var name = SnakeCase.Name(expense.Category);
                    costs[name] = costs.GetValueOrDefault(name) + expense.Amount;
                }
            }

            return new Books(lines.ToDictionary(l => l.Key, l => l.Value.Revenue, StringComparer.Ordinal), costs);
        }

        /// <summary>The same books times <paramref name="share"/> (a part of the period's months).</summary>
        public Books Scaled(decimal share) => new(
            Revenue.ToDictionary(r => r.Key, r => r.Value * share, StringComparer.Ordinal),
            Costs.ToDictionary(c => c.Key, c => c.Value * share, StringComparer.Ordinal));

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
