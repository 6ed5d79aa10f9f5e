using Bellwether.Core.Time;

namespace Bellwether.Core.Plans;

/// <summary>
/// Which plans a reading covers. <see cref="Around"/>: the plans of the month, fiscal quarter and fiscal year containing
/// an instant (what an owner opens to see "now"). <see cref="Within"/>: the plans of a period and of every period inside
/// it (<c>2026</c> gives its months, quarters and the year). Quarters and years the scope covers are where monthly
/// plans roll up, and where a missing plan is reported.
/// </summary>
public sealed record PlanScope
{
    private PlanScope(IReadOnlyList<Period> periods, Period? within)
    {
        Periods = periods;
        Container = within;
    }

    /// <summary>The periods named: month, quarter and year for <see cref="Around"/>; the one period for <see cref="Within"/>.</summary>
    public IReadOnlyList<Period> Periods { get; }

    /// <summary>The period whose inner plans are covered too; null for <see cref="Around"/>.</summary>
    public Period? Container { get; }

    /// <summary>
    /// The month, fiscal quarter and fiscal year containing the instant's last moment before it: as of 2026-07-01T00:00Z
    /// (the end of June 30) that is June, Q2 and the year, as an as-of date on the command line means.
    /// </summary>
    public static PlanScope Around(DateTimeOffset asOf, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var last = asOf.AddTicks(-1);
        return new PlanScope([calendar.Containing(last, Grain.Month), calendar.Containing(last, Grain.Quarter), calendar.Containing(last, Grain.Year)], null);
    }

    public static PlanScope Within(Period period) => new([period], period);

    /// <summary>Whether a plan of this period is in the scope.</summary>
    public bool Covers(Period period) =>
        Container is { } container ? container.Contains(period) : Periods.Contains(period);

    /// <summary>The quarters and years of the scope, where monthly plans roll up and gaps are reported.</summary>
    public IReadOnlyList<Period> Aggregates(FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Container is not { } container)
        {
            return [.. Periods.Where(p => p.Grain >= Grain.Quarter)];
        }

        return container.Grain switch
        {
            Grain.Year => [.. calendar.Split(container, Grain.Quarter), container],
            Grain.Quarter => [container],
            _ => [],
        };
    }

    /// <summary>How a title says it: <c>2026-12, 2026-Q4 and 2026</c>, or <c>2026 and the periods within it</c>.</summary>
    public string Describe() => Container is { } container
        ? (container.Grain > Grain.Month ? $"{container.Label} and the periods within it" : container.Label)
        : $"{Periods[0].Label}, {Periods[1].Label} and {Periods[2].Label}";
}
