using Bellwether.Core.Pipeline;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>opportunities.csv's optional contract columns (data-format.md): read, checked, stored and loaded as a term.</summary>
public sealed class ContractTermImportTests
{
    private const string Header = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at,contract_start,contract_end,term_months";

    [Fact]
    public void Import_StoresContractTerms_EndFromContractEndOrFromTermMonthsCountedFromStartOrClose()
    {
        // O1: both dates. O2: a start and 12 months (ends the day before its first anniversary). O3: 24 months from the
        // day it closed (no start). O4: contract_end decides, term_months is not read. O5: no term at all. O6: a start
        // alone says nothing of when the contract ends.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"""
                {Header}
                O1,A1,R1,Support,new_business,1000,2025-01-10,Won,won,2025-02-15,2025-03-01,2026-02-28,
                O2,A1,R1,Support,renewal,1000,2025-01-10,Won,won,2025-02-15,2025-03-01,,12
                O3,A2,R2,Support,new_business,2500,2024-01-12,Won,won,2024-02-29,,,24
                O4,A2,R2,Support,expansion,2500,2025-01-12,Won,won,2025-02-01,2025-02-01,2025-12-31,36
                O5,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,,,,
                O6,A2,R2,Training,expansion,2500,2025-01-12,Won,won,2025-02-01,2025-03-01,,
                """,
        });

        var result = company.Import();

        Assert.Equal(0, result.ExitCode);
        using var store = DuckDbStore.Open(company.Db);
        var deals = store.Load("default").Opportunities.ToDictionary(o => o.OpportunityId, o => o.Contract, StringComparer.Ordinal);
        Assert.Equal(new ContractTerm(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)), deals["O1"]);
        Assert.Equal(new ContractTerm(new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)), deals["O2"]);
        Assert.Equal(new ContractTerm(new DateOnly(2024, 2, 29), new DateOnly(2026, 2, 27)), deals["O3"]);
        Assert.Equal(new ContractTerm(new DateOnly(2025, 2, 1), new DateOnly(2025, 12, 31)), deals["O4"]);
        Assert.Null(deals["O5"]);
        Assert.Null(deals["O6"]);
        Assert.Equal(new DateOnly(2026, 3, 1), deals["O1"]!.Due);
    }

    [Theory]
    [InlineData("2025-03-01,2025-02-28,", "opportunities.csv:2 contract_end: \"2025-02-28\" is before contract_start 2025-03-01")]
    [InlineData(",2025-02-14,", "opportunities.csv:2 contract_end: \"2025-02-14\" is before the contract's start, closed_at 2025-02-15 (contract_start is empty)")]
    [InlineData(",,0", "opportunities.csv:2 term_months: \"0\" is not a term (at least 1 month)")]
    [InlineData(",,12.5", "opportunities.csv:2 term_months: \"12.5\" is not a whole number")]
    [InlineData(",,-12", "opportunities.csv:2 term_months: \"-12\" is negative")]
    [InlineData("2025-02-30,,12", "opportunities.csv:2 contract_start: \"2025-02-30\" is not a date (expected 2025-03-31)")]
    [InlineData(",next year,", "opportunities.csv:2 contract_end: \"next year\" is not a date (expected 2025-03-31)")]
    public void Import_RejectsBadContractColumns_NamingFileLineColumnValueAndReason(string contract, string expected)
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"{Header}\nO1,A1,R1,Support,new_business,1000,2025-01-10,Won,won,2025-02-15,{contract}",
        });

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Err.Split('\n').Select(l => l.TrimEnd()));
    }
}
