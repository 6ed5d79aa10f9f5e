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

/// <summary>
/// Operating cost of one category in one month (expenses.csv). Never repeats cogs. Validated as it is built: the month
/// is a first day, the category defined, the amount never negative.
/// </summary>
public sealed record Expense
{
    /// <summary>The month's first day.</summary>
    public required DateOnly Month { get; init => field = Guard.FirstOfMonth(value); }

    public required ExpenseCategory Category { get; init => field = Guard.Defined(value); }

    public required decimal Amount { get; init => field = Guard.NotNegative(value); }

    /// <summary>Optional cost centre; empty is the company as a whole.</summary>
    public string? Team { get; init; }

    public static bool IsSalesExpense(ExpenseCategory category) =>
        category is ExpenseCategory.SalesSalaries or ExpenseCategory.SalesCommissions or ExpenseCategory.SalesEnablement;
}
