using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Dashboard.Tables;
using Bellwether.Indicators;
using Bellwether.Services;
using Bellwether.Storage;

namespace Bellwether.Dashboard.Pillars;

/// <summary>
/// A pillar's plans for the month, fiscal quarter and fiscal year containing now: status, projection and the week's
/// change, from the same reading as the Overview and <c>bellwether plans</c> (<see cref="PlanStatusService"/>). Each
/// plan leads to its gap explained by driver (the Variance page) and, where it is planned for a slice, to that slice.
/// </summary>
public sealed class PillarPlans(IStore store, PlanStatusService plans, IndicatorService indicators, TimeProvider clock, DashboardOptions options)
{
    public PillarPlansView Read(Pillar pillar, CancellationToken cancellation = default)
    {
        var workspace = options.Workspace;
        var asOf = ForecastService.Now(clock);
        var settings = store.Settings(workspace);
        var report = plans.Read(workspace, new PlanQuery { Scope = PlanScope.Around(asOf, settings.Calendar), AsOf = asOf, LatestPlans = true }, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var names = NameBook.Of(indicators.Data(workspace));
        var rows = report.Rows.Where(r => r.Pillar == pillar)
            .OrderBy(r => r.Metric, StringComparer.Ordinal).ThenBy(r => r.Slice.Count).ThenBy(r => SliceText.Format(r.Slice), StringComparer.Ordinal)
            .ThenBy(r => settings.Calendar.TryParse(r.Period, out var p) ? (int)p.Grain : 0)
            .ToList();
        var currency = settings.Currency;
        var table = new TableData
        {
            Id = "plans",
            Caption = $"Plans of {report.Scope.Describe()}",
            Columns =
            [
                new("Plan"), new("Period", OneLine: true), new("Target", true), new("Actual to date", true), new("Projected", true), new("P10", true), new("P90", true),
                new("Attainment", true), new("Status"), new("Projection in a week", true), new("Status a week ago"),
            ],
            Rows = [.. rows.Select(r => Row(r, names, currency))],
            EmptyText = $"No {MetricNames.Of(pillar).ToLowerInvariant()} plan for {report.Scope.Describe()} in plans.csv.",
        };
        var owners = rows.SelectMany(r => r.Owner.Split(", ")).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new PillarPlansView { AsOf = asOf, Currency = currency, Owners = owners, Table = table };
    }

    private static TableRow Row(PlanStatusRow r, NameBook names, string currency)
    {
        var unit = SnakeCase.TryParse<Unit>(r.Unit, out var u) ? u : Unit.Count;
        var title = Title(r.Metric, r.Slice, names);
        var explained = Core.Variance.VarianceExplainer.Metrics.Contains(r.Metric);
        var basis = r.Basis switch
        {
            PlanBasis.Actual => "the actual: the period is over",
            PlanBasis.Forecast => "the forecast's P50",
            _ => r.MissingReason,
        };
        return new TableRow(
        [
            explained
                ? TableCell.Link(title, Links.Variance(r.Metric, r.Period, "plan", r.Slice)).WithTitle($"Why {title} stands where it does in {r.Period}: the gap to plan by driver")
                : TableCell.Of(title),
            TableCell.Of(r.Period),
            TableCell.Value(r.Target, r.Projected, unit, currency, r.MissingReason),
            TableCell.Value(r.Actual, unit, currency, r.ActualMissingReason).WithTitle(r.ActualMissingReason ?? (r.ActualProvisional ? "to date: the period is not over" : null)),
            TableCell.Value(r.Projected, r.Target, unit, currency, r.MissingReason).WithTitle(basis),
            TableCell.Value(r.P10, unit, currency),
            TableCell.Value(r.P90, unit, currency),
            TableCell.Value(r.Attainment, Unit.Ratio, currency),
            TableCell.StatusOf(r.Status, r.MissingReason),
            TableCell.Change(r.WeekEarlier?.ProjectedChange, unit, currency),
            r.WeekEarlier?.Status is { } before ? TableCell.StatusOf(before) : TableCell.Of(r.WeekEarlier is { Planned: false } ? "not planned then" : null),
        ]);
    }

    /// <summary>A metric and its slice as an owner reads them: "Bookings — finance, new business"; reps and accounts by name.</summary>
    public static string Title(string metric, IReadOnlyDictionary<string, string> slice, NameBook names)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(names);
        var name = MetricNames.Of(metric);
        return slice.Count == 0 ? name : $"{name} — {string.Join(", ", slice.Select(kv => names.SliceValue(kv.Key, kv.Value).Replace('_', ' ')))}";
    }
}

/// <summary>A pillar's plans as its page shows them.</summary>
public sealed record PillarPlansView
{
    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    /// <summary>The people plans.csv names as accountable for the pillar's plans.</summary>
    public required IReadOnlyList<string> Owners { get; init; }

    public required TableData Table { get; init; }
}
