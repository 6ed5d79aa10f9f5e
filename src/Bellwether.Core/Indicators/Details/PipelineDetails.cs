namespace Bellwether.Core.Indicators;

/// <summary>The target behind required_pipeline, pipeline_coverage and new_pipeline_needed, and the figures used.</summary>
public sealed record TargetDetail : IndicatorDetail
{
    public required decimal Target { get; init; }

    /// <summary><c>plan</c> (plans.csv) or <c>query</c> (an explicit target).</summary>
    public required string TargetSource { get; init; }

    /// <summary>The period the target is for (the next period for new_pipeline_needed).</summary>
    public required string TargetPeriod { get; init; }

    /// <summary>Bookings already closed in the target period by the as-of instant.</summary>
    public required decimal BookedSoFar { get; init; }

    /// <summary>max(0, target − booked so far).</summary>
    public required decimal Remaining { get; init; }

    /// <summary>The trailing-4-fiscal-quarter win rate used, where one is.</summary>
    public decimal? WinRate { get; init; }

    public decimal? RequiredPipeline { get; init; }

    public decimal? ClosableAmount { get; init; }

    public int? ClosableDeals { get; init; }

    /// <summary>
    /// new_pipeline_needed and hiring_signal: the slice's mean won cycle (trailing 4 fiscal quarters), in days — pipeline
    /// created a cycle before the target period closes in it.
    /// </summary>
    public decimal? CycleDays { get; init; }

    /// <summary>The first day on which pipeline created can still close in the target period: max(today, its start − the cycle).</summary>
    public DateOnly? WindowStart { get; init; }

    /// <summary>The first day after the window: the target period's end − the cycle.</summary>
    public DateOnly? WindowEnd { get; init; }

    /// <summary>new_pipeline_needed: calendar months in the window (each day counts 1 / the days of its month).</summary>
    public decimal? MonthsLeft { get; init; }

    /// <summary>
    /// new_pipeline_needed: the trailing 3 months' mean monthly pipeline_outflow — the burn, shown for reference and not
    /// added to the need (closable pipeline already leaves out what closes before the target period; see the README).
    /// </summary>
    public decimal? MonthlyOutflow { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
    [
        Figure("target", Target), new("target_source", 0, TargetSource, null, []), new("target_period", 0, TargetPeriod, null, []),
        Figure("booked_so_far", BookedSoFar), Figure("remaining", Remaining), Figure("win_rate", WinRate),
        Figure("required_pipeline", RequiredPipeline), Figure("closable_amount", ClosableAmount), Figure("closable_deals", ClosableDeals),
        Figure("cycle_days", CycleDays), new("window_start", 0, Day(WindowStart), null, []), new("window_end", 0, Day(WindowEnd), null, []),
        Figure("months_left", MonthsLeft), Figure("monthly_outflow", MonthlyOutflow),
    ];

    internal static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// <summary>closable_deals: the amount behind the count, and the cycle length used for deals without an expected date.</summary>
public sealed record ClosableDetail : IndicatorDetail
{
    public required decimal Amount { get; init; }

    /// <summary>The slice's 10th-percentile won cycle (trailing 4 fiscal quarters), in days; null when there is none.</summary>
    public decimal? P10CycleDays { get; init; }

    public override IEnumerable<DetailLine> Lines() => [Figure("amount", Amount), Figure("p10_cycle_days", P10CycleDays)];
}

/// <summary>A deal whose expected close moved out of the period.</summary>
public sealed record SlippedDeal
{
    public required string OpportunityId { get; init; }

    public required decimal Amount { get; init; }

    /// <summary>The last expected_close_date inside the period it had.</summary>
    public required DateOnly ExpectedBefore { get; init; }

    public required DateOnly ExpectedNow { get; init; }
}

/// <summary>slipped_deals: the deals, largest first.</summary>
public sealed record SlippedDetail : IndicatorDetail
{
    public required decimal Amount { get; init; }

    public required IReadOnlyList<SlippedDeal> Deals { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
        new[] { Figure("amount", Amount) }.Concat(Deals.Select((d, i) => new DetailLine("deals", i + 1, d.OpportunityId, d.Amount,
        [new("expected_before", d.ExpectedBefore.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
         new("expected_now", d.ExpectedNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))])));
}

/// <summary>
/// pipeline_per_ramped_rep and bookings_per_ramped_rep: the total and the ramped rep-months it is divided by, each
/// weighted by the share of the rep's role's deals that fall in the slice (see <see cref="RoleShares"/>).
/// </summary>
public sealed record RampedRepDetail : IndicatorDetail
{
    /// <summary>The trailing window: the 2 full fiscal quarters ending at or before the reference instant.</summary>
    public required string Window { get; init; }

    public required decimal Total { get; init; }

    public required decimal RampedRepMonths { get; init; }

    /// <summary>
    /// Role (snake_case) → the share of its reps' deals that fall in the slice's deal-only filter (type, vertical…), as
    /// learned from the deals created in the trailing 4 fiscal quarters: the weight of each of its rep-months.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> RoleShares { get; init; } = new Dictionary<string, decimal>();

    public override IEnumerable<DetailLine> Lines() =>
        new[] { new DetailLine("window", 0, Window, null, []), Figure("total", Total), Figure("ramped_rep_months", RampedRepMonths) }
        .Concat(RoleShares.Select((r, i) => new DetailLine("role_shares", i + 1, r.Key, r.Value, [])));
}

/// <summary>hiring_signal: "add N reps by DATE", and the arithmetic behind it.</summary>
public sealed record HiringDetail : IndicatorDetail
{
    public required int RepsToAdd { get; init; }

    /// <summary>The latest start date at which <see cref="RepsToAdd"/> hires still cover the shortfall; null when none are needed.</summary>
    public DateOnly? StartBy { get; init; }

    /// <summary>The period whose target drives the need (the next period).</summary>
    public required string TargetPeriod { get; init; }

    /// <summary>The role a hire has: the role with the largest share of the slice's deals (snake_case, e.g. <c>ae</c>).</summary>
    public string HireRole { get; init; } = "ae";

    /// <summary>
    /// The new pipeline the target period still needs: max(0, required_pipeline − the open pipeline closable in it), to
    /// be created in the window; never more than the required pipeline itself.
    /// </summary>
    public required decimal Needed { get; init; }

    /// <summary>pipeline_per_ramped_rep × the current reps' ramp-weighted rep-months (× their role's share) in the window.</summary>
    public required decimal CurrentCapacity { get; init; }

    public required decimal Shortfall { get; init; }

    public required decimal PipelinePerRampedRep { get; init; }

    /// <summary>Ramp-weighted months (× the hire role's share) one hire starting on the as-of day adds in the window.</summary>
    public required decimal HireMonths { get; init; }

    /// <summary>The window in which pipeline created closes in the target period on the slice's mean cycle: [start, end).</summary>
    public DateOnly? WindowStart { get; init; }

    public DateOnly? WindowEnd { get; init; }

    public override IEnumerable<DetailLine> Lines() =>
    [
        Figure("reps_to_add", RepsToAdd), new("start_by", 0, TargetDetail.Day(StartBy), null, []),
        new("target_period", 0, TargetPeriod, null, []), new("hire_role", 0, HireRole, null, []), Figure("needed", Needed),
        Figure("current_capacity", CurrentCapacity), Figure("shortfall", Shortfall), Figure("pipeline_per_ramped_rep", PipelinePerRampedRep),
        Figure("hire_months", HireMonths), new("window_start", 0, TargetDetail.Day(WindowStart), null, []), new("window_end", 0, TargetDetail.Day(WindowEnd), null, []),
    ];
}
