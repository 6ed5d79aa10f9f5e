using Bellwether.Core.Plans;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// A plan as typed (<c>plan set</c>, <c>PUT …/plans</c>) or named (<c>plan remove</c>, <c>DELETE …/plans</c>), read by the
/// core's <see cref="PlanInput"/> with every mistake as a <see cref="QueryProblem"/> — and its period held to the
/// supported years, as every other period is.
/// </summary>
public static class PlanEdits
{
    public static Checked<PlanLine> Plan(PlanFields fields, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var outside = OutsideTheSupportedYears(fields.Period, calendar);
        var plan = PlanInput.Read(outside is null ? fields : fields with { Period = StandIn }, calendar, out var problems);
        return Result(plan, problems, outside);
    }

    public static Checked<PlanKey> Key(PlanFields fields, FiscalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var outside = OutsideTheSupportedYears(fields.Period, calendar);
        var key = PlanInput.ReadKey(outside is null ? fields : fields with { Period = StandIn }, calendar, out var problems);
        return Result(key, problems, outside);
    }

    /// <summary>A period the other fields can be checked against when the one given is out of range (its mistake is said instead).</summary>
    private const string StandIn = "2000";

    private static QueryProblem? OutsideTheSupportedYears(string? period, FiscalCalendar calendar) =>
        period is not null && !SupportedDates.TryReadPeriod(period, calendar, out _, out var reason) && reason.StartsWith("is outside", StringComparison.Ordinal)
            ? new QueryProblem("period", $"\"{period}\" {reason}")
            : null;

    private static Checked<T> Result<T>(T? value, IReadOnlyList<PlanProblem> problems, QueryProblem? outside)
        where T : class
    {
        var all = problems.Select(p => new QueryProblem(p.Field, p.Message)).ToList();
        if (outside is not null)
        {
            // In the fields' order: pillar, metric, period, slice, target, owner.
            all.Insert(all.Count(p => p.Parameter is "pillar" or "metric"), outside);
        }

        return all.Count == 0 ? Checked.Valid(value!) : Checked.Invalid<T>(all);
    }
}
