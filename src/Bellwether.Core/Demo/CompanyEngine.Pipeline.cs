using Bellwether.Core.Activities;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Demo;

/// <summary>
/// Deals: created at a stage, then each business day a step of a Markov process. A deal leaves its stage with a
/// chance of one over the stage's dwell time; leaving, it moves on (from Negotiation: is won) with a chance that
/// depends on the rep's skill and ramp, the vertical's trend, the service line, the deal's age and, for clients, their
/// health; otherwise it is lost. Expected close dates slip when passed, amounts change as deals move, and deals are
/// pushed harder at a quarter's end. Nothing about a deal's fate is drawn before it happens.
/// </summary>
internal sealed partial class CompanyEngine
{
    private static readonly double[][] AdvanceLogits =
        [.. CompanyModel.AdvanceProbability.Select(row => row.Select(p => Math.Log(p / (1 - p))).ToArray())];

    /// <summary>A new open deal, at its type's first stage (or <paramref name="stage"/>) and a close date from the line's cycle (or <paramref name="expectedClose"/>).</summary>
    private OppState NewDeal(
        OpportunityType type,
        LeadSource? source,
        AccountState account,
        RepState owner,
        int line,
        decimal amount,
        long created,
        long contractId,
        int? stage = null,
        DateOnly? expectedClose = null)
    {
        ref var rng = ref _s.Random;
        var day = DateOnly.FromDayNumber((int)(created / TimeSpan.TicksPerDay));
        var cycle = 55 * CompanyModel.ServiceLines[line].CycleFactor * (type == OpportunityType.NewBusiness ? 1.0 : 0.6);
        var opp = new OppState
        {
            Id = _s.NextOppId++,
            AccountId = account.Id,
            OwnerRepId = owner.Id,
            ServiceLine = line,
            Type = type,
            Source = source,
            Amount = amount,
            CreatedTicks = created,
            ExpectedClose = day.AddDays((int)Math.Round(cycle * rng.LogNormal(0, 0.25))),
            Stage = stage ?? CompanyModel.FirstStage[(int)type],
            ContractId = contractId,
        };
        if (expectedClose is { } close)
        {
            opp.ExpectedClose = close;
        }

        owner.OpenOpps++;
        account.OpenItems++;
        _s.OpenOpps.Add(opp);
        _out?.History(opp, created, opp.Stage);
        return opp;
    }

    /// <summary>A deal's value for the account's size and the line, rounded to hundreds.</summary>
    private decimal DealAmount(AccountState account, int line, double factor)
    {
        ref var rng = ref _s.Random;
        var size = Math.Pow(account.Employees / 400.0, 0.18);
        var value = (double)CompanyModel.ServiceLines[line].MedianAmount * size * factor * rng.LogNormal(0, 0.35);
        return Math.Max(500m, decimal.Round((decimal)value / 100m) * 100m);
    }

    private void WorkOpportunities(DateOnly day)
    {
        ref var rng = ref _s.Random;
        var today = DayTicks(day);
        var quarter = _calendar.Containing(day, Time.Grain.Quarter);
        var quarterEnd = quarter.End.DayNumber - day.DayNumber <= 10;
        var closedAny = false;
        foreach (var opp in _s.OpenOpps)
        {
            if (opp.CreatedTicks >= today)
            {
                continue;
            }

            var changed = false;
            var hazard = 1.0 / (CompanyModel.StageDwellDays[opp.Stage - 1] * CompanyModel.ServiceLines[opp.ServiceLine].CycleFactor);
            if (opp.Stage == CompanyModel.OpenStages && quarterEnd)
            {
                hazard *= 1.8;
            }

            var ageDays = (today - opp.CreatedTicks) / (double)TimeSpan.TicksPerDay;
            int? outcome = null;
            if (rng.Chance(hazard))
            {
                var p = AdvanceChance(opp, day, ageDays);
                if (!rng.Chance(p))
                {
                    outcome = CompanyModel.LostStage;
                }
                else if (opp.Stage == CompanyModel.OpenStages)
                {
                    outcome = CompanyModel.WonStage;
                }
                else
                {
                    Advance(opp, day);
                    changed = true;
                }
            }
            else if (ageDays > 270 && rng.Chance(0.01))
            {
                outcome = CompanyModel.LostStage;
            }

            if (outcome is { } closed)
            {
                Close(opp, closed, day);
                closedAny = true;
                continue;
            }

            if (day > opp.ExpectedClose || (opp.ExpectedClose.DayNumber - day.DayNumber <= 7 && rng.Chance(0.03)))
            {
                opp.ExpectedClose = day.AddDays(rng.Between(10, 45));
                changed = true;
            }

            if (changed)
            {
                // Drawn whether or not rows are written: the stream must not depend on output.
                var at = BusinessTime(day);
                _out?.History(opp, at, opp.Stage);
            }
        }

        if (closedAny)
        {
            _s.OpenOpps.RemoveAll(o => o.Stage > CompanyModel.OpenStages);
        }
    }

    private double AdvanceChance(OppState opp, DateOnly day, double ageDays)
    {
        var owner = Rep(opp.OwnerRepId);
        var account = _s.Accounts[opp.AccountId];
        var logit = AdvanceLogits[(int)opp.Type][opp.Stage - 1]
            + Math.Log(owner.Skill)
            + Math.Log(0.5 + (0.5 * owner.Productivity(day)))
            + CompanyModel.ServiceLines[opp.ServiceLine].WinLogit
            - (0.5 * Math.Max(0, ageDays - 120) / 90);
        logit += opp.Type == OpportunityType.Renewal
            ? 3.0 * (account.Health - 0.7)
            : CompanyModel.Verticals[account.Vertical].WinLogitPerYear * YearsIn(day);
        if (opp.Type == OpportunityType.Expansion)
        {
            logit += 2.0 * (account.Health - 0.7);
        }

        return ShockedAdvanceChance(opp, day, 1 / (1 + Math.Exp(-logit)));
    }

    private void Advance(OppState opp, DateOnly day)
    {
        ref var rng = ref _s.Random;
        opp.Stage++;
        if (rng.Chance(0.2))
        {
            opp.Amount = Math.Max(500m, decimal.Round(opp.Amount * (decimal)rng.LogNormal(-0.02, 0.15) / 100m) * 100m);
        }

        if (opp.Stage == CompanyModel.OpenStages && opp.ExpectedClose > day.AddDays(21))
        {
            opp.ExpectedClose = day.AddDays(rng.Between(7, 21));
        }

        var type = opp.Stage switch
        {
            3 => ActivityType.Demo,
            4 => ActivityType.Proposal,
            _ => (ActivityType?)null,
        };
        if (type is { } t)
        {
            LogEventActivity(opp.OwnerRepId, t, BusinessTime(day), opp.AccountId, opp.Id, 0, t == ActivityType.Demo ? "held" : "sent", 60);
        }
    }

    private void Close(OppState opp, int stage, DateOnly day)
    {
        ref var rng = ref _s.Random;
        var at = BusinessTime(day);
        string? lostReason = null;
        if (stage == CompanyModel.WonStage && rng.Chance(0.35))
        {
            opp.Amount = Math.Max(500m, decimal.Round(opp.Amount * (decimal)(0.9 + (0.09 * rng.NextDouble())) / 100m) * 100m);
        }
        else if (stage == CompanyModel.LostStage)
        {
            var reasons = opp.Type == OpportunityType.Renewal ? CompanyModel.RenewalLostReasons : CompanyModel.NewBusinessLostReasons;
            lostReason = reasons[rng.Next(reasons.Length)];
        }

        opp.ExpectedClose = day;
        opp.Stage = stage;
        _out?.History(opp, at, stage);
        Rep(opp.OwnerRepId).OpenOpps--;
        var account = _s.Accounts[opp.AccountId];
        account.OpenItems--;
        Contract? contract = null;
        if (stage == CompanyModel.WonStage)
        {
            ref var month = ref LedgerFor(day);
            month.WonDeals++;
            switch (opp.Type)
            {
                case OpportunityType.NewBusiness: month.NewBusiness += opp.Amount; break;
                case OpportunityType.Expansion: month.Expansion += opp.Amount; break;
                default: month.Renewal += opp.Amount; break;
            }

            contract = Won(opp, account, day);
        }
        else
        {
            Lost(opp, account, day);
        }

        // Written once the win has started (or extended) its contract, whose term the export may carry.
        _out?.Opportunity(opp, stage, at, lostReason, contract is { Recurring: true } ? contract : null);

        FinishIfIdle(account);
    }
}
