using Bellwether.Core.Finance;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>revenue.csv in columns, sorted by month (the month's first day as a day number).</summary>
internal sealed class RevenueTable
{
    public RevenueTable(IReadOnlyList<RevenueLine> lines, Codebook book)
    {
        Count = lines.Count;
        var order = Enumerable.Range(0, Count).ToArray();
        var keys = lines.Select(l => l.Month.DayNumber).ToArray();
        Array.Sort(keys, order);
        Month = keys;
        Account = new int[Count];
        ServiceLine = new int[Count];
        Revenue = new decimal[Count];
        Cogs = new decimal?[Count];
        for (var i = 0; i < Count; i++)
        {
            var line = lines[order[i]];
            Account[i] = book.Code(Dimension.Account, line.AccountId);
            ServiceLine[i] = book.Code(Dimension.ServiceLine, line.ServiceLine);
            Revenue[i] = line.Revenue;
            Cogs[i] = line.Cogs;
        }

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
