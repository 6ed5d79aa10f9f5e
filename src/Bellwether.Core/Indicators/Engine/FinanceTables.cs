using Bellwether.Core.Finance;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>revenue.csv in columns, sorted by month (the month's first day as a day number).</summary>
internal sealed class RevenueTable
{
    public RevenueTable(IReadOnlyList<RevenueLine> lines, Codebook book)
    {
        Count = lines.Count;
        var month = new int[Count];
        var account = new int[Count];
        var serviceLine = new int[Count];
        var revenue = new decimal[Count];
        var cogs = new decimal?[Count];
        for (var i = 0; i < Count; i++)
        {
            var line = lines[i];
            month[i] = line.Month.DayNumber;
            account[i] = book.Code(Dimension.Account, line.AccountId);
            serviceLine[i] = book.Code(Dimension.ServiceLine, line.ServiceLine);
            revenue[i] = line.Revenue;
            cogs[i] = line.Cogs;
        }

        var order = Order.By(month);
        Month = month;
        Account = Order.Gather(account, order);
        ServiceLine = Order.Gather(serviceLine, order);
        Revenue = Order.Gather(revenue, order);
        Cogs = Order.Gather(cogs, order);
        Codes = new CodeColumns(Count, "revenue lines");
        Codes[Dimension.ServiceLine] = ServiceLine;
    }

    public int Count { get; }

    public int[] Month { get; }

    public int[] Account { get; }

    public int[] ServiceLine { get; }

    public decimal[] Revenue { get; }

    /// <summary>Null where unknown (not zero).</summary>
    public decimal?[] Cogs { get; }

    public CodeColumns Codes { get; }
}

/// <summary>expenses.csv in columns, sorted by month; sliceable only by team (the optional cost centre).</summary>
internal sealed class ExpenseTable
{
    public ExpenseTable(IReadOnlyList<Expense> expenses, Codebook book)
    {
        Count = expenses.Count;
        var sorted = expenses.OrderBy(e => e.Month).ToArray();
        Month = [.. sorted.Select(e => e.Month.DayNumber)];
        Category = [.. sorted.Select(e => e.Category)];
        Amount = [.. sorted.Select(e => e.Amount)];
        Codes = new CodeColumns(Count, "expenses");
        Codes[Dimension.Team] = [.. sorted.Select(e => book.Code(Dimension.Team, e.Team))];
    }

    public int Count { get; }

    public int[] Month { get; }

    public ExpenseCategory[] Category { get; }

    public decimal[] Amount { get; }

    public CodeColumns Codes { get; }
}
