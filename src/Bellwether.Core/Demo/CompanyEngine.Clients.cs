using Bellwether.Core.Accounts;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>
/// Clients: won deals become contracts recognised monthly; recurring contracts come up for renewal; healthy clients
/// buy more; health drifts and shows in engagement signals; clients whose work has ended for six months are gone.
/// </summary>
internal sealed partial class CompanyEngine
{
    /// <summary>Months a client without work is kept (and may buy again) before it counts as gone.</summary>
    private const int DormantMonths = 6;

    /// <summary>Clients with running work per unit of scale when history starts.</summary>
    private const int InitialClientsPerUnit = 330;

    /// <summary>The book the company already had when its history starts: clients with running work, and open deals.</summary>
    private void FoundBook()
    {
        ref var rng = ref _s.Random;
        var start = DayTicks(_historyStart);
        Span<double> verticals = stackalloc double[CompanyModel.Verticals.Count];
        VerticalDemand(0, verticals);
        // Recurring work has piled up over the years; most projects of the past are done.
        Span<double> lines = stackalloc double[CompanyModel.ServiceLines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = CompanyModel.ServiceLines[i].DemandShare * (CompanyModel.ServiceLines[i].Recurring ? 3 : 1);
        }

        for (var unit = 0; unit < _s.UnitCount; unit++)
        {
            for (var i = 0; i < InitialClientsPerUnit; i++)
            {
                var created = start - (rng.Between(100, 1500) * TimeSpan.TicksPerDay) + (rng.Between(0, 86_400) * TimeSpan.TicksPerSecond);
                var am = LeastLoaded(RepRole.Am, unit, _historyStart, r => r.ClientCount);
                var account = NewAccount(rng.Pick(verticals), unit, am.Id, created);
                BecomeClient(account, am);
                var contracts = rng.Chance(0.3) ? 2 : 1;
                for (var c = 0; c < contracts; c++)
                {
                    var line = rng.Pick(lines);
                    var model = CompanyModel.ServiceLines[line];
                    var value = DealAmount(account, line, 1.0);
                    var term = model.Recurring ? DrawTerm() : 0;
                    var end = _firstMonth + rng.Between(1, model.Recurring ? term + 1 : model.ProjectMonths + 1);
                    var first = model.Recurring ? end - term : _firstMonth;
                    account.Contracts.Add(NewContract(line, first, end, model.Recurring ? value : value * (end - _firstMonth) / (model.ProjectMonths + 1), term));
                }
            }

            foreach (var team in _s.Teams)
            {
                if (team.Unit != unit || team.Function != RepRole.Ae)
                {
                    continue;
                }

                foreach (var id in TeamMembers(team.Id))
                {
                    var ae = Rep(id);
                    if (ae.Role != RepRole.Ae)
                    {
                        continue;
                    }

                    for (var i = 0; i < 14; i++)
                    {
                        var created = start - (rng.Between(1, 70) * TimeSpan.TicksPerDay) + (rng.Between(8 * 3600, 18 * 3600) * TimeSpan.TicksPerSecond);
                        var account = NewAccount(rng.Pick(verticals), unit, ae.Id, created);
                        var line = rng.Pick(lines);
                        var source = rng.Chance(0.7) ? LeadSource.Inbound : LeadSource.Outbound;
                        var stage = 1 + rng.Pick([0.32, 0.26, 0.2, 0.13, 0.09]);
                        var close = _historyStart.AddDays(rng.Between(7, 60));
                        NewDeal(OpportunityType.NewBusiness, source, account, ae, line, DealAmount(account, line, 1.0), created, 0, stage, close);
                    }
                }
            }
        }
    }

    private Contract NewContract(int line, int firstMonth, int endMonth, decimal value, int termMonths)
    {
        var contract = new Contract
        {
            Id = _s.NextContractId++,
            ServiceLine = line,
            Recurring = CompanyModel.ServiceLines[line].Recurring,
            FirstMonth = firstMonth,
            EndMonth = endMonth,
            Value = value,
            CogsRatio = CompanyModel.ServiceLines[line].CogsRatio * _s.Random.LogNormal(0, 0.08),
            TermMonths = termMonths,
        };
        contract.RenewalLeadDays = contract.Recurring ? DrawRenewalLead() : 0;
        return contract;
    }

    /// <summary>A new recurring contract's term, from the practice's mixture (drawn only when it has a choice, so the standard company's course is unchanged).</summary>
    private int DrawTerm()
    {
        var terms = _options.Renewals.Terms;
        if (terms.Count == 1)
        {
            return terms[0].Months;
        }

        Span<double> shares = stackalloc double[terms.Count];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = terms[i].Share;
        }

        return terms[_s.Random.Pick(shares)].Months;
    }

    /// <summary>How many days before a term ends its renewal deal is opened.</summary>
    private int DrawRenewalLead()
    {
        var practice = _options.Renewals;
        return practice.LeadSpreadDays == 0 ? practice.LeadDays : practice.LeadDays + _s.Random.Between(-practice.LeadSpreadDays, practice.LeadSpreadDays + 1);
    }

    private void BecomeClient(AccountState account, RepState am)
    {
        account.IsClient = true;
        account.OwnerRepId = am.Id;
        account.LastRevenueMonth = MonthIndex(_s.Today);
        am.ClientCount++;
        _s.Clients.Add(account.Id);
    }

    /// <summary>A won deal's work: a renewal extends its contract by a term, any other deal starts a contract. Returns the contract, if any.</summary>
    private Contract? Won(OppState opp, AccountState account, DateOnly day)
    {
        var month = MonthIndex(day);
        var model = CompanyModel.ServiceLines[opp.ServiceLine];
        if (opp.Type == OpportunityType.Renewal)
        {
            var contract = account.Contracts.Find(c => c.Id == opp.ContractId);
            if (contract is not null)
            {
                contract.Value = opp.Amount;
                contract.EndMonth += contract.TermMonths;
                contract.RenewalOppId = 0;
                contract.RenewalLeadDays = DrawRenewalLead();
            }

            return contract;
        }

        if (!account.IsClient)
        {
            BecomeClient(account, LeastLoaded(RepRole.Am, account.Unit, day, r => r.ClientCount));
        }

        var term = model.Recurring ? DrawTerm() : 0;
        var started = NewContract(opp.ServiceLine, month + 1, month + 1 + (model.Recurring ? term : model.ProjectMonths), opp.Amount, term);
        account.Contracts.Add(started);
        return started;
    }

    private static void Lost(OppState opp, AccountState account, DateOnly day)
    {
        if (opp.Type != OpportunityType.Renewal)
        {
            return;
        }

        var contract = account.Contracts.Find(c => c.Id == opp.ContractId);
        if (contract is not null)
        {
            contract.RenewalOppId = 0;
            contract.Ending = true;
            contract.EndMonth = Math.Max(contract.EndMonth, MonthIndex(day) + 1);
        }
    }

    /// <summary>A prospect with nothing open is finished: written and dropped. Clients stay until they are gone.</summary>
    private void FinishIfIdle(AccountState account)
    {
        if (account.OpenItems == 0 && !account.IsClient)
        {
            _out?.Account(account);
            _s.Accounts.Remove(account.Id);
        }
    }

    /// <summary>Each business day: renewals come due, healthy clients may buy more, and clients send signals.</summary>
    private void ServeClients(DateOnly day)
    {
        ref var rng = ref _s.Random;
        var lapse = _options.Renewals.LapseShare;
        var calendarDay = new CalendarDay(day, ticks: DayTicks(day));
        foreach (var id in _s.Clients)
        {
            var account = _s.Accounts[id];
            var working = false;
            foreach (var contract in account.Contracts)
            {
                working = true;
                if (contract.Recurring && !contract.Ending && contract.RenewalOppId == 0
                    && contract.EndMonth <= MonthIndex(day.AddDays(contract.RenewalLeadDays)))
                {
                    if (lapse > 0 && rng.Chance(lapse))
                    {
                        // Let go without a word: no renewal deal, and the work ends with the term.
                        contract.Ending = true;
                        continue;
                    }

                    var uplift = 1.0 + (0.15 * rng.NextDouble()) - 0.05;
                    var amount = Math.Max(500m, decimal.Round(contract.Value * (decimal)uplift / 100m) * 100m);
                    var owner = Rep(account.OwnerRepId);
                    var close = MonthStart(contract.EndMonth).AddDays(rng.Between(-10, 5));
                    var renewal = NewDeal(OpportunityType.Renewal, null, account, owner, contract.ServiceLine, amount, BusinessTime(day), contract.Id, expectedClose: close);
                    contract.RenewalOppId = renewal.Id;
                }
            }

            if (account.OpenItems < 2 && rng.Chance((working ? 1.0 : 0.5) * (0.3 + account.Health) / 330))
            {
                Expand(account, day);
            }

            if (_out is not null)
            {
                Signals(account, calendarDay);
            }
        }
    }

    private void Expand(AccountState account, DateOnly day)
    {
        ref var rng = ref _s.Random;
        int line;
        if (account.Contracts.Count > 0 && rng.Chance(0.45))
        {
            line = account.Contracts[rng.Next(account.Contracts.Count)].ServiceLine;
        }
        else
        {
            line = rng.Next(CompanyModel.ServiceLines.Count);
        }

        var owner = Rep(account.OwnerRepId);
        if (!owner.IsActive(day))
        {
            owner = LeastLoaded(RepRole.Am, account.Unit, day, r => r.ClientCount);
        }

        NewDeal(OpportunityType.Expansion, null, account, owner, line, DealAmount(account, line, 0.6), BusinessTime(day), 0);
    }

    /// <summary>Engagement signals, decoration only: drawn from the account and day, shaped by the client's health.</summary>
    private void Signals(AccountState account, CalendarDay day)
    {
        var ticks = day.Ticks;
        var rng = Rng.For(_seed, EngagementStream, ((long)account.Id << 21) | (uint)day.DayNumber);
        var health = account.Health;
        if (day.FirstBusinessDayOfMonth && account.Contracts.Count > 0)
        {
            var usage = Math.Max(0, Math.Round(account.Employees * 0.4 * health * rng.LogNormal(0, 0.15)));
            _out!.Engagement(account.Id, ticks + (2 * TimeSpan.TicksPerHour), EngagementKind.Usage, (decimal)usage);
        }

        if (day.Month % 3 == account.Id % 3 && day.Day == 8 + (account.Id % 17))
        {
            var nps = Math.Clamp(Math.Round((11 * health) - 0.5 + (1.5 * rng.Normal())), 0, 10);
            _out!.Engagement(account.Id, ticks + (15 * TimeSpan.TicksPerHour), EngagementKind.Nps, (decimal)nps);
        }

        if (day.Month % 3 == (account.Id + 1) % 3 && day.Day == 12 + (account.Id % 11) && account.Contracts.Count > 0)
        {
            _out!.Engagement(account.Id, ticks + (14 * TimeSpan.TicksPerHour), EngagementKind.Qbr, null);
        }

        if (rng.Chance(0.016 + (0.04 * (1 - health))))
        {
            var ticket = ticks + (rng.Between(8 * 60, 16 * 60) * TimeSpan.TicksPerMinute);
            _out!.Engagement(account.Id, ticket, EngagementKind.SupportTicket, null);
            if (rng.Chance(0.5))
            {
                var csat = Math.Clamp(Math.Round(1 + (4.5 * health) + rng.Normal()), 1, 5);
                _out!.Engagement(account.Id, ticket + (3 * TimeSpan.TicksPerHour), EngagementKind.Csat, (decimal)csat);
            }
        }

        if (rng.Chance(0.02))
        {
            _out!.Engagement(account.Id, ticks + (rng.Between(9 * 60, 17 * 60) * TimeSpan.TicksPerMinute), EngagementKind.Meeting, null);
        }
    }

    /// <summary>A day's calendar facts, worked out once for the many clients served that day.</summary>
    private readonly struct CalendarDay(DateOnly day, long ticks)
    {
        public int DayNumber { get; } = day.DayNumber;

        public int Month { get; } = day.Month;

        public int Day { get; } = day.Day;

        public long Ticks { get; } = ticks;

        public bool FirstBusinessDayOfMonth { get; } = day.Day == 1 || (day.DayOfWeek == DayOfWeek.Monday && day.Day <= 3);
    }
}
