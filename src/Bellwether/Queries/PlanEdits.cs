using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// A plan as typed (<c>plan set</c>, <c>PUT …/plans</c>) or named (<c>plan remove</c>, <c>DELETE …/plans</c>), read by the
/// core's <see cref="PlanInput"/> with every mistake as a <see cref="QueryProblem"/>.
/// </summary>
public static class PlanEdits
{
    public static Checked<PlanLine> Plan(PlanFields fields, FiscalCalendar calendar)
    {
        var plan = PlanInput.Read(fields, calendar, out var problems);
        return Result(plan, problems);
    }

    public static Checked<PlanKey> Key(PlanFields fields, FiscalCalendar calendar)
    {
        var key = PlanInput.ReadKey(fields, calendar, out var problems);
        return Result(key, problems);
    }

    private static Checked<T> Result<T>(T? value, IReadOnlyList<PlanProblem> problems)
        where T : class =>
        problems.Count == 0 ? Checked.Valid(value!) : Checked.Invalid<T>([.. problems.Select(p => new QueryProblem(p.Field, p.Message))]);
}
