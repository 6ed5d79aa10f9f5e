using Bellwether.Core.Finance;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class ExpenseTests
{
    private static readonly Expense Marketing = new() { Month = new DateOnly(2024, 2, 1), Category = ExpenseCategory.Marketing, Amount = 0, Team = "east" };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Expense.Month), "2024-02-29", () => Marketing with { Month = new DateOnly(2024, 2, 29) } },
        { nameof(Expense.Category), "8", () => Marketing with { Category = (ExpenseCategory)8 } },
        { nameof(Expense.Amount), "-0.000001", () => Marketing with { Amount = -0.000001m } },
    };

    [Fact]
    public void AValidExpense_Builds()
    {
        var company = new Expense { Month = new DateOnly(2024, 12, 1), Category = ExpenseCategory.GAndA, Amount = 250_000 };

        Assert.Null(company.Team);
        Assert.Equal(0m, Marketing.Amount);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
