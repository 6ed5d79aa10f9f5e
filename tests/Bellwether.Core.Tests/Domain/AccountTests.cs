using Bellwether.Core.Accounts;
using static Bellwether.Core.Tests.Domain.Invariant;

namespace Bellwether.Core.Tests.Domain;

public sealed class AccountTests
{
    private static readonly Account Bank = new()
    {
        AccountId = "a1",
        Name = "First Bank",
        Vertical = "finance",
        Region = "EMEA",
        Employees = 0,
        AnnualRevenue = 12_000_000,
        OwnerRepId = "r1",
        CreatedAt = March,
    };

    public static TheoryData<string, string, Func<object>> Invalid => new()
    {
        { nameof(Account.AccountId), "\"\"", () => Bank with { AccountId = "" } },
        { nameof(Account.Name), "\"\t\"", () => Bank with { Name = "\t" } },
        { nameof(Account.Vertical), "\"\"", () => Bank with { Vertical = "" } },
        { nameof(Account.Employees), "-3", () => Bank with { Employees = -3 } },
        { nameof(Account.AnnualRevenue), "-0.5", () => Bank with { AnnualRevenue = -0.5m } },
        { nameof(Account.OwnerRepId), "\"r1 \"", () => Bank with { OwnerRepId = "r1 " } },
        { nameof(Account.CreatedAt), "+02:00", () => Bank with { CreatedAt = MarchInParis } },
    };

    [Fact]
    public void AValidAccount_Builds_WithTheUnknownVerticalByDefault()
    {
        var bare = new Account { AccountId = "a2", Name = "a2" };

        Assert.Equal(Account.UnknownVertical, bare.Vertical);
        Assert.Equal(0, Bank.Employees);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EachInvalidValue_Throws_NamingThePropertyAndTheValue(string property, string value, Func<object> build) =>
        Broken(build, property, value);
}
