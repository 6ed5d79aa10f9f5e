namespace Bellwether.Core.Finance;

public enum ExpenseCategory
{
    SalesSalaries,
    SalesCommissions,
    SalesEnablement,
    Marketing,
    Delivery,
    Rnd,
    GAndA,
    Other,
}

/// <summary>Operating cost of one category in one month (expenses.csv). Never repeats cogs.</summary>
public sealed record Expense
{
    /// <summary>The month's first day.</summary>
    public required DateOnly Month { get; init; }

    public required ExpenseCategory Category { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>Optional cost centre; empty is the company as a whole.</summary>
    public string? Team { get; init; }

    public static bool IsSalesExpense(ExpenseCategory category) =>
        category is ExpenseCategory.SalesSalaries or ExpenseCategory.SalesCommissions or ExpenseCategory.SalesEnablement;
}
