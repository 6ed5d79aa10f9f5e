using Bellwether.Core.Finance;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// Forecasts from the revenue ledger: revenue (what is closed, the existing book, and the revenue of deals won after
/// t turned into months with the learned shapes), the retention figures comparing P with the previous period (grr,
/// nrr, expansion_revenue: per account, per future), and the operating margin (revenue less what the
/// <see cref="CostModel"/> makes of that future's revenue, bookings and headcount, less a random walk of cost surprises
/// as large as the model's own). Wins are drawn exactly as for bookings, so a future's revenue is the revenue of that
/// future's bookings.
/// </summary>
internal static class LedgerForecast
{
    public const string Closed = "closed";
    public const string ExistingBook = "existing_book";
    public const string NewBookings = "new_bookings";

    /// <summary>The random stream of the cost surprises (apart from the streams of the deal simulation).</summary>
    private const ulong CostShockStream = 31;

    /// <summary>The random stream of the retention figures' own shock.</summary>
    private const ulong RetentionShockStream = 32;

    private static readonly Dimension[] RevenueDimensions = [Dimension.Account, Dimension.Vertical, Dimension.AccountRegion, Dimension.ServiceLine];

    public static string? Unavailable(string indicator, FittedParts m, IReadOnlyList<Dimension> dimensions)
    {
        if (!m.Revenue.Available)
        {
            return "no revenue.csv";
        }

        if (indicator == ForecastIndicators.OperatingMargin)
        {
            return m.View.Expenses.Count == 0 ? "no expenses.csv"
                : dimensions.Count > 0 ? "operating_margin is forecast for the whole company" : null;
        }

        var other = dimensions.FirstOrDefault(d => !RevenueDimensions.Contains(d), (Dimension)(-1));
        return (int)other >= 0 ? $"revenue is recorded per account and service line: it cannot be sliced by {SnakeCase.Name(other)}" : null;
    }

    /// <param name="indicator">revenue, grr, nrr, expansion_revenue or operating_margin.</param>
    /// <param name="m">The fitted model.</param>
    /// <param name="p">The projection the futures are drawn from.</param>
    /// <param name="effects">The scenario's effects.</param>
    /// <param name="periods">The periods asked for.</param>
    /// <param name="slicer">The slicing.</param>
    /// <param name="writer">Turns draws into rows.</param>
    /// <param name="retention">
    /// The cohort's sums for these periods, slicing and projection, simulated on first use and shared by grr, nrr and
    /// expansion_revenue asked together (null: simulated for this indicator alone).
    /// </param>
    /// <param name="cancellation">Stops the draws between futures.</param>
    public static IEnumerable<ForecastRow> Rows(string indicator, FittedParts m, Projection p, ScenarioEffects effects, IReadOnlyList<Period> periods, Slicer slicer, RowWriter writer, Lazy<CohortSums>? retention = null, CancellationToken cancellation = default)
    {
        var churn = Churn(effects);
        return indicator switch
        {
            ForecastIndicators.Revenue => writer.Rows(Revenue(m, p, periods, slicer, churn, cancellation), periods, slicer, Closed, ExistingBook, NewBookings, 2),
            ForecastIndicators.OperatingMargin => writer.Rows(OperatingMargin(m, p, effects, periods, slicer, churn, cancellation), periods, slicer, null, null, null, 4),
            _ => writer.Rows(
                Retention(indicator, m, periods, retention?.Value ?? CohortSums.Simulate(m, p, periods, slicer, churn, cancellation)),
                periods, slicer, null, null, null, indicator == ForecastIndicators.ExpansionRevenue ? 2 : 4),
        };
    }

    /// <summary>1 + a scenario's churn change: how fast the existing book's residual fades.</summary>
    public static double Churn(ScenarioEffects effects) => 1 + effects.Of<ChurnChange>().Sum(c => c.Relative);

    /// <summary>
    /// How many months beyond the last month the ledger knows each set of months lies, on average over its months not yet
    /// known (0 when all are known): what the existing book's one-month-ahead error variance is multiplied by.
    /// </summary>
    internal static double[] MonthsAhead(int[][] monthSets, int lastKnownMonth) =>
        [.. monthSets.Select(set => set.Where(month => month > lastKnownMonth).Select(month => (double)(month - lastKnownMonth)).DefaultIfEmpty(0).Average())];

    private static Draws Revenue(FittedParts m, Projection p, IReadOnlyList<Period> periods, Slicer slicer, double churn, CancellationToken cancellation)
    {
        var streams = m.Revenue.Streams.Select(s => (s.Account, s.Line, Key: slicer.OfValues(d => m.StreamValue(d, s.Account, s.Line)))).Where(s => s.Key >= 0).ToList();
        var atomGroups = p.Atoms.Select(slicer.OfAtom).ToArray();
        var ledger = new RevenueLedger(m, p, periods.Select(Months).ToArray(), slicer.Groups);
        ledger.Base(streams, churn);
        ledger.Items(k => slicer.OfDeal(p.OpenDeals[k]));
        ledger.Atoms((a, s) => atomGroups[a].SelectMany(g => p.AtomLines[a].Select(l => (g.Group, l.Line, g.Weight * l.Share[s]))));
        var draws = new Draws(slicer.Groups, periods.Count, m.Options.Simulations);
        for (var g = 0; g < slicer.Groups; g++)
        {
            for (var k = 0; k < periods.Count; k++)
            {
                var bucket = (g * periods.Count) + k;
                draws.Known[bucket] = ledger.Known[bucket];
            }
        }

        Parallel.For(0, draws.Simulations, new ParallelOptions { CancellationToken = cancellation }, () => (Revenue: new double[ledger.Buckets], Book: new double[periods.Count]), (sim, _, local) =>
        {
            ledger.Draw(sim, local.Revenue, local.Book);
            for (var b = 0; b < local.Revenue.Length; b++)
            {
                draws.First[draws.At(b / periods.Count, b % periods.Count, sim)] = ledger.Existing[b] * local.Book[b % periods.Count];
                draws.Second[draws.At(b / periods.Count, b % periods.Count, sim)] = local.Revenue[b];
            }

            return local;
        }, _ => { });
        return draws;
    }

    /// <summary>grr, nrr or expansion_revenue per group and future, from the cohort's sums in each future (shared by the three).</summary>
    private static Draws Retention(string indicator, FittedParts m, IReadOnlyList<Period> periods, CohortSums sums)
    {
        var months = periods.SelectMany(period => new[] { Months(period), Months(m.Calendar.Previous(period)) }).ToArray();
        var shocks = indicator == ForecastIndicators.ExpansionRevenue
            ? new (double Shift, double Spread)[periods.Count]
            : m.Revenue.Retention.ForPeriods(indicator == ForecastIndicators.Grr, months, m.Revenue.LastKnownMonth);
        var draws = new Draws(sums.Groups, periods.Count, sums.Simulations);
        for (var sim = 0; sim < draws.Simulations; sim++)
        {
            var shock = CounterRandom.NormalQuantile(CounterRandom.Uniform(m.Options.Seed, RetentionShockStream, sim, 0));
            for (var g = 0; g < draws.Groups; g++)
            {
                for (var k = 0; k < periods.Count; k++)
                {
                    var before = sums.Of(g, k, sim, CohortSums.Before);
                    draws.Second[draws.At(g, k, sim)] = indicator switch
                    {
                        ForecastIndicators.Grr => before > 0 ? Math.Clamp((sums.Of(g, k, sim, CohortSums.Kept) / before) + shocks[k].Shift + (shock * shocks[k].Spread), 0, 1) : double.NaN,
                        ForecastIndicators.Nrr => before > 0 ? Math.Max(0, (sums.Of(g, k, sim, CohortSums.Now) / before) + (shock * shocks[k].Spread)) : double.NaN,
                        _ => sums.Of(g, k, sim, CohortSums.Growth),
                    };
                }
            }
        }

        return draws;
    }

    /// <summary>(revenue − cogs − expenses) / revenue for the whole company, per future.</summary>
    private static Draws OperatingMargin(FittedParts m, Projection p, ScenarioEffects effects, IReadOnlyList<Period> periods, Slicer slicer, double churn, CancellationToken cancellation)
    {
        var costs = m.Revenue.Costs ?? throw new InvalidOperationException("The operating margin needs the revenue ledger.");

        // Keys are service lines; periods are the requested periods' months one by one.
        var months = periods.SelectMany(Months).Distinct().Order().ToArray();
        var monthSets = months.Select(month => new[] { month }).ToArray();
        var lineCount = m.Facts.LevelsOf(Dimension.ServiceLine).Count;
        var ledger = new RevenueLedger(m, p, monthSets, lineCount);
        ledger.Base([.. m.Revenue.Streams.Select(s => (s.Account, s.Line, Key: s.Line))], churn);
        var line = m.Facts.Column(Dimension.ServiceLine);
        ledger.Items(k => line[p.OpenDeals[k]]);
        ledger.Atoms((a, s) => p.AtomLines[a].Select(l => (l.Line, l.Line, l.Share[s])));

        // Bookings per month and deal type in the same futures: commissions follow them.
        var monthPeriods = months.Select(month => m.Calendar.Month(MonthIndex.Start(month).Year, MonthIndex.Start(month).Month)).ToList();
        var byType = new Slicer(m, [Dimension.Type], new Dictionary<Dimension, string>());
        var bookings = DealForecast.Draw(ForecastIndicators.Bookings, m, p, effects, monthPeriods, byType, cancellation);
        var typeOfGroup = Enumerable.Range(0, byType.Groups)
            .Select(g => m.Facts.LevelsOf(Dimension.Type).TryFind(byType.ValueOf(g, Dimension.Type), out var type) && type < CostHistory.Types ? type : -1)
            .ToArray();
        var (knownCogs, knownExpenses) = KnownCosts(m, costs, months);
        var lastKnown = m.Revenue.LastKnownMonth;
        var step = Math.Sqrt(costs.StepVariance);
        var expenses = new ScenarioExpenses(costs, effects, months);
        var inPeriod = periods.Select(period => months.Select(month => period.Contains(MonthIndex.Start(month))).ToArray()).ToArray();
        var draws = new Draws(slicer.Groups, periods.Count, m.Options.Simulations);
        Parallel.For(0, draws.Simulations, new ParallelOptions { CancellationToken = cancellation }, () => new FutureCosts(ledger.Buckets, months.Length), (sim, _, local) =>
        {
            ledger.Draw(sim, local.Revenue, local.Book);
            CostSurprises(m.Options.Seed, sim, step, months, lastKnown, local.Surprise);

            // A month's expenses in this future are the same in every period that holds it: worked out once.
            for (var j = 0; j < months.Length; j++)
            {
                if (months[j] <= lastKnown || !inPeriod.Any(months => months[j]))
                {
                    continue;
                }

                Array.Clear(local.Bookings);
                for (var g = 0; g < bookings.Groups; g++)
                {
                    if (typeOfGroup[g] >= 0)
                    {
                        local.Bookings[typeOfGroup[g]] += bookings.Known[(g * bookings.Periods) + j] + bookings.First[bookings.At(g, j, sim)] + bookings.Second[bookings.At(g, j, sim)];
                    }
                }

                local.Expenses[j] = expenses.Of(j, MonthRevenue(ledger, local, lineCount, months.Length, j), local.Bookings);
            }

            for (var k = 0; k < periods.Count; k++)
            {
                double revenue = 0, cost = 0;
                for (var j = 0; j < months.Length; j++)
                {
                    if (!inPeriod[k][j])
                    {
                        continue;
                    }

                    var known = months[j] <= lastKnown;
                    var monthRevenue = 0.0;
                    for (var l = 0; l < lineCount; l++)
                    {
                        var bucket = (l * months.Length) + j;
                        var value = ledger.Known[bucket] + (ledger.Existing[bucket] * local.Book[j]) + local.Revenue[bucket];
                        monthRevenue += value;
                        cost += known ? 0 : value * costs.CogsRatio(l);
                    }

                    revenue += monthRevenue;
                    cost += known ? knownCogs[j] + knownExpenses[j] : local.Expenses[j] + (local.Surprise[j] * monthRevenue);
                }

                draws.Second[draws.At(0, k, sim)] = revenue > 0 ? (revenue - cost) / revenue : double.NaN;
            }

            return local;
        }, _ => { });

        return draws;
    }

    /// <summary>A month's revenue in one future, over the lines (added in the order the margin adds them).</summary>
    private static double MonthRevenue(RevenueLedger ledger, FutureCosts future, int lines, int months, int j)
    {
        var revenue = 0.0;
        for (var l = 0; l < lines; l++)
        {
            var bucket = (l * months) + j;
            revenue += ledger.Known[bucket] + (ledger.Existing[bucket] * future.Book[j]) + future.Revenue[bucket];
        }

        return revenue;
    }

    /// <summary>
    /// One future's cost surprise per month, as a share of the month's revenue: a random walk from the last closed month
    /// whose monthly step has the variance of the cost model's one-month-ahead errors (0 for months already closed).
    /// </summary>
    private static void CostSurprises(ulong seed, int sim, double step, int[] months, int lastKnown, double[] into)
    {
        var level = 0.0;
        var ahead = 0;
        for (var j = 0; j < months.Length; j++)
        {
            while (lastKnown + ahead < months[j])
            {
                ahead++;
                level += step * CounterRandom.NormalQuantile(CounterRandom.Uniform(seed, CostShockStream, sim, ahead));
            }

            into[j] = months[j] <= lastKnown ? 0 : level;
        }
    }

    /// <summary>
    /// Rep-months a scenario adds to the sales headcount in a month: each added rep costs from their start date (the
    /// share of the month's days from it), each removed rep saves from the day they leave. Salaries follow headcount,
    /// so hiring costs money from the first day while its bookings come only after ramp and a cycle.
    /// </summary>
    internal static double ExtraHeads(ScenarioEffects effects, DateOnly month)
    {
        var days = (double)DateTime.DaysInMonth(month.Year, month.Month);
        var next = month.AddMonths(1);
        double From(DateOnly? day) => day is not { } d || d <= month ? 1 : d >= next ? 0 : (next.DayNumber - d.DayNumber) / days;
        return effects.Of<AddRepsChange>().Sum(c => c.Count * From(c.Start)) - effects.Of<RemoveRepChange>().Sum(c => From(c.From));
    }

    /// <summary>Cogs and expenses of months already closed (cogs left unknown in the ledger at the line's ratio).</summary>
    private static (double[] Cogs, double[] Expenses) KnownCosts(FittedParts m, CostModel costs, int[] months)
    {
        var lines = m.Facts.LevelsOf(Dimension.ServiceLine);
        var cogs = new double[months.Length];
        var expenses = new double[months.Length];
        for (var j = 0; j < months.Length; j++)
        {
            var month = months[j];
            cogs[j] = m.View.Revenue.Where(r => MonthIndex.Of(r.Month) == month)
                .Sum(r => r.Cogs is { } c ? (double)c : (double)r.Revenue * costs.CogsRatio(lines.TryFind(r.ServiceLine, out var l) ? l : -1));
            expenses[j] = m.View.Expenses.Where(e => MonthIndex.Of(e.Month) == month).Sum(e => (double)e.Amount);
        }

        return (cogs, expenses);
    }

    internal static int[] Months(Period period)
    {
        var result = new List<int>();
        for (var month = MonthIndex.Of(period.Start); month < MonthIndex.Of(period.End); month++)
        {
            result.Add(month);
        }

        return [.. result];
    }

    /// <summary>One worker's scratch space for a future of the operating margin.</summary>
    private sealed class FutureCosts(int buckets, int months)
    {
        /// <summary>Revenue of deals won after t, per line and month.</summary>
        public double[] Revenue { get; } = new double[buckets];

        /// <summary>The cost surprise per month, as a share of revenue.</summary>
        public double[] Surprise { get; } = new double[months];

        /// <summary>A month's bookings per deal type.</summary>
        public double[] Bookings { get; } = new double[CostHistory.Types];

        /// <summary>The shock to the existing book per month.</summary>
        public double[] Book { get; } = new double[months];

        /// <summary>The forecast expenses per month not yet closed.</summary>
        public double[] Expenses { get; } = new double[months];
    }

    /// <summary>
    /// The cost model's expense categories and a scenario's changes to them, month by month, looked up once: what a
    /// month's expenses come to for that month's revenue and bookings in a future.
    /// </summary>
    private sealed class ScenarioExpenses
    {
        private readonly CostModel _costs;
        private readonly ExpenseCategory[] _categories;
        private readonly double[] _heads;

        /// <summary>Per month and category, the scenario's changes acting on it in that month, in the scenario's order.</summary>
        private readonly ExpenseChange[][][] _changes;

        public ScenarioExpenses(CostModel costs, ScenarioEffects effects, int[] months)
        {
            _costs = costs;
            var changes = effects.Of<ExpenseChange>().ToList();
            _categories = [.. costs.Categories.Union(changes.Select(c => c.Category))];
            _heads = [.. months.Select(month => ExtraHeads(effects, MonthIndex.Start(month)))];
            _changes = [.. months.Select(month => _categories.Select(category => changes.Where(c => c.Category == category && c.ActsOn(MonthIndex.Start(month))).ToArray()).ToArray())];
        }

        public double Of(int month, double revenue, double[] bookings)
        {
            var total = 0.0;
            for (var c = 0; c < _categories.Length; c++)
            {
                var value = _costs.Expense(_categories[c], revenue, bookings, _heads[month]);
                foreach (var change in _changes[month][c])
                {
                    value = (value * (1 + (change.Relative ?? 0))) + (double)(change.MonthlyAmount ?? 0);
                }

                total += value;
            }

            return total;
        }
    }
}
