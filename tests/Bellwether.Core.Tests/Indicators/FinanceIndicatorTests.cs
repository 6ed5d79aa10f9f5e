using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Indicators;

public sealed class FinanceIndicatorTests
{
    private static RevenueLine Line(string account, string month, string line, decimal revenue, decimal? cogs = null) =>
        new() { AccountId = account, Month = Day(month + "-01"), ServiceLine = line, Revenue = revenue, Cogs = cogs };

    private static Expense Spend(string month, ExpenseCategory category, decimal amount) =>
        new() { Month = Day(month + "-01"), Category = category, Amount = amount };

    // 2016-Q4 → 2017-Q1 per account: a1 300 → 200, a2 100 → 50, a3 100 → 0, a4 10 → 40 (two service lines).
    private static Dataset Ledger { get; } = Company() with
    {
        Accounts = [Account("a1", "retail"), Account("a2", "finance"), Account("a3", "retail"), Account("a4", "retail")],
        Revenue =
        [
            Line("a1", "2016-10", "consulting", 300), Line("a2", "2016-11", "training", 100), Line("a3", "2016-12", "consulting", 100),
            Line("a4", "2016-10", "consulting", 10),
            Line("a1", "2017-01", "consulting", 100, 60), Line("a1", "2017-02", "consulting", 100), Line("a2", "2017-01", "training", 50, 10),
            Line("a4", "2017-03", "consulting", 20, 5), Line("a4", "2017-03", "training", 20, 5),
        ],
    };

    [Fact]
    public void Revenue_SumsMonthsOfPeriod()
    {
        Assert.Equal(290m, Value(Ledger, "revenue", "2017-Q1"));
        Assert.Equal(150m, Value(Ledger, "revenue", "2017-01"));
        Assert.Equal(50m, Slice(Run(Ledger, "revenue", "2017-Q1", by: [Dimension.Vertical]), "vertical", "finance").Value); // a2
    }

    [Fact]
    public void Revenue_AtWeekGrain_IsMissingBecauseMonthly()
    {
        var rows = Run(Ledger, "revenue", "2017-01", grain: Grain.Week);

        Assert.All(rows, r => Assert.Equal($"revenue.csv is monthly: revenue exists at month grain and above, not for week {r.Period}", r.MissingReason));
    }

    [Fact]
    public void Revenue_AsOfMidQuarter_CountsFinishedMonthsProvisionally()
    {
        var row = One(Ledger, "revenue", "2017-Q1", At("2017-03-15"));

        Assert.Equal(250m, row.Value); // January and February
        Assert.Equal("months of 2017-Q1 from 2017-03 on are not over as of 2017-03-15T00:00:00Z", row.ProvisionalReason);
        Assert.Equal("no month of 2017-Q1 is over as of 2017-01-31T00:00:00Z", One(Ledger, "revenue", "2017-Q1", At("2017-01-31")).MissingReason);
    }

    [Fact]
    public void GrossMargin_OverRowsWithCogsKnown_ProvisionalWithCoverage()
    {
        // cogs known on 100 (60) + 50 (10) + 20 (5) + 20 (5) = 190 of 290 revenue
        var margin = One(Ledger, "gross_margin", "2017-Q1");
        Near((190m - 80m) / 190m, margin.Value);
        Assert.Equal("cogs known for 65.5% of revenue", margin.ProvisionalReason);
        Assert.Equal(80m, Value(Ledger, "cogs", "2017-Q1"));
        Assert.Equal(110m, Value(Ledger, "gross_profit", "2017-Q1"));
    }

    [Fact]
    public void Cogs_NoneKnown_IsMissing()
    {
        Assert.Equal("no cogs known for 2016-Q4", One(Ledger, "cogs", "2016-Q4").MissingReason);
    }

    [Fact]
    public void Retention_CohortOfPreviousPeriod()
    {
        Near(260m / 510, Value(Ledger, "grr", "2017-Q1")); // min per account: 200 + 50 + 0 + 10
        Near(290m / 510, Value(Ledger, "nrr", "2017-Q1"));
        Assert.Equal(0.25m, Value(Ledger, "logo_churn", "2017-Q1")); // a3
        Assert.Equal(30m, Value(Ledger, "expansion_revenue", "2017-Q1")); // a4: 40 − 10
        Assert.Equal("no account had revenue in 2016-Q3", One(Ledger, "grr", "2016-Q4").MissingReason);
    }

    [Fact]
    public void ServicesPerClient_DistinctLinesPerAccountWithRevenue()
    {
        Near(4m / 3, Value(Ledger, "services_per_client", "2017-Q1")); // a1 1, a2 1, a4 2
    }

    // Q1 2017: bookings 600 new business + 1000 renewal; a1's first win. Expenses: sales 150, marketing 30, delivery 20.
    private static Dataset Costs { get; } = Company(
        Won("n", 600, "2016-12-01", "2017-02-01", line: "consulting"),
        Won("r", 1000, "2016-12-01", "2017-02-01", account: "a2", line: "consulting", type: OpportunityType.Renewal)) with
    {
        Accounts = [Account("a1", "retail"), Account("a2", "finance")],
        // Revenue recorded through March (a month with a row, of zero): Q1's figures are all known.
        Revenue = [Line("a1", "2016-06", "consulting", 1000, 600), Line("a1", "2017-01", "consulting", 400, 100), Line("a1", "2017-03", "consulting", 0, 0)],
        Expenses =
        [
            Spend("2017-01", ExpenseCategory.SalesSalaries, 100), Spend("2017-02", ExpenseCategory.SalesCommissions, 50),
            Spend("2017-02", ExpenseCategory.Marketing, 30), Spend("2017-03", ExpenseCategory.Delivery, 20),
        ],
    };

    [Fact]
    public void AMonthOverWithNoRowsRecorded_IsMissing_NotZero()
    {
        // As of mid-May, April is over, but the data hold no revenue or expense row for it: exported before the books
        // closed. Zero revenue, 0% GRR or zero sales expense would be silent zeros.
        var asOf = At("2017-05-15");
        Assert.Equal("no revenue recorded for 2017-04 yet (the latest is 2017-03)", One(Costs, "revenue", "2017-04", asOf).MissingReason);
        Assert.Equal("no revenue recorded for 2017-04 yet (the latest is 2017-03)", One(Costs, "grr", "2017-04", asOf).MissingReason);
        Assert.Equal("no revenue recorded for 2017-04 yet (the latest is 2017-03)", One(Costs, "operating_margin", "2017-04", asOf).MissingReason);
        Assert.Equal("no expenses recorded for 2017-04 yet (the latest is 2017-03)", One(Costs, "sales_expense", "2017-04", asOf).MissingReason);

        // A year with months recorded and months not: the recorded ones count, and the value says it is provisional.
        var year = One(Costs, "revenue", "2017", asOf);
        Assert.Equal(400m, year.Value);
        Assert.Equal("no revenue recorded from 2017-04 on (the latest is 2017-03)", year.ProvisionalReason);
    }

    [Fact]
    public void SalesExpense_AndItsShareOfFirstSales()
    {
        Assert.Equal(150m, Value(Costs, "sales_expense", "2017-Q1"));
        Assert.Equal(0.25m, Value(Costs, "sales_expense_pct", "2017-Q1")); // 150 / 600: renewals excluded
    }

    [Fact]
    public void Cac_SalesAndMarketingOverNewLogos()
    {
        Assert.Equal(90m, Value(Costs, "cac", "2017-Q1")); // (150 + 30) / 2 (a1 and a2 first won)
        Assert.Equal("no expenses recorded for 2017-Q2 yet (the latest is 2017-03)", One(Costs, "cac", "2017-Q2").MissingReason);
        var spentInJune = Costs with { Expenses = [.. Costs.Expenses, Spend("2017-06", ExpenseCategory.Marketing, 10)] };
        Assert.Equal("no new logos in 2017-Q2", One(spentInJune, "cac", "2017-Q2").MissingReason);
    }

    [Fact]
    public void OperatingMargin_RevenueLessCogsAndEveryExpense()
    {
        Assert.Equal((400m - 100m - 200m) / 400m, Value(Costs, "operating_margin", "2017-Q1"));
    }

    [Fact]
    public void SalesContribution_TrailingMarginOfBookedLinesLessSalesExpensePct()
    {
        // Trailing 12 months to the end of March 2017 (April 2016 – March 2017): consulting margin (1400 − 700) / 1400.
        Near(0.5m - 0.25m, Value(Costs, "sales_contribution_pct", "2017-Q1"));
    }

    [Fact]
    public void SalesContribution_WeighsEachLinesMarginByItsShareOfFirstSales()
    {
        // Q1 2017 first sales: consulting 600 (new business), training 200 (expansion); a training renewal of 1000 is
        // neither in sales_expense_pct nor in the mix. Trailing 12 months (April 2016 – March 2017): consulting
        // (1400 − 700) / 1400 = 0.5, training (500 − 100) / 500 = 0.8; March 2016's training row (margin 0) is before it.
        var data = Company(
            Won("n", 600, "2016-12-01", "2017-02-01", line: "consulting"),
            Won("x", 200, "2016-12-01", "2017-02-01", account: "a2", line: "training", type: OpportunityType.Expansion),
            Won("r", 1000, "2016-12-01", "2017-02-01", account: "a2", line: "training", type: OpportunityType.Renewal)) with
        {
            Revenue =
            [
                Line("a1", "2016-06", "consulting", 1000, 600), Line("a1", "2017-01", "consulting", 400, 100),
                Line("a2", "2016-09", "training", 500, 100), Line("a2", "2016-03", "training", 1000, 1000),
            ],
            Expenses = [Spend("2017-01", ExpenseCategory.SalesSalaries, 200), Spend("2017-03", ExpenseCategory.Marketing, 0)],
        };

        Assert.Equal(0.25m, Value(data, "sales_expense_pct", "2017-Q1")); // 200 / (600 + 200)
        // (600 × 0.5 + 200 × 0.8) / 800 = 0.575, less 0.25. Not the pooled margin (1900 − 800) / 1900 − 0.25 = 0.329,
        // nor the plain mean of the lines' margins 0.65 − 0.25, nor a mix with the renewal (300 + 960) / 1800 − 0.25.
        Near(0.575m - 0.25m, Value(data, "sales_contribution_pct", "2017-Q1"));
    }

    [Fact]
    public void SalesExpense_SlicedByVertical_SaysExpensesCannotBe()
    {
        Assert.Equal("expenses cannot be sliced by vertical", Assert.Single(Run(Costs, "sales_expense", "2017-Q1", by: [Dimension.Vertical])).MissingReason);
    }

    [Fact]
    public void Revenue_WithoutRevenueFile_IsMissing()
    {
        Assert.Equal("no revenue.csv", One(Company(), "revenue", "2017-Q1").MissingReason);
    }
}
