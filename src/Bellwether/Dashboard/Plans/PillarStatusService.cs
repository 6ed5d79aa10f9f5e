using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Plans;

/// <summary>
/// Where each pillar stands against its plan for the month, quarter and fiscal year that contain "now", and what
/// changed since a week earlier: the one place the dashboard reads plan status from. It reads the same
/// <see cref="PlanReport"/> as <c>bellwether plans</c> and <c>GET …/plans</c>, through the host's
/// <see cref="PlanStatusService"/> (one reading per store version and hour).
/// </summary>
public sealed class PillarStatusService(IStore store, PlanStatusService plans, TimeProvider clock, DashboardOptions options)
{
    /// <summary>The horizons each pillar is shown for, in order.</summary>
    public static readonly IReadOnlyList<(string Name, Grain Grain)> Horizons = [("Month", Grain.Month), ("Quarter", Grain.Quarter), ("Year", Grain.Year)];

    public PillarOverview Overview(CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var report = plans.Read(workspace, new PlanQuery { Scope = PlanScope.Around(asOf, settings.Calendar), AsOf = asOf, LatestPlans = true }, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var periods = Horizons.Select(h => (h.Name, Period: settings.Calendar.Containing(asOf, h.Grain))).ToList();
        var pillars = new List<PillarCard>();
        foreach (var pillar in Enum.GetValues<Pillar>())
        {
            var rows = report.Rows.Where(p => p.Pillar == pillar).ToList();
            var metric = rows.GroupBy(l => l.Metric).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            if (metric is null)
            {
                pillars.Add(new PillarCard { Pillar = pillar, Owner = null, Metric = null, Slice = new Dictionary<string, string>(), Figures = [] });
                continue;
            }

            // The pillar's headline: its metric over the widest slice it is planned for (type=new_business, not one vertical).
            var headline = rows.Where(l => l.Metric == metric).OrderBy(l => l.Slice.Count).First();
            var slice = SliceText.Format(headline.Slice);
            var figures = periods.Select(h =>
            {
                var row = rows.FirstOrDefault(l => l.Metric == metric && l.Period == h.Period.Label && SliceText.Format(l.Slice) == slice);
                var open = row?.Basis == PlanBasis.Forecast;
                return new PillarFigure
                {
                    Horizon = h.Name,
                    Period = h.Period.Label,
                    Target = row?.Target,
                    Actual = row?.Actual,
                    ActualReason = row?.ActualMissingReason,
                    P10 = open ? row!.P10 : null,
                    P50 = open ? row!.P50 : null,
                    P90 = open ? row!.P90 : null,
                    Status = row?.Status is { } status ? SnakeCase.Name(status) : null,
                    Attainment = row?.Attainment,
                    MissingReason = row is null ? $"no {metric} plan for {h.Period.Label}" : row.MissingReason,
                    StatusWeekEarlier = row?.WeekEarlier?.Status is { } before ? SnakeCase.Name(before) : null,
                    ProjectedChange = row?.WeekEarlier?.ProjectedChange,
                };
            }).ToList();
            pillars.Add(new PillarCard { Pillar = pillar, Owner = headline.Owner, Metric = metric, Slice = headline.Slice, Figures = figures });
        }

        return new PillarOverview { AsOf = asOf, Currency = settings.Currency, Pillars = pillars };
    }
}

/// <summary>The four pillars against plan, as known at <see cref="AsOf"/> (the start of the current hour).</summary>
public sealed record PillarOverview
{
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The company's currency (ISO code), which money is written in.</summary>
    public required string Currency { get; init; }

    public required IReadOnlyList<PillarCard> Pillars { get; init; }
}

/// <summary>One pillar: its owner and headline metric (from plans.csv), and a figure per horizon.</summary>
public sealed record PillarCard
{
    public required Pillar Pillar { get; init; }

    /// <summary>The person accountable, as plans.csv names them; null when the pillar has no plan.</summary>
    public required string? Owner { get; init; }

    /// <summary>The indicator the pillar is planned on (bookings, grr…); null when the pillar has no plan.</summary>
    public required string? Metric { get; init; }

    /// <summary>The slice the plan is made for (e.g. type=new_business); empty for the whole company.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    public required IReadOnlyList<PillarFigure> Figures { get; init; }

    public Unit Unit => Metric is not null && IndicatorCatalog.Find(Metric) is { } definition ? definition.Unit : Unit.Count;
}

/// <summary>
/// A pillar's metric for one period: the plan's target, the actual to date, and — for a period not over — the
/// forecast's P50 with its P10–P90 range; the status compares the projection (the actual once the period is over) with
/// the target.
/// </summary>
public sealed record PillarFigure
{
    /// <summary>Month, Quarter or Year.</summary>
    public required string Horizon { get; init; }

    public required string Period { get; init; }

    public decimal? Target { get; init; }

    public decimal? Actual { get; init; }

    /// <summary>Why there is no actual to date, when there is none.</summary>
    public string? ActualReason { get; init; }

    public decimal? P10 { get; init; }

    public decimal? P50 { get; init; }

    public decimal? P90 { get; init; }

    /// <summary><c>on_track</c>, <c>at_risk</c> or <c>off_track</c>; null when it cannot be said (<see cref="MissingReason"/>).</summary>
    public string? Status { get; init; }

    public decimal? Attainment { get; init; }

    public string? MissingReason { get; init; }

    /// <summary>The status a week earlier (the plan as it stood then, read with what was known then); null when there was none.</summary>
    public string? StatusWeekEarlier { get; init; }

    /// <summary>How the projection moved in the week, in the metric's unit.</summary>
    public decimal? ProjectedChange { get; init; }
}
