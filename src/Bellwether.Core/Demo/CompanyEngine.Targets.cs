using Bellwether.Core.Activities;
using Bellwether.Core.Finance;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Time;

namespace Bellwether.Core.Demo;

/// <summary>
/// Targets and costs: quotas (AEs and AMs on quarterly bookings, SDRs on monthly meetings), the four pillars' plans
/// made in each fiscal year's last quarter for the next year, activity standards, and the month's expenses.
/// </summary>
internal sealed partial class CompanyEngine
{
    /// <summary>A ramped AE's monthly bookings quota (new business).</summary>
    private const decimal AeMonthlyQuota = 110_000m;

    /// <summary>A ramped AM's monthly bookings quota (renewals and expansion).</summary>
    private const decimal AmMonthlyQuota = 300_000m;

    /// <summary>A ramped SDR's monthly meetings quota.</summary>
    private const decimal SdrMonthlyMeetings = 30m;

    /// <summary>
    /// New-business bookings the plan expects per AE seat and month, before seasonality: the first year's plan, made
    /// before the company has a year of its own bookings to plan from.
    /// </summary>
    private const double PlannedBookingsPerAeSeat = 105_000;

    /// <summary>
    /// The board's growth ambition: a year's new-business plan is the last twelve months' bookings plus this share — a
    /// stretch a good year meets and a shock breaks, so the demo's plans show both.
    /// </summary>
    private const decimal PlannedGrowth = 0.25m;

    /// <summary>Planned expansion revenue per month as a share of the month's revenue.</summary>
    private const double PlannedExpansionShare = 0.03;

    private static readonly double[] MonthOfQuarterFactor = [0.85, 0.95, 1.20];

    private void StartMonth(DateOnly day)
    {
        if (day != _historyStart)
        {
            var quarter = _calendar.Containing(day, Grain.Quarter);
            foreach (var rep in _s.Reps)
            {
                if (rep.Start < day && rep.IsActive(day))
                {
                    WriteQuota(rep, _calendar.Containing(day, Grain.Month), rep.Start);
                    if (quarter.Start == day)
                    {
                        WriteQuota(rep, quarter, rep.Start);
                    }
                }
            }
        }

        if (IsLastQuarterStart(day))
        {
            WritePlans(NextFiscalYear(day), day);
        }
    }

    /// <summary>
    /// The plans already made when history starts: the current fiscal year's if history starts on its first day, and
    /// the next year's if history starts inside the last quarter, after the day that plan was made.
    /// </summary>
    private void OpeningPlans()
    {
        var day = _historyStart;
        if (_calendar.FiscalYearStart(_calendar.FiscalYearOf(day)) == day)
        {
            WritePlans(_calendar.Containing(day, Grain.Year), day);
        }

        var quarter = _calendar.Containing(day, Grain.Quarter);
        if (quarter.End == _calendar.Containing(day, Grain.Year).End && quarter.Start != day)
        {
            WritePlans(NextFiscalYear(day), day);
        }
    }

    /// <summary>
    /// Whether the day is the first of its fiscal year's last quarter: the day the next year's plan is made, as a real
    /// company sets next year's plan during the last quarter of this one, so that the quarter after now always has one.
    /// </summary>
    private bool IsLastQuarterStart(DateOnly day)
    {
        var quarter = _calendar.Containing(day, Grain.Quarter);
        return quarter.Start == day && quarter.End == _calendar.Containing(day, Grain.Year).End;
    }

    private Period NextFiscalYear(DateOnly day) => _calendar.Next(_calendar.Containing(day, Grain.Year));

    /// <summary>The quotas of the periods the company was in when its history starts.</summary>
    private void OpeningQuotas()
    {
        foreach (var rep in _s.Reps)
        {
            if (rep.IsActive(_historyStart))
            {
                WriteQuota(rep, _calendar.Containing(_historyStart, Grain.Month), _historyStart);
                WriteQuota(rep, _calendar.Containing(_historyStart, Grain.Quarter), _historyStart);
            }
        }
    }

    private void QuotasForHire(RepState hire)
    {
        WriteQuota(hire, _calendar.Containing(hire.Start, Grain.Month), hire.Start);
        WriteQuota(hire, _calendar.Containing(hire.Start, Grain.Quarter), hire.Start);
    }

    /// <summary>Quotas already set for the rest of the current fiscal year, for the reps employed at the end of history.</summary>
    private void WriteFutureQuotas()
    {
        var now = _s.Today;
        var yearEnd = _calendar.Containing(now.AddDays(-1), Grain.Year).End;
        foreach (var rep in _s.Reps)
        {
            if (rep.End is not null)
            {
                continue;
            }

            foreach (var grain in (ReadOnlySpan<Grain>)[Grain.Month, Grain.Quarter])
            {
                for (var p = _calendar.Containing(now, grain); p.Start < yearEnd; p = _calendar.Next(p))
                {
                    if (p.Start >= now && p.Start >= rep.Start)
                    {
                        WriteQuota(rep, p, p.Start);
                    }
                }
            }
        }

        // History that ends the day before a last quarter begins: next year's plan is made on the company's first day.
        if (IsLastQuarterStart(now))
        {
            WritePlans(NextFiscalYear(now), now);
        }
    }

    /// <summary>
    /// A rep's quota for the period from <paramref name="from"/>: AEs and AMs have quarterly bookings quotas, SDRs
    /// monthly meetings quotas (other grains are not written); each scaled by the rep's ramp in each month.
    /// </summary>
    private void WriteQuota(RepState rep, Period period, DateOnly from)
    {
        if (_out is null)
        {
            return;
        }

        var (metric, perMonth, grain) = rep.Role switch
        {
            RepRole.Ae => (QuotaMetric.Bookings, AeMonthlyQuota, Grain.Quarter),
            RepRole.Am => (QuotaMetric.Bookings, AmMonthlyQuota, Grain.Quarter),
            RepRole.Sdr => (QuotaMetric.Meetings, SdrMonthlyMeetings, Grain.Month),
            _ => (QuotaMetric.Bookings, 0m, Grain.Day),
        };
        if (period.Grain != grain)
        {
            return;
        }

        var total = 0.0;
        for (var day = from > period.Start ? from : period.Start; day < period.End; day = day.AddDays(1))
        {
            total += rep.Productivity(day) / DateTime.DaysInMonth(day.Year, day.Month);
        }

        var amount = metric == QuotaMetric.Meetings
            ? Math.Max(1m, Math.Round(perMonth * (decimal)total))
            : Math.Max(1000m, Math.Round(perMonth * (decimal)total / 1000m) * 1000m);
        _out.Quota(rep.Id, period.Label, amount, metric);
    }

    /// <summary>
    /// The plan for a fiscal year, made on <paramref name="madeOn"/> (the first day of the year before's last quarter, or
    /// the first day of history) from the twelve months' books before it, the headcount plan and the book as it stands:
    /// new-business bookings (President; also per vertical for the year), grr (COO), expansion revenue (President),
    /// operating margin (CFO), for the year, its quarters and its months.
    /// </summary>
    private void WritePlans(Period year, DateOnly madeOn)
    {
        if (_out is null)
        {
            return;
        }

        var revenue = (double)Ledger(MonthIndex(madeOn) - 1).Revenue;
        if (revenue <= 0)
        {
            revenue = (double)_s.Clients.Sum(id => _s.Accounts[id].Contracts.Sum(c => c.Recurring ? c.Value / 12 : c.Value / 3));
        }

        // The CFO plans the margin from the last three closed months, a little better each quarter.
        var margin = 0.05m;
        var recent = Enumerable.Range(1, 3).Select(k => Ledger(MonthIndex(madeOn) - k)).Where(l => l.Closed && l.Revenue > 0).ToList();
        if (recent.Count > 0)
        {
            margin = Math.Round((recent.Sum(l => l.Revenue - l.Cogs - l.Expenses) / recent.Sum(l => l.Revenue)) + 0.015m, 3);
        }

        var months = _calendar.Split(year, Grain.Month);
        var shape = new double[months.Count];
        var expansion = new decimal[months.Count];
        for (var i = 0; i < months.Count; i++)
        {
            // Each month's share follows the AE seats planned, inbound demand two months earlier, and the quarter-end push.
            var m = months[i].Start;
            var seats = _s.Teams.Where(t => t.Function == RepRole.Ae).Sum(t => TeamTarget(t, m));
            shape[i] = seats * CompanyModel.InboundSeasonality[m.AddMonths(-2).Month - 1] * MonthOfQuarterFactor[i % 3];
            expansion[i] = Math.Round((decimal)(revenue * PlannedExpansionShare * Math.Pow(1.01, i)) / 100m) * 100m;
        }

        var lastYear = Enumerable.Range(1, 12).Select(k => Ledger(MonthIndex(madeOn) - k)).ToList();
        var annual = lastYear.All(l => l.Closed)
            ? lastYear.Sum(l => l.NewBusiness) * (1 + PlannedGrowth)
            : (decimal)(shape.Sum() * 0.9 * PlannedBookingsPerAeSeat);
        var bookings = shape.Select(x => Math.Round(annual * (decimal)(x / shape.Sum()) / 1000m) * 1000m).ToArray();

        const string NewBusinessSlice = "type=new_business";
        for (var i = 0; i < months.Count; i++)
        {
            _out.Plan(Pillar.NewBusiness, "bookings", months[i].Label, bookings[i], "President", NewBusinessSlice);
            _out.Plan(Pillar.Retention, "grr", months[i].Label, 0.88m, "COO", null);
            _out.Plan(Pillar.Expansion, "expansion_revenue", months[i].Label, expansion[i], "President", null);
            _out.Plan(Pillar.CostModel, "operating_margin", months[i].Label, margin + (0.002m * i), "CFO", null);
        }

        for (var q = 0; q < months.Count / 3; q++)
        {
            var label = _calendar.Containing(months[3 * q].Start, Grain.Quarter).Label;
            _out.Plan(Pillar.NewBusiness, "bookings", label, bookings[(3 * q)..((3 * q) + 3)].Sum(), "President", NewBusinessSlice);
            _out.Plan(Pillar.Retention, "grr", label, 0.75m, "COO", null);
            _out.Plan(Pillar.Expansion, "expansion_revenue", label, 4 * expansion[(3 * q)..((3 * q) + 3)].Sum(), "President", null);
            _out.Plan(Pillar.CostModel, "operating_margin", label, margin + 0.002m + (0.006m * q), "CFO", null);
        }

        _out.Plan(Pillar.NewBusiness, "bookings", year.Label, bookings.Sum(), "President", NewBusinessSlice);
        _out.Plan(Pillar.Retention, "grr", year.Label, 0.62m, "COO", null);
        _out.Plan(Pillar.Expansion, "expansion_revenue", year.Label, 6 * expansion.Sum(), "President", null);
        _out.Plan(Pillar.CostModel, "operating_margin", year.Label, margin + 0.01m, "CFO", null);
        Span<double> weights = stackalloc double[CompanyModel.Verticals.Count];
        var sum = VerticalDemand(YearsIn(year.Start) + 0.5, weights);
        for (var v = 0; v < weights.Length; v++)
        {
            var target = Math.Round(bookings.Sum() * (decimal)(weights[v] / sum) / 1000m) * 1000m;
            _out.Plan(Pillar.NewBusiness, "bookings", year.Label, target, "President", $"vertical={CompanyModel.Verticals[v].Name};type=new_business");
        }
    }

    private double TeamTarget(TeamState team, DateOnly day) =>
        team.StartHeadcount + ((team.EndHeadcount - team.StartHeadcount) * Math.Clamp(YearsIn(day) / _options.Years, 0, 1));

    private void WriteStandards()
    {
        _out!.Standard(RepRole.Sdr, ActivityType.Call, StandardPer.Day, 8);
        _out.Standard(RepRole.Sdr, ActivityType.Email, StandardPer.Day, 5);
        _out.Standard(RepRole.Ae, ActivityType.Call, StandardPer.Day, 1.5m);
        _out.Standard(RepRole.Ae, ActivityType.Email, StandardPer.Day, 2);
        _out.Standard(RepRole.Ae, ActivityType.Meeting, StandardPer.Week, 8);
        _out.Standard(RepRole.Am, ActivityType.Meeting, StandardPer.Week, 6);
        _out.Standard(RepRole.Am, ActivityType.Email, StandardPer.Day, 2);
    }

    /// <summary>The month's operating expenses (never cogs): sales salaries per team, then the company's other costs.</summary>
    private void Expenses(int month, ref MonthLedger ledger)
    {
        ref var rng = ref _s.Random;
        var start = MonthStart(month);
        var days = DateTime.DaysInMonth(start.Year, start.Month);
        var end = start.AddDays(days - 1);
        var salaries = new decimal[_s.Teams.Count + 1];
        var active = 0.0;
        foreach (var rep in _s.Reps)
        {
            var from = rep.Start > start ? rep.Start : start;
            var to = rep.End is { } e && e < end ? e : end;
            if (to < from)
            {
                continue;
            }

            var share = (to.DayNumber - from.DayNumber + 1) / (double)days;
            active += share;
            salaries[rep.Team + 1] += CompanyModel.MonthlySalary(rep.Role, rep.Team < 0) * (decimal)share;
        }

        var total = 0m;
        void Spend(ExpenseCategory category, decimal amount, string? team)
        {
            amount = decimal.Round(amount, 2);
            total += amount;
            _out?.Expense(month, category, amount, team);
        }

        Spend(ExpenseCategory.SalesSalaries, salaries[0], "Sales Leadership");
        for (var t = 0; t < _s.Teams.Count; t++)
        {
            Spend(ExpenseCategory.SalesSalaries, salaries[t + 1], _s.Teams[t].Name);
        }

        var years = YearsIn(start);
        var scale = (decimal)_s.UnitCount;
        Spend(ExpenseCategory.SalesCommissions, (0.08m * (ledger.NewBusiness + ledger.Expansion)) + (0.03m * ledger.Renewal), null);
        Spend(ExpenseCategory.SalesEnablement, (decimal)(650 * active * rng.LogNormal(0, 0.1)), null);
        Spend(ExpenseCategory.Marketing, scale * (decimal)(52_000 * (1 + (0.05 * years)) * rng.LogNormal(0, 0.08)), null);
        Spend(ExpenseCategory.Delivery, 0.05m * ledger.Revenue, null);
        Spend(ExpenseCategory.Rnd, scale * (decimal)(14_000 * rng.LogNormal(0, 0.05)), null);
        Spend(ExpenseCategory.GAndA, (scale * (decimal)(40_000 * rng.LogNormal(0, 0.04))) + (0.04m * ledger.Revenue), null);
        Spend(ExpenseCategory.Other, scale * (decimal)(4_000 * rng.LogNormal(0, 0.3)), null);
        ledger.Expenses = total;
    }
}
