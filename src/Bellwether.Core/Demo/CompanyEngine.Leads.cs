using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>The top of the funnel: inbound demand, prospects' accounts, and leads that qualify into deals or are dropped.</summary>
internal sealed partial class CompanyEngine
{
    /// <summary>Chance a lead qualifies when its owner decides, before the channel's factor.</summary>
    private const double BaseQualifyChance = 0.30;

    /// <summary>Leads undecided after this many days are dropped.</summary>
    private const int LeadStaleDays = 60;

    private void InboundLeads(DateOnly day)
    {
        ref var rng = ref _s.Random;
        var years = YearsIn(day);
        Span<double> verticals = stackalloc double[CompanyModel.Verticals.Count];
        var demand = VerticalDemand(years, verticals);
        var weekend = !IsBusinessDay(day);
        var lambda = CompanyModel.InboundLeadsPerDay * _s.UnitCount * demand
            * CompanyModel.InboundSeasonality[day.Month - 1]
            * (InShock(day) ? CompanyModel.ShockFactor : 1.0) * InboundShockFactor(day)
            * (weekend ? 0.35 : 1.26)
            * (1 + (0.05 * years));
        var count = rng.Poisson(lambda);
        Span<double> channels = stackalloc double[CompanyModel.InboundChannels.Count];
        for (var c = 0; c < channels.Length; c++)
        {
            channels[c] = CompanyModel.InboundChannels[c].Share;
        }

        for (var i = 0; i < count; i++)
        {
            var unit = rng.Next(_s.UnitCount);
            var vertical = rng.Pick(verticals);
            var channel = rng.Pick(channels);
            var created = DayTicks(day) + (long)(rng.NextDouble() * TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond) * TimeSpan.TicksPerSecond;
            var owner = LeastLoaded(RepRole.Sdr, unit, day, r => r.OpenLeads);
            NewLead(LeadSource.Inbound, channel, CompanyModel.InboundChannels[channel].QualifyFactor, vertical, unit, owner, created);
        }
    }

    /// <summary>Whether inbound demand is in its shock (two months, a year and a half into history).</summary>
    private bool InShock(DateOnly day)
    {
        var month = MonthIndex(day) - _firstMonth;
        return month >= CompanyModel.ShockStartMonth && month < CompanyModel.ShockStartMonth + CompanyModel.ShockMonths;
    }

    /// <summary>Fills each vertical's demand weight for the time and returns their sum (1 at the start of history).</summary>
    private static double VerticalDemand(double years, Span<double> weights)
    {
        var sum = 0.0;
        for (var v = 0; v < weights.Length; v++)
        {
            var model = CompanyModel.Verticals[v];
            weights[v] = model.DemandShare * Math.Exp(model.DemandGrowthPerYear * years);
            sum += weights[v];
        }

        return sum;
    }

    /// <summary>An SDR's outbound lead, prospected at the given time.</summary>
    private LeadState OutboundLead(RepState sdr, DateOnly day, long created)
    {
        ref var rng = ref _s.Random;
        Span<double> verticals = stackalloc double[CompanyModel.Verticals.Count];
        VerticalDemand(YearsIn(day), verticals);
        var vertical = rng.Pick(verticals);
        var channel = rng.Pick([0.45, 0.40, 0.15]);
        return NewLead(LeadSource.Outbound, channel, 0.75 * CompanyModel.OutboundChannels[channel].QualifyFactor, vertical, sdr.Unit, sdr, created);
    }

    private LeadState NewLead(LeadSource source, int channel, double qualifyFactor, int vertical, int unit, RepState owner, long created)
    {
        var account = NewAccount(vertical, unit, owner.Id, created);
        account.OpenItems++;
        var lead = new LeadState
        {
            Id = _s.NextLeadId++,
            CreatedTicks = created,
            Source = source,
            Channel = channel,
            OwnerRepId = owner.Id,
            AccountId = account.Id,
            QualifyChance = Math.Min(0.95, BaseQualifyChance * qualifyFactor),
        };
        owner.OpenLeads++;
        _s.OpenLeads.Add(lead);
        return lead;
    }

    private AccountState NewAccount(int vertical, int unit, int owner, long created)
    {
        ref var rng = ref _s.Random;
        var employees = (long)Math.Round(Math.Clamp(rng.LogNormal(Math.Log(400), 1.1), 15, 200_000));
        var account = new AccountState
        {
            Id = (int)_s.NextAccountId++,
            Vertical = vertical,
            Region = rng.Pick(CompanyModel.RegionShares),
            Unit = unit,
            Employees = employees,
            AnnualRevenue = decimal.Round((decimal)(employees * rng.LogNormal(Math.Log(180_000), 0.5)) / 1000m) * 1000m,
            CreatedTicks = created,
            OwnerRepId = owner,
            Health = Math.Clamp(0.7 + (0.12 * rng.Normal()), 0.05, 1.0),
        };
        _s.Accounts.Add(account.Id, account);
        return account;
    }

    /// <summary>Each business day, each open lead's owner may decide on it: it qualifies into a deal or is dropped.</summary>
    private void WorkLeads(DateOnly day)
    {
        ref var rng = ref _s.Random;
        var today = DayTicks(day);
        var decided = 0;
        foreach (var lead in _s.OpenLeads)
        {
            if (lead.CreatedTicks >= today)
            {
                continue;
            }

            var stale = (today - lead.CreatedTicks) / TimeSpan.TicksPerDay > LeadStaleDays;
            var hazard = lead.Source == LeadSource.Inbound ? 1.0 / 5 : 1.0 / 8;
            if (!stale && !rng.Chance(hazard))
            {
                continue;
            }

            var at = BusinessTime(day);
            var owner = Rep(lead.OwnerRepId);
            owner.OpenLeads--;
            var account = _s.Accounts[lead.AccountId];
            account.OpenItems--;
            if (!stale && rng.Chance(lead.QualifyChance))
            {
                var opp = NewBusinessDeal(lead, account, day, at + (rng.Between(5, 45) * TimeSpan.TicksPerMinute));
                _out?.Lead(lead, at, null, opp.Id);
                LogEventActivity(owner.Id, Activities.ActivityType.Meeting, at, account.Id, 0, lead.Id, "booked", 30);
            }
            else
            {
                _out?.Lead(lead, null, at, null);
                FinishIfIdle(account);
            }

            decided++;
            lead.OwnerRepId = 0;
        }

        if (decided > 0)
        {
            _s.OpenLeads.RemoveAll(l => l.OwnerRepId == 0);
        }
    }

    private OppState NewBusinessDeal(LeadState lead, AccountState account, DateOnly day, long created)
    {
        ref var rng = ref _s.Random;
        Span<double> shares = stackalloc double[CompanyModel.ServiceLines.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = CompanyModel.ServiceLines[i].DemandShare;
        }

        var line = rng.Pick(shares);
        var ae = LeastLoaded(RepRole.Ae, account.Unit, day, r => r.OpenOpps);
        account.OwnerRepId = ae.Id;
        return NewDeal(OpportunityType.NewBusiness, lead.Source, account, ae, line, DealAmount(account, line, 1.0), created, 0);
    }
}
