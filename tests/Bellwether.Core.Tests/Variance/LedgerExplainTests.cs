using Bellwether.Core.Accounts;
using Bellwether.Core.Data;
using Bellwether.Core.Finance;
using Bellwether.Core.Leads;
using Bellwether.Core.Slicing;
using Bellwether.Core.Tests.Indicators;
using Bellwether.Core.Variance;
using static Bellwether.Core.Tests.Variance.Explain;

namespace Bellwether.Core.Tests.Variance;

/// <summary>Retention, expansion, margin and additive metrics on ledgers small enough to work out by hand.</summary>
public sealed class LedgerExplainTests
{
    private static RevenueLine Revenue(string account, string month, decimal revenue, string line = "consulting", decimal? cogs = null) => new()
    {
        AccountId = account,
        Month = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ServiceLine = line,
        Revenue = revenue,
        Cogs = cogs,
    };

    /// <summary>Three clients of 100 a quarter through 2024-Q4 and 2025-Q1; in 2025-Q2 A leaves, B halves, C grows to 150.</summary>
    private static Dataset Book() => new()
    {
        Accounts = [new Account { AccountId = "A", Name = "Acme", Vertical = "finance" }, new Account { AccountId = "B", Name = "Bolt", Vertical = "retail" }, new Account { AccountId = "C", Name = "Cora", Vertical = "retail" }],
        Revenue =
        [
            Revenue("A", "2024-12", 100), Revenue("B", "2024-12", 100), Revenue("C", "2024-12", 100),
            Revenue("A", "2025-03", 100), Revenue("B", "2025-03", 100), Revenue("C", "2025-03", 100),
            Revenue("B", "2025-06", 50), Revenue("C", "2025-06", 150),
        ],
    };

    [Fact]
    public void Grr_IsSplitIntoChurnAndContraction_OfTheCohortsBase()
    {
        // 2025-Q1 kept everything (grr 1). 2025-Q2 keeps 0 + 50 + 100 of 300 = 0.5: churn 100/300, contraction 50/300.
        var e = Run(Book(), "grr", "2025-Q2", by: null);

        Assert.Null(e.MissingReason);
        Assert.Equal(1m, e.Comparison);
        Assert.Equal(0.5m, e.Actual);
        Assert.Equal(-0.5m, e.Gap);
        Assert.Equal(-0.333333m, Driver(e, RetentionFamily.Churn));
        Assert.Equal(-0.166667m, Driver(e, RetentionFamily.Contraction));
        Assert.Null(e.GapRatio);
    }

    [Fact]
    public void Nrr_AddsExpansion_AndRoundsToAMillionthThatStillAddsUp()
    {
        // nrr = (0 + 50 + 150) / 300 = 0.666667 (rounded) against 1: churn −1/3, contraction −1/6, expansion +1/6.
        var e = Run(Book(), "nrr", "2025-Q2", by: null);

        Assert.Equal(-0.333333m, e.Gap);
        Assert.Equal(-0.333333m, Driver(e, RetentionFamily.Churn));
        Assert.Equal(-0.166667m, Driver(e, RetentionFamily.Contraction));
        Assert.Equal(0.166667m, Driver(e, RetentionFamily.Expansion));
        Assert.Equal(e.Gap, e.Cells.Sum(c => c.Amount));
    }

    [Fact]
    public void Grr_ByVertical_PutsEachClientsMoveInItsVertical()
    {
        var e = Run(Book(), "grr", "2025-Q2", by: Dimension.Vertical);

        Assert.Equal(-0.333333m, Cell(e, RetentionFamily.Churn, "finance"));
        Assert.Equal(-0.166667m, Cell(e, RetentionFamily.Contraction, "retail"));
        Assert.Equal(0m, Cell(e, RetentionFamily.Churn, "retail"));
    }

    [Fact]
    public void ChurnedClients_AreNamed_WithWhatTheirEngagementSaidBeforeTheyLeft()
    {
        // A's last revenue month is March, so it left on 2025-04-01: its last QBR was 200 days before, its last NPS 3,
        // and it logged 3 tickets in the 90 days before against 1 in the 90 before those.
        var left = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        EngagementSignal Event(int daysBefore, EngagementKind kind, decimal? value = null) => new() { AccountId = "A", OccurredAt = left.AddDays(-daysBefore), Kind = kind, Value = value };
        var data = Book() with
        {
            Engagement =
            [
                Event(200, EngagementKind.Qbr), Event(40, EngagementKind.Nps, 3), Event(10, EngagementKind.SupportTicket),
                Event(20, EngagementKind.SupportTicket), Event(30, EngagementKind.SupportTicket), Event(120, EngagementKind.SupportTicket),
            ],
        };

        var e = Run(data, "grr", "2025-Q2", by: null);

        var acme = e.Accounts[0];
        Assert.Equal("Acme", acme.Name);
        Assert.Equal("churned", acme.Kind);
        Assert.Equal(100m, acme.Before);
        Assert.Equal(-100m, acme.Change);
        Assert.Equal(200, acme.Signals!.DaysSinceQbr);
        Assert.Equal(3m, acme.Signals.LastNps);
        Assert.Equal(3, acme.Signals.TicketsLast90Days);
        Assert.Equal(1, acme.Signals.TicketsPrevious90Days);
        Assert.Equal("no QBR for 200 days, NPS 3, tickets up (3 against 1)", acme.Signals.Words);
        Assert.Contains("largest client lost: Acme (−$100; no QBR for 200 days, NPS 3, tickets up (3 against 1))", e.Summary, StringComparison.Ordinal);
        Assert.Equal("contracted", e.Accounts.Single(a => a.Name == "Bolt").Kind);
    }

    [Fact]
    public void ExpansionRevenue_IsNewServicesAgainstLargerExistingOnes()
    {
        // 2025-Q1 against 2024-Q4: nobody grew. 2025-Q2 against 2025-Q1: A adds a new line worth 50, B's line grows by 30.
        var data = new Dataset
        {
            Accounts = [new Account { AccountId = "A", Name = "Acme" }, new Account { AccountId = "B", Name = "Bolt" }],
            Revenue =
            [
                Revenue("A", "2024-12", 100), Revenue("B", "2024-12", 100),
                Revenue("A", "2025-03", 100), Revenue("B", "2025-03", 100),
                Revenue("A", "2025-06", 100), Revenue("A", "2025-06", 50, "training"), Revenue("B", "2025-06", 130),
            ],
        };

        var e = Run(data, "expansion_revenue", "2025-Q2", by: null);

        Assert.Equal(0m, e.Comparison);
        Assert.Equal(80m, e.Actual);
        Assert.Equal(50m, Driver(e, ExpansionFamily.Adders));
        Assert.Equal(0m, Driver(e, ExpansionFamily.NewServiceRevenue));
        Assert.Equal(30m, Driver(e, ExpansionFamily.LargerServices));
    }

    [Fact]
    public void OperatingMargin_IsSplitInPointsBetweenRevenueAndEachCost()
    {
        // Q1: revenue 1,000, cogs 500, marketing 200: margin 0.3. Q2: revenue 800, cogs 400, marketing 200: margin 0.25.
        // With revenue R and cogs C as the players (marketing did not move): v(∅) = 0.3, v(R) = 1 − 700/800 = 0.125,
        // v(C) = 1 − 600/1,000 = 0.4, v(RC) = 0.25. R: ½[(0.125 − 0.3) + (0.25 − 0.4)] = −0.1625; C: ½[0.1 + 0.125] = +0.1125.
        var data = new Dataset
        {
            Accounts = [new Account { AccountId = "A", Name = "Acme" }],
            Revenue = [Revenue("A", "2025-03", 1000, cogs: 500), Revenue("A", "2025-06", 800, cogs: 400)],
            Expenses =
            [
                new Expense { Month = new DateOnly(2025, 3, 1), Category = ExpenseCategory.Marketing, Amount = 200 },
                new Expense { Month = new DateOnly(2025, 6, 1), Category = ExpenseCategory.Marketing, Amount = 200 },
            ],
        };

        var e = Run(data, "operating_margin", "2025-Q2", by: null);

        Assert.Equal(0.3m, e.Comparison);
        Assert.Equal(0.25m, e.Actual);
        Assert.Equal(-0.1625m, Driver(e, "revenue:consulting"));
        Assert.Equal(0.1125m, Driver(e, "cogs"));
        Assert.Equal(0m, Driver(e, "marketing"));
        Assert.StartsWith("2025-Q2 operating margin −5.0 pts against 2025-Q1 (25.0% against 30.0%): revenue of consulting −20.0% (−16.3 pts), partly offset by cogs −20.0% (+11.3 pts)", e.Summary, StringComparison.Ordinal);
        Assert.Equal("operating_margin is explained for the whole company: expenses.csv is not split by vertical", Run(data, "operating_margin", "2025-Q2", by: Dimension.Vertical).MissingReason);
    }

    [Fact]
    public void AnAdditiveIndicator_IsSplitBySlice_WithTheIndicatorsOwnNumbers()
    {
        Lead Lead(string id, string created, LeadSource source) => new() { LeadId = id, CreatedAt = Fixture.At(created), Source = source };
        var data = new Dataset
        {
            Leads =
            [
                .. Enumerable.Range(0, 10).Select(i => Lead($"i1-{i}", "2025-02-01", LeadSource.Inbound)),
                .. Enumerable.Range(0, 5).Select(i => Lead($"o1-{i}", "2025-02-01", LeadSource.Outbound)),
                .. Enumerable.Range(0, 6).Select(i => Lead($"i2-{i}", "2025-05-01", LeadSource.Inbound)),
                .. Enumerable.Range(0, 5).Select(i => Lead($"o2-{i}", "2025-05-01", LeadSource.Outbound)),
            ],
        };

        var e = Run(data, "leads", "2025-Q2", by: Dimension.Source);

        Assert.Equal(15m, e.Comparison);
        Assert.Equal(11m, e.Actual);
        Assert.Equal(-4m, Cell(e, "leads", "inbound"));
        Assert.Equal(0m, Cell(e, "leads", "outbound"));
        Assert.StartsWith("2025-Q2 leads 26.7% under 2025-Q1 (11 against 15): leads in inbound −40.0% (−4)", e.Summary, StringComparison.Ordinal);
    }
}
