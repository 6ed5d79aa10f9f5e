using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Forecasting;

public sealed class CostModelTests
{
    private const int First = 2024 * 12;

    [Fact]
    public void RevenueDrivenCategories_AreAFixedPartPlusAShareOfRevenue()
    {
        // Revenue grows by 10,000 a month from 100,000. Delivery is 5% of it, G&A 20,000 plus 4%, marketing a flat
        // 30,000: the fit must find exactly those, and a month of 250,000 revenue must cost 12,500, 30,000 and 30,000.
        var history = History(12, revenue: m => 100_000 + (10_000 * m), expense: (c, m, r) => c switch
        {
            ExpenseCategory.Delivery => 0.05 * r,
            ExpenseCategory.GAndA => 20_000 + (0.04 * r),
            ExpenseCategory.Marketing => 30_000,
            _ => 0,
        });

        var model = new CostModel(history);

        Assert.Equal([ExpenseCategory.Marketing, ExpenseCategory.Delivery, ExpenseCategory.GAndA], model.Categories.Order());
        Assert.Equal(12_500, model.Expense(ExpenseCategory.Delivery, 250_000, NoBookings), 6);
        Assert.Equal(30_000, model.Expense(ExpenseCategory.GAndA, 250_000, NoBookings), 6);
        Assert.Equal(30_000, model.Expense(ExpenseCategory.Marketing, 250_000, NoBookings), 6);
        Assert.Equal(ExpenseDriver.Revenue, model.FitOf(ExpenseCategory.GAndA)!.Driver);
        Assert.Equal(0, model.StepVariance, 12);
    }

    [Fact]
    public void RevenueShares_AreFittedOnTheTrailingWindowOnly()
    {
        // Delivery was 10% of revenue for the first 6 of 24 months and 5% since: the 18-month window sees only 5%.
        var history = History(24, revenue: m => 100_000 + (1_000 * m), expense: (c, m, r) =>
            c == ExpenseCategory.Delivery ? (m < 6 ? 0.10 : 0.05) * r : 0);

        var model = new CostModel(history);

        Assert.Equal(10_000, model.Expense(ExpenseCategory.Delivery, 200_000, NoBookings), 6);
    }

    [Fact]
    public void FixedPart_IsNeverNegative()
    {
        // Costs of 10% of revenue less 5,000 would take a negative fixed part: the fit keeps it at 0 and takes the share
        // through the origin, Σ revenue × cost / Σ revenue².
        var history = History(12, revenue: m => 100_000 + (10_000 * m), expense: (c, m, r) => c == ExpenseCategory.Other ? (0.1 * r) - 5_000 : 0);
        var revenues = Enumerable.Range(0, 12).Select(m => 100_000.0 + (10_000 * m)).ToList();
        var share = revenues.Sum(r => r * ((0.1 * r) - 5_000)) / revenues.Sum(r => r * r);

        var fit = new CostModel(history).FitOf(ExpenseCategory.Other)!;

        Assert.Equal(0, fit.Fixed);
        Assert.Equal(share, fit.Rates[0], 12);
    }

    [Fact]
    public void Salaries_CostTheLastThreeMonthsPerRepMonth_TimesTheHeadcountKnownAtT()
    {
        // The last three months paid 47,500, 50,000 and 52,500 for 9.5, 10 and 10.5 rep-months: 5,000 per rep-month.
        // Twelve reps are active at t, so every future month costs 60,000 whatever its revenue.
        double[] repMonths = [8, 8, 8, 8, 8, 8, 8, 8, 8, 9.5, 10, 10.5];
        var history = History(12, revenue: m => 100_000 + (5_000 * m), expense: (c, m, r) =>
            c == ExpenseCategory.SalesSalaries ? 5_000 * repMonths[m] : 0, repMonths: m => repMonths[m], headsNow: 12);

        var model = new CostModel(history);

        Assert.Equal(ExpenseDriver.Headcount, model.FitOf(ExpenseCategory.SalesSalaries)!.Driver);
        Assert.Equal(60_000, model.Expense(ExpenseCategory.SalesSalaries, 150_000, NoBookings), 6);
        Assert.Equal(60_000, model.Expense(ExpenseCategory.SalesSalaries, 900_000, NoBookings), 6);
    }

    [Fact]
    public void Commissions_FollowEachDealTypesBookings()
    {
        // 10% of new business and expansion, 2% of renewals, on bookings that vary by type independently.
        double Booked(int m, int type) => type switch
        {
            (int)OpportunityType.NewBusiness => 50_000 + (7_000 * (m % 5)),
            (int)OpportunityType.Expansion => 10_000 + (3_000 * (m % 3)),
            _ => 40_000 + (11_000 * (m % 4)),
        };
        var history = History(12, revenue: m => 100_000, bookings: Booked, expense: (c, m, r) =>
            c == ExpenseCategory.SalesCommissions ? (0.10 * (Booked(m, 0) + Booked(m, 1))) + (0.02 * Booked(m, 2)) : 0);

        var model = new CostModel(history);

        // New business 100,000, expansion 0, renewals 50,000: 10,000 + 1,000.
        Assert.Equal(ExpenseDriver.Bookings, model.FitOf(ExpenseCategory.SalesCommissions)!.Driver);
        Assert.Equal(11_000, model.Expense(ExpenseCategory.SalesCommissions, 100_000, [100_000, 0, 50_000]), 6);
    }

    [Fact]
    public void StepVariance_IsTheMeanSquareOfTheModelsOneMonthAheadErrors()
    {
        // Revenue a flat 1,000; "other" costs 100 a month, then 160 in the last month. Months 3, 4 and 5 each have three
        // months before them: forecast from those, they cost 100, 100 and 100 against 100, 100 and 160 — errors of 0, 0
        // and 6% of revenue, so the step variance is 0.06² / 3.
        double[] other = [100, 100, 100, 100, 100, 160];
        var history = History(6, revenue: m => 1_000, expense: (c, m, r) => c == ExpenseCategory.Other ? other[m] : 0);

        var model = new CostModel(history);

        Assert.Equal(0.06 * 0.06 / 3, model.StepVariance, 12);
    }

    [Fact]
    public void StepVariance_CountsCogsSurprisesToo()
    {
        // Cogs are 40% of revenue, then 46% in the last month: a one-month-ahead error of 6% of revenue, as above.
        double[] ratio = [0.4, 0.4, 0.4, 0.4, 0.4, 0.46];
        var history = History(6, revenue: m => 1_000, expense: (c, m, r) => 0, cogs: m => ratio[m] * 1_000);

        var model = new CostModel(history);

        Assert.Equal(0.06 * 0.06 / 3, model.StepVariance, 12);
        Assert.Equal((0.4 * 5 + 0.46) / 6, model.CogsRatio(0), 12);
    }

    [Fact]
    public void CostHistory_ProratesRepMonths_AndCountsOnlyRepsActiveAtT()
    {
        // April 2025 has 30 days: a rep starting on the 16th is half a rep-month, one leaving on the 6th a fifth.
        var today = new DateOnly(2025, 5, 10);
        Rep Rep(string id, DateOnly? start, DateOnly? end) => new() { RepId = id, Name = id, StartDate = start, EndDate = end };
        var view = new Dataset
        {
            Reps =
            [
                Rep("always", null, null),
                Rep("joined", new DateOnly(2025, 4, 16), null),
                Rep("left", new DateOnly(2024, 1, 1), new DateOnly(2025, 4, 6)),
            ],
            Expenses = [new Expense { Month = new DateOnly(2025, 4, 1), Category = ExpenseCategory.SalesSalaries, Amount = 1_000 }],
        };
        var facts = new DealFacts(view, new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

        var history = CostHistory.Of(view, facts, MonthIndex.Of(new DateOnly(2025, 4, 1)), today);

        Assert.Equal(MonthIndex.Of(new DateOnly(2025, 4, 1)), history.FirstMonth);
        Assert.Equal(1 + 0.5 + 0.2, history.RepMonths[0], 12);
        Assert.Equal(2, history.HeadsAtStart[0]);
        Assert.Equal(2, history.HeadsNow);
        Assert.Equal(1_000, history.Expenses[0][(int)ExpenseCategory.SalesSalaries]);
    }

    private static double[] NoBookings => new double[CostHistory.Types];

    /// <summary>A hand-built history of <paramref name="months"/> months with one service line.</summary>
    private static CostHistory History(
        int months,
        Func<int, double> revenue,
        Func<ExpenseCategory, int, double, double> expense,
        Func<int, int, double>? bookings = null,
        Func<int, double>? cogs = null,
        Func<int, double>? repMonths = null,
        double headsNow = 10)
    {
        var range = Enumerable.Range(0, months).ToArray();
        return new CostHistory
        {
            FirstMonth = First,
            LastMonth = First + months - 1,
            Revenue = [.. range.Select(m => new[] { revenue(m) })],
            RevenueWithCogs = [.. range.Select(m => new[] { cogs is null ? 0 : revenue(m) })],
            Cogs = [.. range.Select(m => new[] { cogs?.Invoke(m) ?? 0 })],
            Expenses = [.. range.Select(m => Enum.GetValues<ExpenseCategory>().Select(c => expense(c, m, revenue(m))).ToArray())],
            Bookings = [.. range.Select(m => Enumerable.Range(0, CostHistory.Types).Select(t => bookings?.Invoke(m, t) ?? 0).ToArray())],
            RepMonths = [.. range.Select(m => repMonths?.Invoke(m) ?? 10)],
            HeadsAtStart = [.. range.Select(m => repMonths?.Invoke(m) ?? 10)],
            HeadsNow = headsNow,
        };
    }
}
