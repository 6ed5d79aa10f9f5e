using Bellwether.Core.Finance;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// What a future month costs, given that month's revenue and bookings in a simulated future. Cogs follow each service
/// line's ratio to revenue; each operating-expense category follows the driver its nature gives it: sales salaries and
/// enablement the sales headcount known at t (their cost per rep-month over the last three months — reps.csv is the
/// sales team), commissions the bookings of each deal type (commission plans pay differently for new business,
/// expansion and renewal), and every other category a fixed monthly part plus a share of revenue (a company that grows
/// delivers, administers and markets more). Shares and fixed parts are fitted by non-negative least squares over the
/// trailing <see cref="WindowMonths"/> months, so a category that does not move with revenue gets a share near 0 and
/// stays at its level. What the drivers cannot tell — hires and leaves after t, price changes, one-off bills — is
/// measured by the model's own one-month-ahead errors over the last <see cref="ErrorMonths"/> months (refitted as each
/// month was, with that month's actual revenue and bookings): <see cref="StepVariance"/>.
/// </summary>
internal sealed class CostModel
{
    /// <summary>Months of history the shares, fixed parts and cogs ratios are fitted on.</summary>
    public const int WindowMonths = 18;

    /// <summary>Months the cost per rep-month is read from: recent enough to carry the latest pay rises and role mix.</summary>
    public const int HeadcountMonths = 3;

    /// <summary>Months whose one-month-ahead errors measure what the model cannot tell.</summary>
    public const int ErrorMonths = 12;

    /// <summary>Months of history a one-month-ahead forecast needs before it counts as an error sample.</summary>
    public const int MinimumMonths = 3;

    private readonly Dictionary<int, double> _cogsRatio = [];
    private readonly Dictionary<ExpenseCategory, ExpenseFit> _fits = [];
    private readonly double _overallCogsRatio;
    private readonly double _heads;

    /// <summary>Fits on the whole history, carrying the headcount known at t, and measures the model's errors.</summary>
    public CostModel(CostHistory history)
        : this(history, history.LastMonth, history.HeadsNow)
    {
        StepVariance = OneMonthAheadVariance(history);
    }

    /// <summary>Fits on the months up to <paramref name="lastMonth"/>, carrying <paramref name="heads"/> reps forward.</summary>
    private CostModel(CostHistory history, int lastMonth, double heads)
    {
        _heads = heads;
        var from = Math.Max(history.FirstMonth, lastMonth - WindowMonths + 1);
        if (lastMonth < from)
        {
            return;
        }

        double allRevenue = 0, allCogs = 0;
        for (var line = 0; line < history.Lines; line++)
        {
            double revenue = 0, cogs = 0;
            for (var month = from; month <= lastMonth; month++)
            {
                revenue += history.RevenueWithCogs[month - history.FirstMonth][line];
                cogs += history.Cogs[month - history.FirstMonth][line];
            }

            if (revenue > 0)
            {
                _cogsRatio[line] = cogs / revenue;
            }

            allRevenue += revenue;
            allCogs += cogs;
        }

        _overallCogsRatio = allRevenue > 0 ? allCogs / allRevenue : 0;
        foreach (var category in Enum.GetValues<ExpenseCategory>())
        {
            if (Fit(history, category, from, lastMonth) is { } fit)
            {
                _fits[category] = fit;
            }
        }
    }

    /// <summary>
    /// The variance of the model's one-month-ahead error on a month's total costs (cogs and expenses), as a share of
    /// that month's revenue, bias included: the monthly step of the random walk a future's costs take.
    /// </summary>
    public double StepVariance { get; }

    /// <summary>The categories this model forecasts: those with spending in the trailing window.</summary>
    public IEnumerable<ExpenseCategory> Categories => _fits.Keys;

    public ExpenseFit? FitOf(ExpenseCategory category) => _fits.GetValueOrDefault(category);

    /// <summary>Cogs as a share of a line's revenue (the company's ratio for a line without known cogs).</summary>
    public double CogsRatio(int line) => _cogsRatio.TryGetValue(line, out var ratio) ? ratio : _overallCogsRatio;

    /// <summary>
    /// A category's forecast for a month with the given revenue and bookings per deal type (0 for a category without
    /// recent spending).
    /// </summary>
    /// <param name="category">The expense category.</param>
    /// <param name="revenue">The month's revenue in one future.</param>
    /// <param name="bookings">The month's bookings per deal type in that future.</param>
    /// <param name="extraHeads">Reps a scenario adds (or, negative, removes) in the month, in rep-months.</param>
    public double Expense(ExpenseCategory category, double revenue, ReadOnlySpan<double> bookings, double extraHeads = 0)
    {
        if (!_fits.TryGetValue(category, out var fit))
        {
            return 0;
        }

        return fit.Driver switch
        {
            ExpenseDriver.Bookings => fit.Forecast(bookings),
            ExpenseDriver.Headcount => fit.Forecast([Math.Max(0, _heads + extraHeads)]),
            _ => fit.Forecast([revenue]),
        };
    }

    /// <summary>Every category's forecast for a month, summed.</summary>
    public double Expenses(double revenue, ReadOnlySpan<double> bookings)
    {
        var total = 0.0;
        foreach (var category in _fits.Keys)
        {
            total += Expense(category, revenue, bookings);
        }

        return total;
    }

    private static ExpenseFit? Fit(CostHistory h, ExpenseCategory category, int from, int to)
    {
        var months = Enumerable.Range(from, to - from + 1).Select(m => m - h.FirstMonth).ToArray();
        double Amount(int at) => h.Expenses[at][(int)category];
        if (months.All(at => Amount(at) == 0))
        {
            return null;
        }

        if (category is ExpenseCategory.SalesSalaries or ExpenseCategory.SalesEnablement)
        {
            var recent = months[^Math.Min(HeadcountMonths, months.Length)..];
            var repMonths = recent.Sum(at => h.RepMonths[at]);
            if (repMonths > 0)
            {
                return new ExpenseFit(ExpenseDriver.Headcount, 0, [recent.Sum(Amount) / repMonths]);
            }
        }

        if (category is ExpenseCategory.SalesCommissions && months.Any(at => h.Bookings[at].Any(b => b > 0)))
        {
            return new ExpenseFit(ExpenseDriver.Bookings, 0, Regress(months, at => h.Bookings[at], Amount, CostHistory.Types));
        }

        // A fixed part and a share of revenue: regressors 1 and the month's revenue.
        var beta = Regress(months, at => [1, h.Revenue[at].Sum()], Amount, 2);
        return new ExpenseFit(ExpenseDriver.Revenue, beta[0], [beta[1]]);
    }

    private static double[] Regress(int[] months, Func<int, double[]> regressors, Func<int, double> amount, int width)
    {
        var gram = new double[width * width];
        var moment = new double[width];
        foreach (var at in months)
        {
            LeastSquares.Accumulate(gram, moment, regressors(at), amount(at));
        }

        return LeastSquares.Nnls(gram, moment, width);
    }

    /// <summary>
    /// For each of the last <see cref="ErrorMonths"/> months (with <see cref="MinimumMonths"/> before it): the model
    /// fitted on the months before, carrying the headcount of the month's first day, against what the month cost —
    /// given its actual revenue and bookings, because a future's revenue and bookings are simulated apart.
    /// </summary>
    private static double OneMonthAheadVariance(CostHistory h)
    {
        var errors = new List<double>();
        for (var month = Math.Max(h.FirstMonth + MinimumMonths, h.LastMonth - ErrorMonths + 1); month <= h.LastMonth; month++)
        {
            var at = month - h.FirstMonth;
            var revenue = h.Revenue[at].Sum();
            if (revenue <= 0)
            {
                continue;
            }

            var model = new CostModel(h, month - 1, h.HeadsAtStart[at]);
            var predicted = model.Expenses(revenue, h.Bookings[at]);
            var actual = h.Expenses[at].Sum();
            for (var line = 0; line < h.Lines; line++)
            {
                predicted += model.CogsRatio(line) * h.RevenueWithCogs[at][line];
                actual += h.Cogs[at][line];
            }

            errors.Add((actual - predicted) / revenue);
        }

        return errors.Count > 0 ? errors.Average(e => e * e) : 0;
    }
}
