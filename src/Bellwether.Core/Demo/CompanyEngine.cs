using System.Runtime.InteropServices;
using Bellwether.Core.Time;

namespace Bellwether.Core.Demo;

/// <summary>
/// The demo company's day-by-day simulation. Each day it hires and loses reps, takes in inbound leads, lets reps log
/// activities and prospect, works leads and deals one step, serves clients, and at a month's end closes the books.
/// Every draw that changes the company comes from the state's own stream, whether or not rows are written, so a
/// run without output follows the same course; what only decorates the rows (an activity's minute, a survey
/// score) is drawn from generators keyed by ids (<see cref="Rng.For"/>).
/// </summary>
internal sealed partial class CompanyEngine
{
    private const ulong ActivityStream = 201;
    private const ulong EngagementStream = 202;

    private readonly DemoOptions _options;
    private readonly FiscalCalendar _calendar;
    private readonly ulong _seed;
    private readonly DateOnly _historyStart;
    private readonly int _firstMonth;
    private readonly CompanyState _s;
    private readonly DemoWriter? _out;
    private List<int>[] _teamMembers = [];
    private int _teamMembersFor = -1;

    private CompanyEngine(DemoOptions options, CompanyState state, DemoWriter? output)
    {
        _options = options;
        _calendar = options.Calendar;
        _seed = options.Seed;
        _historyStart = options.HistoryStart;
        _firstMonth = MonthIndex(_historyStart);
        _s = state;
        _out = output;
    }

    public DateOnly Today => _s.Today;

    public DemoOptions Options => _options;

    /// <summary>The company on the first day of history, its earlier clients and open deals written if there is output.</summary>
    public static CompanyEngine Create(DemoOptions options, DemoWriter? output)
    {
        options.Validate();
        var state = new CompanyState
        {
            Today = options.HistoryStart,
            Random = new Rng(Rng.Mix(options.Seed ^ 0x5DEECE66DUL)),
            UnitCount = options.Scale,
        };
        var engine = new CompanyEngine(options, state, output);
        engine.FoundCompany();
        engine.OpeningQuotas();
        engine.OpeningPlans();
        return engine;
    }

    /// <summary>
    /// A deep copy of the company as it is now. With <paramref name="freshRandomness"/> its future draws come from a
    /// new stream; without, it repeats this engine's future exactly.
    /// </summary>
    public CompanyEngine Fork(ulong? freshRandomness, DemoWriter? output)
    {
        var state = _s.Clone();
        if (freshRandomness is { } stream)
        {
            state.Random = new Rng(Rng.Mix(Rng.Mix(_seed ^ 0xF0F0F0F0UL) ^ stream));
        }

        return new CompanyEngine(_options, state, output);
    }

    /// <summary>Simulates every day before <paramref name="endExclusive"/>.</summary>
    public void RunUntil(DateOnly endExclusive)
    {
        while (_s.Today < endExclusive)
        {
            RunDay();
        }
    }

    /// <summary>Writes what stands at the end: reps, accounts in play, open leads and deals, stages, standards, future quotas.</summary>
    public void Finish()
    {
        if (_out is null)
        {
            return;
        }

        foreach (var rep in _s.Reps)
        {
            _out.Rep(rep, TeamName(rep));
        }

        foreach (var account in _s.Accounts.Values.OrderBy(a => a.Id))
        {
            _out.Account(account);
        }

        foreach (var lead in _s.OpenLeads)
        {
            _out.Lead(lead, null, null, null);
        }

        foreach (var opp in _s.OpenOpps)
        {
            _out.Opportunity(opp, opp.Stage, null, null, null);
        }

        for (var i = 0; i < CompanyModel.Stages.Count; i++)
        {
            _out.Stage(CompanyModel.Stages[i].Name, i + 1, CompanyModel.Stages[i].Probability);
        }

        WriteStandards();
        WriteFutureQuotas();
    }

    /// <summary>The books of the month with the given index (year × 12 + month − 1); default before history.</summary>
    public MonthLedger Ledger(int monthIndex)
    {
        var i = monthIndex - _firstMonth;
        return i >= 0 && i < _s.Ledger.Count ? _s.Ledger[i] : default;
    }

    public static int MonthIndex(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public static DateOnly MonthStart(int monthIndex) => new(monthIndex / 12, (monthIndex % 12) + 1, 1);

    private static long DayTicks(DateOnly day) => day.DayNumber * TimeSpan.TicksPerDay;

    private static bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private void RunDay()
    {
        var day = _s.Today;
        if (day.Day == 1)
        {
            StartMonth(day);
        }

        Workforce(day);
        InboundLeads(day);
        if (IsBusinessDay(day))
        {
            RepDays(day);
            WorkLeads(day);
            WorkOpportunities(day);
            ServeClients(day);
        }

        var tomorrow = day.AddDays(1);
        if (tomorrow.Day == 1)
        {
            CloseMonth(MonthIndex(day));
        }

        _s.Today = tomorrow;
    }

    /// <summary>Years since history began, for trends.</summary>
    private double YearsIn(DateOnly day) => (day.DayNumber - _historyStart.DayNumber) / 365.25;

    /// <summary>A time in business hours (08:00–17:59 UTC) on the day, to the second.</summary>
    private long BusinessTime(DateOnly day) =>
        DayTicks(day) + ((8 * 3600) + _s.Random.Next(10 * 3600)) * TimeSpan.TicksPerSecond;

    private ref MonthLedger LedgerFor(DateOnly day)
    {
        var i = MonthIndex(day) - _firstMonth;
        while (_s.Ledger.Count <= i)
        {
            _s.Ledger.Add(default);
        }

        return ref CollectionsMarshal.AsSpan(_s.Ledger)[i];
    }

    private RepState Rep(int id) => _s.Reps[id - 1];

    private string? TeamName(RepState rep) => rep.Team >= 0 ? _s.Teams[rep.Team].Name : "Sales Leadership";
}
