using Bellwether.Core.Finance;
using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Finance;

/// <summary>
/// The revenue ledger and the cost model, from the monthly revenue.csv and expenses.csv: revenue, cogs, gross profit
/// and margin, sales expense and its share of bookings, sales contribution, operating margin and CAC.
/// </summary>
internal sealed class FinanceIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } =
    [
        "revenue", "cogs", "gross_profit", "gross_margin", "sales_expense", "sales_expense_pct", "sales_contribution_pct",
        "operating_margin", "cac",
    ];

    public override Source SourceOf(string name) => name is "revenue" or "cogs" or "gross_profit" or "gross_margin" or "operating_margin"
        ? Source.Revenue
        : Source.Expenses;

    public override IReadOnlyList<Source> AlsoReads(string name) => name switch
    {
        "sales_expense_pct" or "sales_contribution_pct" or "cac" => [Source.Deals],
        "operating_margin" => [Source.Expenses],
        _ => [],
    };

    public override Timing TimingOf(string name) => Timing.Forward;

    public override Outcome[] Compute(string name, Scope s)
    {
        var months = SourceOf(name) == Source.Revenue
            ? FinanceMonths.Of(s).Recorded(FinanceMonths.RecordedEnd(s.Data.Revenue.Month), "revenue", s.Period)
            : FinanceMonths.Of(s).Recorded(FinanceMonths.RecordedEnd(s.Data.Expenses.Month), "expenses", s.Period);
        if (months.Missing is { } none)
        {
            return s.Each(_ => Outcome.Lacking(none));
        }

        var label = s.Period.Label;
        var outcomes = name switch
        {
            "revenue" => Ledger(s, months).Select(l => Outcome.Of(l.Revenue)).ToArray(),
            "cogs" => Ledger(s, months).Select(l => l.Known == 0 ? Outcome.Lacking($"no cogs known for {label}") : Outcome.Of(l.Cogs, null, l.Coverage)).ToArray(),
            "gross_profit" => Ledger(s, months).Select(l => l.Known == 0 ? Outcome.Lacking($"no cogs known for {label}") : Outcome.Of(l.Known - l.Cogs, null, l.Coverage)).ToArray(),
            "gross_margin" => Ledger(s, months).Select(l => l.Known == 0
                ? Outcome.Lacking(l.Revenue == 0 ? $"no revenue in {label}" : $"no cogs known for {label}")
                : Outcome.Ratio(l.Known - l.Cogs, l.Known, "") with { Provisional = l.Coverage }).ToArray(),
            "sales_expense" => s.Each(g => Outcome.Of(Expenses(s, months)[g].Sales)),
            "sales_expense_pct" => s.Each(g => SalesExpensePct(s, months, g)),
            "sales_contribution_pct" => SalesContribution(s, months),
            "operating_margin" => OperatingMargin(s, months),
            "cac" => s.Each(g =>
            {
                var logos = DealStats.Closed(s, months.Window).NewLogos[g];
                var spend = Expenses(s, months)[g].Sales + Expenses(s, months)[g].Marketing;
                return Outcome.Ratio(spend, logos, $"no new logos in {label}");
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        return months.Provisional is { } open ? [.. outcomes.Select(o => o.WithProvisional(open))] : outcomes;
    }

    /// <summary>A group's revenue, the revenue of rows with cogs known, and their cogs.</summary>
    private sealed record LedgerSums(decimal Revenue, decimal Known, decimal Cogs)
    {
        /// <summary>Provisional reason when some revenue has unknown cogs.</summary>
        public string? Coverage => Known == Revenue || Revenue == 0
            ? null
            : $"cogs known for {Num.Percent(Known, Revenue)} of revenue";
    }

    private static LedgerSums[] Ledger(Scope s, FinanceMonths months) => s.Memo($"ledger:{months.From}:{months.To}", () =>
    {
        var table = s.Data.Revenue;
        var of = s.Space.Map(Source.Revenue).Of;
        var revenue = new decimal[s.Groups];
        var known = new decimal[s.Groups];
        var cogs = new decimal[s.Groups];
        var (a, b) = months.Rows(table.Month);
        for (var i = a; i < b; i++)
        {
            var g = of[i];
            if (g < 0)
            {
                continue;
            }

            revenue[g] += table.Revenue[i];
            if (table.Cogs[i] is { } c)
            {
                known[g] += table.Revenue[i];
                cogs[g] += c;
            }
        }

        return Enumerable.Range(0, s.Groups).Select(g => new LedgerSums(revenue[g], known[g], cogs[g])).ToArray();
    });

    private sealed record ExpenseSums(decimal Sales, decimal Marketing, decimal All);

    private static ExpenseSums[] Expenses(Scope s, FinanceMonths months) => s.Memo($"expenses:{months.From}:{months.To}", () =>
    {
        var table = s.Data.Expenses;
        var of = s.Space.Map(Source.Expenses).Of;
        var sales = new decimal[s.Groups];
        var marketing = new decimal[s.Groups];
        var all = new decimal[s.Groups];
        var (a, b) = months.Rows(table.Month);
        for (var i = a; i < b; i++)
        {
            var g = of[i];
            if (g < 0)
            {
                continue;
            }

            all[g] += table.Amount[i];
            if (Expense.IsSalesExpense(table.Category[i]))
            {
                sales[g] += table.Amount[i];
            }
            else if (table.Category[i] == ExpenseCategory.Marketing)
            {
                marketing[g] += table.Amount[i];
            }
        }

        return Enumerable.Range(0, s.Groups).Select(g => new ExpenseSums(sales[g], marketing[g], all[g])).ToArray();
    });

    /// <summary>Bookings of type new_business and expansion over the known months: what sales expense buys.</summary>
    private static decimal FirstSales(ClosedStats closed, int g) => closed.Booked(g, OpportunityType.NewBusiness) + closed.Booked(g, OpportunityType.Expansion);

    private static Outcome SalesExpensePct(Scope s, FinanceMonths months, int g)
    {
        var bookings = FirstSales(DealStats.Closed(s, months.Window), g);
        return Outcome.Ratio(Expenses(s, months)[g].Sales, bookings, $"no new_business or expansion bookings in {s.Period.Label}");
    }

    /// <summary>
    /// Gross margin of the trailing 12 full months, per service line, weighted by the service-line mix of P's
    /// new_business and expansion bookings, less sales_expense_pct. Service lines with no cogs known are left out of
    /// the mix (provisionally).
    /// </summary>
    private static Outcome[] SalesContribution(Scope s, FinanceMonths months)
    {
        var revenue = s.Data.Revenue;
        var trailingFrom = DateOnly.FromDayNumber(months.To).AddMonths(-12).DayNumber;
        var lines = s.Data.Book.Cardinality(Dimension.ServiceLine);
        var known = new decimal[lines];
        var cogs = new decimal[lines];
        for (var i = Sorted.LowerBound(revenue.Month, trailingFrom); i < Sorted.LowerBound(revenue.Month, months.To); i++)
        {
            if (revenue.Cogs[i] is { } c)
            {
                known[revenue.ServiceLine[i]] += revenue.Revenue[i];
                cogs[revenue.ServiceLine[i]] += c;
            }
        }

        var deals = s.Data.Deals;
        var of = s.Space.Map(Source.Deals).Of;
        var serviceLine = deals.Codes[Dimension.ServiceLine]!;
        var type = deals.Codes[Dimension.Type]!;
        var mix = new decimal[s.Groups * lines];
        var (a, b) = DealStats.ClosedRange(s, months.Window);
        for (var i = a; i < b; i++)
        {
            if (of[i] >= 0 && deals.Status[i] == OpportunityStatus.Won && type[i] != (int)OpportunityType.Renewal)
            {
                mix[(of[i] * lines) + serviceLine[i]] += deals.Amount[i];
            }
        }

        return s.Each(g =>
        {
            var pct = SalesExpensePct(s, months, g);
            if (pct.Value is not { } expensePct)
            {
                return pct;
            }

            decimal weighted = 0, weights = 0, uncovered = 0;
            for (var line = 0; line < lines; line++)
            {
                var w = mix[(g * lines) + line];
                if (w == 0)
                {
                    continue;
                }

                if (known[line] == 0)
                {
                    uncovered += w;
                    continue;
                }

                weighted += w * (known[line] - cogs[line]) / known[line];
                weights += w;
            }

            if (weights == 0)
            {
                return Outcome.Lacking("no gross margin known in the trailing 12 months for the service lines booked");
            }

            var note = uncovered == 0 ? null : $"{Num.Percent(uncovered, uncovered + weights)} of the bookings are in service lines with no cogs known, left out of the margin";
            return Outcome.Of(Num.Of(Math.Round((double)(weighted / weights) - (double)expensePct, 12)), null, note);
        });
    }

    private static Outcome[] OperatingMargin(Scope s, FinanceMonths months)
    {
        var ledger = Ledger(s, months);
        var expenses = Expenses(s, months);
        return s.Each(g =>
        {
            var l = ledger[g];
            if (l.Revenue == 0)
            {
                return Outcome.Lacking($"no revenue in {s.Period.Label}");
            }

            var o = Outcome.Of(Num.Ratio(l.Revenue - l.Cogs - expenses[g].All, l.Revenue));
            return l.Coverage is { } partial ? o.WithProvisional($"{partial}; unknown cogs count as 0") : o;
        });
    }
}
