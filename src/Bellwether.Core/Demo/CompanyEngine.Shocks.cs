using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Demo;

/// <summary>
/// The scripted shocks of <see cref="DemoOptions.Shocks"/>, applied where the company's course is decided. Each hook
/// changes a chance or a rate, never the number of draws it takes, so a run with a shock follows the same random
/// stream as the run without it until the first outcome the shock changes.
/// </summary>
internal sealed partial class CompanyEngine
{
    /// <summary>The inbound lead rate's multiplier on the day (1 without a shock).</summary>
    private double InboundShockFactor(DateOnly day)
    {
        var factor = 1.0;
        foreach (var shock in _options.Shocks)
        {
            if (shock is InboundLeadShock inbound && inbound.Covers(day))
            {
                factor *= inbound.Factor;
            }
        }

        return factor;
    }

    /// <summary>A deal's chance of moving on from its stage (from Negotiation: of winning) on the day, after the shocks that act on it.</summary>
    private double ShockedAdvanceChance(OppState opp, DateOnly day, double chance)
    {
        foreach (var shock in _options.Shocks)
        {
            switch (shock)
            {
                case WinRateShock win when win.Covers(day) && opp.Type == OpportunityType.NewBusiness && opp.Stage == CompanyModel.OpenStages
                    && CompanyModel.Verticals[_s.Accounts[opp.AccountId].Vertical].Name == win.Vertical:
                    chance *= win.WinFactor;
                    break;
                case ChurnShock churn when opp.Type == OpportunityType.Renewal && CompanyModel.ServiceLines[opp.ServiceLine].Name == churn.ServiceLine
                    && TermLastMonth(opp) is { } last && churn.Covers(last):
                    chance = Math.Max(0, 1 - (churn.LossFactor * (1 - chance)));
                    break;
            }
        }

        return chance;
    }

    /// <summary>The first day of the last month a renewal's contract runs before it must be renewed; null when the contract is gone.</summary>
    private DateOnly? TermLastMonth(OppState renewal) =>
        _s.Accounts[renewal.AccountId].Contracts.Find(c => c.Id == renewal.ContractId) is { } contract ? MonthStart(contract.EndMonth - 1) : null;
}
