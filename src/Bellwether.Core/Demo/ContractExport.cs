namespace Bellwether.Core.Demo;

/// <summary>What a demo company's CRM export says about its won deals' contracts (opportunities.csv).</summary>
public enum ContractExport
{
    /// <summary>Nothing: the contract columns are empty, as in most CRM exports.</summary>
    None,

    /// <summary>contract_start and contract_end.</summary>
    Dates,

    /// <summary>term_months only, so the term is counted from the day the deal closed (not the day work started).</summary>
    TermMonths,
}
