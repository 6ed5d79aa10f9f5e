using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// The company's months as the cost model reads them, from <see cref="FirstMonth"/> to <see cref="LastMonth"/> (month
/// indexes, both inclusive; every array is indexed by month − FirstMonth): revenue and cogs per service line, operating
/// expenses per category, bookings per deal type, and the sales headcount from reps.csv. Money in the company's
/// currency; a month without rows of a kind holds 0.
/// </summary>
internal sealed class CostHistory
{
    public static readonly int Categories = Enum.GetValues<ExpenseCategory>().Length;

    public static readonly int Types = Enum.GetValues<OpportunityType>().Length;

    public required int FirstMonth { get; init; }

    public required int LastMonth { get; init; }

    /// <summary>Revenue per month and service line.</summary>
    public required double[][] Revenue { get; init; }

    /// <summary>Revenue per month and line of the rows whose cogs are known: what <see cref="Cogs"/> is a share of.</summary>
    public required double[][] RevenueWithCogs { get; init; }

    /// <summary>Known cogs per month and service line.</summary>
    public required double[][] Cogs { get; init; }

    /// <summary>Operating expenses per month and category (indexed by the category's value).</summary>
    public required double[][] Expenses { get; init; }

    /// <summary>Bookings per month and deal type (indexed by <see cref="OpportunityType"/>), by the month a deal was won.</summary>
    public required double[][] Bookings { get; init; }

    /// <summary>Rep-months per month: each rep active in the month, prorated by the days they were.</summary>
    public required double[] RepMonths { get; init; }

    /// <summary>Reps active on each month's first day: the headcount a forecast made then would carry forward.</summary>
    public required double[] HeadsAtStart { get; init; }

    /// <summary>Reps active at the instant of the forecast (no hire or leave after it is known).</summary>
    public required double HeadsNow { get; init; }

    public int Lines => Revenue.Length == 0 ? 0 : Revenue[0].Length;

    /// <summary>
    /// The history known in an as-of view, up to <paramref name="lastMonth"/>, the last month whose books are closed.
    /// Service lines are coded as <paramref name="facts"/> codes them; a line only the ledger knows is added to its levels.
    /// </summary>
    public static CostHistory Of(Dataset view, DealFacts facts, int lastMonth, DateOnly today)
    {
        // History starts with the first month of expenses: before it, a month without expense rows is not a month without
        // expenses.
        var expenseMonths = view.Expenses.Select(e => MonthIndex.Of(e.Month)).Where(m => m <= lastMonth).ToList();
        var revenueMonths = view.Revenue.Select(r => MonthIndex.Of(r.Month)).Where(m => m <= lastMonth).ToList();
        var first = expenseMonths.Count > 0 ? expenseMonths.Min() : revenueMonths.DefaultIfEmpty(lastMonth).Min();
        var months = lastMonth - first + 1;
        var lineLevels = facts.LevelsOf(Dimension.ServiceLine);
        var codes = view.Revenue.Select(r => lineLevels.Code(r.ServiceLine)).ToList();
        var lines = lineLevels.Count;
        double[][] Table(int width) => [.. Enumerable.Range(0, months).Select(_ => new double[width])];
        var revenue = Table(lines);
        var revenueWithCogs = Table(lines);
        var cogs = Table(lines);
        for (var k = 0; k < view.Revenue.Count; k++)
        {
            var row = view.Revenue[k];
            var at = MonthIndex.Of(row.Month) - first;
            if (at < 0 || at >= months)
            {
                continue;
            }

            revenue[at][codes[k]] += (double)row.Revenue;
            if (row.Cogs is { } c)
            {
                revenueWithCogs[at][codes[k]] += (double)row.Revenue;
                cogs[at][codes[k]] += (double)c;
            }
        }

        var expenses = Table(Categories);
        foreach (var e in view.Expenses)
        {
            var at = MonthIndex.Of(e.Month) - first;
            if (at >= 0 && at < months)
            {
                expenses[at][(int)e.Category] += (double)e.Amount;
            }
        }

        var bookings = Table(Types);
        var type = facts.Column(Dimension.Type);
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.Status[i] == OpportunityStatus.Won && type[i] < Types)
            {
                var at = MonthIndex.Of(DateOnly.FromDayNumber(facts.ClosedDay[i])) - first;
                if (at >= 0 && at < months)
                {
                    bookings[at][type[i]] += (double)facts.Amount[i];
                }
            }
        }

        return new CostHistory
        {
            FirstMonth = first,
            LastMonth = lastMonth,
            Revenue = revenue,
            RevenueWithCogs = revenueWithCogs,
            Cogs = cogs,
            Expenses = expenses,
            Bookings = bookings,
            RepMonths = [.. Enumerable.Range(first, months).Select(m => RepMonthsIn(view.Reps, m))],
            HeadsAtStart = [.. Enumerable.Range(first, months).Select(m => (double)view.Reps.Count(r => r.IsActiveOn(MonthIndex.Start(m))))],
            HeadsNow = view.Reps.Count(r => r.IsActiveOn(today)),
        };
    }

    private static double RepMonthsIn(IReadOnlyList<Rep> reps, int month)
    {
        var start = MonthIndex.Start(month);
        var end = start.AddMonths(1).AddDays(-1);
        double days = end.DayNumber - start.DayNumber + 1;
        var total = 0.0;
        foreach (var rep in reps)
        {
            var from = rep.StartDate is { } s && s > start ? s : start;
            var to = rep.EndDate is { } e && e < end ? e : end;
            if (to >= from)
            {
                total += (to.DayNumber - from.DayNumber + 1) / days;
            }
        }

        return total;
    }
}
