using Bellwether.Core.Coaching;
using Bellwether.Core.Indicators;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reporting;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Deals;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Reps;

/// <summary>
/// A rep's page, where drill-downs from signals, slices and the leaderboard land: their figures for a period (the
/// indicator rows <c>bellwether indicators --by rep</c> prints) beside the median of their team and of every rep of
/// their role, their quota attainment, their activity against their standards week by week, why coaching flags them
/// (<see cref="RepCoaching"/>, as the coaching signal reads it), and their deals.
/// </summary>
public sealed class RepDetails(IStore store, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    private static readonly (string Heading, string Indicator)[] Figures =
    [
        ("Bookings", "bookings"), ("Won deals", "won_deals"), ("Win rate", "win_rate"), ("Deal size", "avg_deal_size"), ("Cycle", "cycle_days"),
        ("Open pipeline", "open_pipeline"), ("New pipeline", "new_pipeline"), ("Activities a working day", "activities_per_rep_day"),
    ];

    public RepView Read(string repId, string? periodKey, CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var currency = settings.Currency;
        var data = indicators.Data(workspace);
        var rep = data.Reps.FirstOrDefault(r => r.RepId == repId) ?? throw new Cli.UserErrorException($"{repId}: no rep has this id in reps.csv");
        var names = NameBook.Of(data);
        var period = PeriodChoices.Resolve(periodKey, settings.Calendar, asOf);
        var filter = new Dictionary<Dimension, string> { [Dimension.Rep] = rep.RepId };

        var byRep = IndicatorPivot.BySlice(
            indicators.Run(workspace, new IndicatorQuery { Indicators = [.. Figures.Select(f => f.Indicator)], Period = period, By = [Dimension.Rep], AsOf = asOf }), "rep");
        cancellation.ThrowIfCancellationRequested();
        bool ActiveIn(Rep r) => (r.StartDate is null || r.StartDate < period.End) && (r.EndDate is null || r.EndDate >= period.Start);
        var peers = data.Reps.Where(r => r.RepId != rep.RepId && r.Role == rep.Role && ActiveIn(r)).ToList();
        var team = peers.Where(r => r.Team is not null && r.Team == rep.Team).ToList();
        var role = RoleName(rep.Role);
        var figures = new TableData
        {
            Id = "rep-figures",
            Caption = $"{rep.Name} against peers, {period.Label}",
            Columns = [new("Figure"), new(rep.Name, true), new($"Team median ({team.Count} {role}s)", true), new($"All {role}s' median ({peers.Count})", true)],
            Rows = [.. Figures.Select(f => new TableRow(
            [
                TableCell.Of(f.Heading),
                IndicatorTables.Cell(byRep.Row(rep.RepId, f.Indicator), f.Indicator, currency),
                Median(team, byRep, f.Indicator, currency),
                Median(peers, byRep, f.Indicator, currency),
            ]))],
        };

        var quota = indicators.Run(workspace, new IndicatorQuery { Indicators = ["quota_attainment"], Period = period, Filter = filter, AsOf = asOf })[0];
        var attainment = (quota.Detail as QuotaDetail)?.Reps.FirstOrDefault(r => r.RepId == rep.RepId);
        var quotaText = attainment is null
            ? $"No quota for {period.Label}" + (quota.MissingReason is { } why ? $": {why}" : ".")
            : $"{Readable.Percent(attainment.Attainment ?? 0)} of a {Readable.Value(attainment.Quota, attainment.Metric == "bookings" ? Unit.Money : Unit.Count, currency)} {attainment.Metric.Replace('_', ' ')} quota"
              + $" ({Readable.Value(attainment.Actual, attainment.Metric == "bookings" ? Unit.Money : Unit.Count, currency)} so far){(attainment.Band is { } band ? $", band {band}" : "")}.";

        var coaching = RepCoaching.Of(data, asOf).Where(f => f.RepId == rep.RepId).Select(f => f.Reason(currency)).ToList();
        var (standards, activity) = Activity(workspace, rep, period, asOf, currency, data.Standards);
        cancellation.ThrowIfCancellationRequested();

        var deals = data.Opportunities
            .Where(d => d.OwnerRepId == rep.RepId && d.CreatedAt < asOf
                && (d.Status == OpportunityStatus.Open || (d.ClosedAt is { } closed && closed < asOf && period.Contains(closed))))
            .OrderBy(d => d.Status == OpportunityStatus.Open ? 0 : 1).ThenByDescending(d => d.Status == OpportunityStatus.Open ? d.Amount : d.ClosedAt!.Value.Ticks)
            .ToList();
        var manager = rep.ManagerId is { } m ? (Name: names.Rep(m), Href: Links.Rep(m)) : default;
        return new RepView
        {
            AsOf = asOf,
            Currency = currency,
            RepId = rep.RepId,
            Name = rep.Name,
            About = About(rep),
            ManagerName = manager.Name,
            ManagerHref = manager.Href,
            Period = period.Label,
            Figures = figures,
            Quota = quotaText,
            Coaching = coaching,
            Standards = standards,
            Activity = activity,
            Deals = DealTables.Of("rep-deals", $"{rep.Name}'s open deals, and those closed in {period.Label}", deals, names, currency, asOf, showRep: false),
        };
    }

    /// <summary>The rep's activity standards against their rate in the period, and their activities week by week by type.</summary>
    private (TableData Standards, SeriesChartData Weekly) Activity(string workspace, Rep rep, Period period, DateTimeOffset asOf, string currency, IReadOnlyList<ActivityStandard> all)
    {
        var filter = new Dictionary<Dimension, string> { [Dimension.Rep] = rep.RepId };
        var met = indicators.Run(workspace, new IndicatorQuery { Indicators = ["activity_standard_met"], Period = period, Filter = filter, AsOf = asOf })[0];
        var below = (met.Detail as ActivityStandardDetail)?.BelowStandard ?? [];
        var rates = IndicatorPivot.BySlice(
            indicators.Run(workspace, new IndicatorQuery { Indicators = ["activities_per_rep_day"], Period = period, By = [Dimension.ActivityType], Filter = filter, AsOf = asOf }),
            "activity_type");

        // A rep's own rows of standards.csv override their role's, as activity_standard_met reads them.
        var own = all.Where(s => s.Role == rep.RepId).ToList();
        var applying = own.Concat(all.Where(s => string.Equals(s.Role, SnakeCase.Name(rep.Role), StringComparison.OrdinalIgnoreCase) && !own.Any(o => o.Type == s.Type))).ToList();
        var standards = new TableData
        {
            Id = "rep-standards",
            Caption = $"Activity against standards, {period.Label}",
            Columns = [new("Activity"), new("Standard", true), new("Rate", true), new("Met")],
            Rows = [.. applying.Select(s =>
            {
                var type = SnakeCase.Name(s.Type);
                var per = SnakeCase.Name(s.Per);
                var shortfall = below.FirstOrDefault(b => b.ActivityType == type);

                // A weekly standard is met by the rate per working day × 5, as the indicator reads it.
                var rate = shortfall?.Actual ?? (rates.Value(type, "activities_per_rep_day") is { } daily ? Math.Round(daily * (s.Per == StandardPer.Week ? 5 : 1), 2) : null);
                return new TableRow(
                [
                    TableCell.Of(type.Replace('_', ' ') + "s"),
                    TableCell.Count(s.Minimum).WithTitle($"at least {Readable.Count(s.Minimum)} a {per}"),
                    TableCell.Count(rate).WithTitle($"a {per} on average over the rep's working days"),
                    met.Value is null ? TableCell.Of(met.MissingReason) : TableCell.StatusOf(shortfall is null ? Core.Plans.SignalStatus.OnTrack : Core.Plans.SignalStatus.OffTrack),
                ]);
            })],
            EmptyText = $"No activity standard applies to {rep.Name} (standards.csv).",
        };

        var weekly = indicators.Run(workspace, new IndicatorQuery { Indicators = ["activities"], Period = period, Grain = Grain.Week, By = [Dimension.ActivityType], Filter = filter, AsOf = asOf });
        var weeks = weekly.Select(r => r.Period).Distinct(StringComparer.Ordinal).ToList();
        var types = weekly.Select(r => r.Slice.GetValueOrDefault("activity_type")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        decimal? At(string week, string type) => weekly.FirstOrDefault(r => r.Period == week && r.Slice.GetValueOrDefault("activity_type") == type)?.Value;
        var chart = new SeriesChartData
        {
            Categories = weeks,
            Series = [.. types.Select(t => new ChartSeries { Name = t.Replace('_', ' ') + "s", Values = [.. weeks.Select(w => At(w, t))], Stack = "activities" })],
            Format = ChartFormat.Count,
            Description = $"{rep.Name}'s activities by week and type, {period.Label}: "
                + string.Join("; ", weeks.Select(w => $"{w} {Readable.Count(types.Sum(t => At(w, t) ?? 0))}")) + ".",
            Table = new ChartTable($"{rep.Name}'s activities by week, {period.Label}", ["Week", .. types],
                [.. weeks.Select(w => (IReadOnlyList<string>)[w, .. types.Select(t => At(w, t) is { } v ? Readable.Count(v) : "—")])]),
        };
        return (standards, chart);
    }

    private static TableCell Median(IReadOnlyList<Rep> reps, IndicatorPivot byRep, string indicator, string currency)
    {
        var values = reps.Select(r => byRep.Value(r.RepId, indicator)).OfType<decimal>().Order().ToList();
        decimal? median = values.Count == 0 ? null : values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
        return TableCell.Value(median, IndicatorCatalog.Find(indicator)?.Unit ?? Unit.Count, currency, "no peer has this figure").WithTitle($"the median of {values.Count} reps");
    }

    private static string About(Rep rep)
    {
        var parts = new List<string> { RoleName(rep.Role) };
        if (rep.Team is not null)
        {
            parts.Add($"team {rep.Team}");
        }

        if (rep.Region is not null)
        {
            parts.Add(rep.Region);
        }

        if (rep.StartDate is { } start)
        {
            parts.Add($"since {start:yyyy-MM-dd}");
        }

        if (rep.EndDate is { } end)
        {
            parts.Add($"left {end:yyyy-MM-dd}");
        }

        return string.Join(" · ", parts);
    }

    private static string RoleName(RepRole role) => role switch
    {
        RepRole.Sdr => "SDR",
        RepRole.Am => "account manager",
        RepRole.Manager => "manager",
        _ => "AE",
    };
}

/// <summary>A rep's page.</summary>
public sealed record RepView
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    public required string RepId { get; init; }

    public required string Name { get; init; }

    /// <summary>Role, team, region and dates in one line.</summary>
    public required string About { get; init; }

    public string? ManagerName { get; init; }

    public string? ManagerHref { get; init; }

    public required string Period { get; init; }

    public required TableData Figures { get; init; }

    public required string Quota { get; init; }

    /// <summary>Why coaching flags the rep, one reason per figure; empty when it does not.</summary>
    public required IReadOnlyList<string> Coaching { get; init; }

    public required TableData Standards { get; init; }

    public required SeriesChartData Activity { get; init; }

    public required TableData Deals { get; init; }
}
