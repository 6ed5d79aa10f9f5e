using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;

namespace Bellwether.Core.Demo;

/// <summary>
/// Everything the simulated company is at the start of a day: its people, live accounts, open leads and deals, the
/// books so far, the id counters and the random stream. Objects refer to each other by id only, so a deep copy is a
/// copy of each list, and a copy run on with the same stream repeats the original exactly.
/// </summary>
internal sealed class CompanyState
{
    /// <summary>The day about to be simulated (its first instant is the state's instant).</summary>
    public DateOnly Today { get; set; }

    public Rng Random;

    public List<TeamState> Teams { get; init; } = [];

    /// <summary>Every rep ever employed, departed ones included; rep id n is at index n − 1.</summary>
    public List<RepState> Reps { get; init; } = [];

    /// <summary>Accounts still in play (open leads or deals, or clients); finished ones have been written and dropped.</summary>
    public Dictionary<int, AccountState> Accounts { get; init; } = [];

    /// <summary>Ids of the accounts that are clients, in the order they became clients.</summary>
    public List<int> Clients { get; init; } = [];

    public List<LeadState> OpenLeads { get; init; } = [];

    public List<OppState> OpenOpps { get; init; } = [];

    /// <summary>The books per month, from the first month of history (index 0).</summary>
    public List<MonthLedger> Ledger { get; init; } = [];

    /// <summary>Each client's revenue in the last closed month, for that month's successor's grr and expansion.</summary>
    public Dictionary<int, decimal> LastMonthRevenue { get; init; } = [];

    public int UnitCount { get; init; }

    public long NextAccountId { get; set; } = 1;

    public long NextLeadId { get; set; } = 1;

    public long NextOppId { get; set; } = 1;

    public long NextActivityId { get; set; } = 1;

    public long NextContractId { get; set; } = 1;

    public CompanyState Clone() => new()
    {
        Today = Today,
        Random = Random,
        Teams = [.. Teams],
        Reps = [.. Reps.Select(r => r.Clone())],
        Accounts = Accounts.ToDictionary(kv => kv.Key, kv => kv.Value.Clone()),
        Clients = [.. Clients],
        OpenLeads = [.. OpenLeads.Select(l => l.Clone())],
        OpenOpps = [.. OpenOpps.Select(o => o.Clone())],
        Ledger = [.. Ledger],
        LastMonthRevenue = new Dictionary<int, decimal>(LastMonthRevenue),
        UnitCount = UnitCount,
        NextAccountId = NextAccountId,
        NextLeadId = NextLeadId,
        NextOppId = NextOppId,
        NextActivityId = NextActivityId,
        NextContractId = NextContractId,
    };
}

/// <summary>A team and its manager; a team never changes once formed.</summary>
internal sealed record TeamState(int Id, string Name, RepRole Function, int Unit, int ManagerId, int Region, int StartHeadcount, int EndHeadcount);

internal sealed class RepState
{
    public required int Id { get; init; }

    public required RepRole Role { get; init; }

    /// <summary>Index into <see cref="CompanyState.Teams"/>, or −1 for the head of sales.</summary>
    public required int Team { get; init; }

    public required int Unit { get; init; }

    public int? ManagerId { get; init; }

    public required int Region { get; init; }

    public required DateOnly Start { get; init; }

    /// <summary>Last day employed (inclusive).</summary>
    public DateOnly? End { get; set; }

    /// <summary>Multiplies the odds of winning: 1 is average.</summary>
    public required double Skill { get; init; }

    /// <summary>Multiplies the activities logged: below about 0.8 the rep falls short of the standards.</summary>
    public required double Discipline { get; init; }

    public int OpenLeads { get; set; }

    public int OpenOpps { get; set; }

    public int ClientCount { get; set; }

    public bool IsActive(DateOnly day) => day >= Start && (End is null || day <= End);

    /// <summary>Productivity: rises linearly from 0 on the start date to 1 after the ramp.</summary>
    public double Productivity(DateOnly day) => Math.Clamp((day.DayNumber - Start.DayNumber + 1) / CompanyModel.RampDays, 0.0, 1.0);

    public RepState Clone() => (RepState)MemberwiseClone();
}

internal sealed class AccountState
{
    public required int Id { get; init; }

    public required int Vertical { get; init; }

    public required int Region { get; init; }

    public required int Unit { get; init; }

    public required long Employees { get; init; }

    public required decimal AnnualRevenue { get; init; }

    public required long CreatedTicks { get; init; }

    public int OwnerRepId { get; set; }

    /// <summary>Open leads and deals that name the account; a prospect with none left is finished.</summary>
    public int OpenItems { get; set; }

    public bool IsClient { get; set; }

    /// <summary>0 (about to leave) to 1 (delighted); drifts monthly and drives renewals, expansion and signals.</summary>
    public double Health { get; set; }

    /// <summary>The last month (index) with recognised revenue, for how long a client without contracts is kept.</summary>
    public int LastRevenueMonth { get; set; }

    public List<Contract> Contracts { get; private set; } = [];

    public AccountState Clone()
    {
        var copy = (AccountState)MemberwiseClone();
        copy.Contracts = [.. Contracts.Select(c => c.Clone())];
        return copy;
    }
}

/// <summary>
/// Work the client pays for, recognised monthly. Months are indexes (year × 12 + month − 1). A project recognises its
/// remaining value evenly over its remaining months; a recurring contract recognises its annual value monthly until
/// <see cref="EndMonth"/>, and on after it while its renewal is being negotiated.
/// </summary>
internal sealed class Contract
{
    public required long Id { get; init; }

    public required int ServiceLine { get; init; }

    public required bool Recurring { get; init; }

    public required int FirstMonth { get; set; }

    /// <summary>First month after the term (exclusive end).</summary>
    public required int EndMonth { get; set; }

    /// <summary>Recurring: the annual value now billed. Project: the value still to recognise.</summary>
    public required decimal Value { get; set; }

    public required double CogsRatio { get; init; }

    /// <summary>Recurring: the months each term runs (a renewal runs as long as the term it renews).</summary>
    public int TermMonths { get; init; } = 12;

    /// <summary>Recurring: days before <see cref="EndMonth"/> starts that the current term's renewal deal is opened.</summary>
    public int RenewalLeadDays { get; set; }

    /// <summary>The open renewal deal, 0 when there is none.</summary>
    public long RenewalOppId { get; set; }

    /// <summary>Set when the renewal was lost: the contract ends at <see cref="EndMonth"/> or as soon as it is past.</summary>
    public bool Ending { get; set; }

    public Contract Clone() => (Contract)MemberwiseClone();
}

internal sealed class LeadState
{
    public required long Id { get; init; }

    public required long CreatedTicks { get; init; }

    public required LeadSource Source { get; init; }

    public required int Channel { get; init; }

    public required int OwnerRepId { get; set; }

    public required int AccountId { get; init; }

    /// <summary>Chance the lead qualifies when its owner decides.</summary>
    public required double QualifyChance { get; init; }

    public LeadState Clone() => (LeadState)MemberwiseClone();
}

internal sealed class OppState
{
    public required long Id { get; init; }

    public required int AccountId { get; init; }

    public required int OwnerRepId { get; set; }

    public required int ServiceLine { get; init; }

    public required OpportunityType Type { get; init; }

    public LeadSource? Source { get; init; }

    public required decimal Amount { get; set; }

    public required long CreatedTicks { get; init; }

    public required DateOnly ExpectedClose { get; set; }

    /// <summary>1..5 while open.</summary>
    public required int Stage { get; set; }

    /// <summary>The renewed contract, for renewals; 0 otherwise.</summary>
    public long ContractId { get; init; }

    public OppState Clone() => (OppState)MemberwiseClone();
}

/// <summary>One month's books: bookings by deal type, revenue, costs, and the revenue-retention sums.</summary>
internal struct MonthLedger
{
    public decimal NewBusiness;
    public decimal Expansion;
    public decimal Renewal;
    public int WonDeals;
    public bool Closed;
    public decimal Revenue;
    public decimal Cogs;
    public decimal Expenses;

    /// <summary>Σ over last month's clients of min(this month, last month), and Σ of last month: grr = kept / base.</summary>
    public decimal RetainedRevenue;
    public decimal RetentionBase;
    public decimal ExpansionRevenue;

    public readonly decimal Bookings => NewBusiness + Expansion + Renewal;
}
