using Bellwether.Core.Reporting;

namespace Bellwether.Core.Indicators;

/// <summary>Every indicator of indicators.md, by its stable name. These names are the names everywhere.</summary>
public static class IndicatorCatalog
{
    private const string Opps = "opportunities.csv";
    private const string Reps = "reps.csv";
    private const string Quotas = "quotas.csv";
    private const string Activities = "activities.csv";
    private const string Standards = "standards.csv";
    private const string Leads = "leads.csv";
    private const string Revenue = "revenue.csv";
    private const string Expenses = "expenses.csv";
    private const string History = "opportunity_history.csv";
    private const string Stages = "stages.csv";
    private const string Plans = "plans.csv";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        Define("bookings", Unit.Money, "Σ amount of opportunities with status won and closed_at in P", additive: true),
        Define("won_deals", Unit.Count, "count of won opportunities with closed_at in P", additive: true),
        Define("lost_deals", Unit.Count, "count of lost opportunities with closed_at in P", lowerIsBetter: true, additive: true),
        Define("win_rate", Unit.Ratio, "won_deals / (won_deals + lost_deals)"),
        Define("win_rate_by_value", Unit.Ratio, "Σ won amount / Σ (won + lost) amount, closed in P"),
        Define("avg_deal_size", Unit.Money, "bookings / won_deals"),
        Define("cycle_days", Unit.Days, "mean of (closed_at − created_at) in days over won deals closed in P", lowerIsBetter: true),
        Define("cycle_days_median", Unit.Days, "median of (closed_at − created_at) in days over won deals closed in P", lowerIsBetter: true),
        Define("closable_deals", Unit.Count, "as of t, open deals that can still close won in P: expected_close_date inside P or earlier, or (without one) created at least the slice's 10th-percentile won cycle before P's end"),
        Define("open_pipeline", Unit.Money, "as of the end of P (or as of t): Σ amount of opportunities open at that instant"),
        Define("open_deals", Unit.Count, "count of opportunities open at the end of P (or at t)"),
        Define("weighted_pipeline", Unit.Money, "Σ amount × p(stage) over open deals; p from stages.csv, else the deal's probability, else the stage's historical win rate", alsoReads: [Stages]),
        Define("new_pipeline", Unit.Money, "Σ amount (as first recorded) of opportunities with created_at in P", additive: true),
        Define("new_deals", Unit.Count, "count of opportunities with created_at in P", additive: true),
        Define("pipeline_outflow", Unit.Money, "Σ amount of opportunities won or lost in P", additive: true),
        Define("net_pipeline_change", Unit.Money, "new_pipeline − pipeline_outflow", additive: true),
        Define("required_pipeline", Unit.Money, "max(0, T − bookings closed in P by t) / win_rate over the trailing 4 fiscal quarters, for a target T", alsoReads: [Plans]),
        Define("pipeline_coverage", Unit.Ratio, "Σ amount of closable_deals / (T − bookings closed in P by t)", alsoReads: [Plans]),
        Define("sales_velocity", Unit.MoneyPerDay, "(open_deals × win_rate × avg_deal_size) / cycle_days, the last three over the trailing 4 fiscal quarters"),
        Define("slipped_deals", Unit.Count, "open deals whose expected_close_date moved from inside P to after P", [Opps, History], lowerIsBetter: true),
        Define("new_pipeline_needed", Unit.Money, "per month for the next period: (required_pipeline − open pipeline closable in it) spread over the days whose pipeline closes in it on the mean won cycle (from today or its start − the cycle, to its end − the cycle)", [Opps, Reps], alsoReads: [Plans]),
        Define("pipeline_per_ramped_rep", Unit.Money, "trailing 2 fiscal quarters' new_pipeline by ramped reps / their rep-months, each weighted by the share of their role's deals in the slice", [Opps, Reps]),
        Define("bookings_per_ramped_rep", Unit.Money, "trailing 2 fiscal quarters' bookings by ramped reps / their rep-months, each weighted by the share of their role's deals in the slice", [Opps, Reps]),
        Define("hiring_signal", Unit.Count, "reps to add when the next period's pipeline gap exceeds what current reps create in the days that can still close in it, with the latest start date that still helps", [Opps, Reps], alsoReads: [Plans]),
        Define("activities", Unit.Count, "count of activities in P", [Activities], additive: true),
        Define("activities_per_rep_day", Unit.Count, "activities of the slice's reps in P / their active working days in P", [Activities, Reps]),
        Define("activity_standard_met", Unit.Ratio, "share of reps meeting their activity standards in P, with the reps below ranked by shortfall", [Activities, Standards, Reps]),
        Define("quota_attainment", Unit.Ratio, "per rep: the quota's metric in P / the rep's quota for P", [Quotas], alsoReads: [Opps, Activities, Reps]),
        Define("attainment_bands", Unit.Count, "reps per band: over ≥ 100%, near 70–<100%, far < 70%", [Quotas], alsoReads: [Opps, Activities, Reps]),
        Define("reps_at_quota_share", Unit.Ratio, "reps with attainment ≥ 100% / reps with a quota in P", [Quotas], alsoReads: [Opps, Activities, Reps]),
        Define("what_if_half_under_reach_quota", Unit.Money, "bookings added if the better half of the under-quota reps reached exactly 100%", [Quotas], alsoReads: [Opps, Activities, Reps]),
        Define("rep_ranking", Unit.Count, "reps ranked (the ranking is the detail): ordered by attainment, then bookings, with win rate, cycle, deal size and activities per day", [Reps], alsoReads: [Opps, Activities, Quotas]),
        Define("leads", Unit.Count, "count of leads with created_at in P", [Leads], additive: true),
        Define("inbound_share", Unit.Ratio, "inbound leads / all leads, created in P", [Leads]),
        Define("outbound_to_inbound_ratio", Unit.Ratio, "outbound leads / inbound leads, created in P", [Leads]),
        Define("lead_qualification_rate", Unit.Ratio, "of the leads created in P, the share qualified within the qualification window", [Leads]),
        Define("lead_to_win_rate", Unit.Ratio, "of the leads created in P, the share whose opportunity was won", [Leads, Opps]),
        Define("revenue", Unit.Money, "Σ revenue in P", [Revenue], monthlyOnly: true, additive: true),
        Define("cogs", Unit.Money, "Σ cogs in P", [Revenue], monthlyOnly: true, lowerIsBetter: true, additive: true),
        Define("gross_profit", Unit.Money, "revenue − cogs, over rows with cogs known", [Revenue], monthlyOnly: true, additive: true),
        Define("gross_margin", Unit.Ratio, "gross_profit / revenue, over rows with cogs known", [Revenue], monthlyOnly: true),
        Define("new_logos", Unit.Count, "accounts whose first won opportunity closed in P", additive: true),
        Define("grr", Unit.Ratio, "cohort = accounts with revenue in P'; Σ min(rev_P, rev_P') / Σ rev_P'", [Revenue], monthlyOnly: true),
        Define("nrr", Unit.Ratio, "same cohort; Σ rev_P / Σ rev_P'", [Revenue], monthlyOnly: true),
        Define("logo_churn", Unit.Ratio, "share of the cohort with revenue 0 in P", [Revenue], monthlyOnly: true, lowerIsBetter: true),
        Define("expansion_revenue", Unit.Money, "Σ over the cohort of max(0, rev_P − rev_P')", [Revenue], monthlyOnly: true),
        Define("expansion_bookings", Unit.Money, "bookings of type expansion", additive: true),
        Define("services_per_client", Unit.Count, "mean number of service lines with revenue in P, per account with revenue in P", [Revenue], monthlyOnly: true),
        Define("sales_expense", Unit.Money, "Σ expenses of sales_salaries, sales_commissions, sales_enablement in P", [Expenses], monthlyOnly: true, lowerIsBetter: true, additive: true),
        Define("sales_expense_pct", Unit.Ratio, "sales_expense / bookings of type new_business and expansion in P", [Expenses, Opps], monthlyOnly: true, lowerIsBetter: true),
        Define("sales_contribution_pct", Unit.Ratio, "trailing-12-month gross margin (weighted by the bookings' service-line mix) − sales_expense_pct", [Expenses, Revenue, Opps], monthlyOnly: true),
        Define("operating_margin", Unit.Ratio, "(revenue − cogs − Σ expenses) / revenue, in P", [Revenue, Expenses], monthlyOnly: true),
        Define("cac", Unit.Money, "(sales_expense + marketing) in P / new_logos in P", [Expenses, Opps], monthlyOnly: true, lowerIsBetter: true),
        Define("vertical_trend", Unit.Money, "per vertical, the bookings in P; with bookings over the last 8 periods, growth, share, win rate, and thriving / stalling / steady"),
        Define("pipeline_by_service_line", Unit.Money, "per service_line, the open pipeline; with new_pipeline, bookings and win_rate per service_line"),
    ];

    private static Dictionary<string, IndicatorDefinition> ByName { get; } = All.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(d => d.Name)];

    public static IndicatorDefinition? Find(string name) => ByName.GetValueOrDefault(name.Trim());

    // A deal's state as of an instant comes from its history, so whatever reads opportunities reads their history too.
    private static string[] ReadsOf(IReadOnlyList<string> needs, IReadOnlyList<string> alsoReads)
    {
        var reads = needs.Union(alsoReads).ToList();
        if (reads.Contains(Opps) && !reads.Contains(History))
        {
            reads.Add(History);
        }

        return [.. reads];
    }

    private static IndicatorDefinition Define(string name, Unit unit, string definition, IReadOnlyList<string>? needs = null, bool lowerIsBetter = false, bool monthlyOnly = false, IReadOnlyList<string>? alsoReads = null, bool additive = false) => new()
    {
        Name = name,
        Unit = unit,
        Definition = definition,
        Needs = needs ?? [Opps],
        Reads = ReadsOf(needs ?? [Opps], alsoReads ?? []),
        LowerIsBetter = lowerIsBetter,
        MonthlyOnly = monthlyOnly,
        Additive = additive,
    };
}
