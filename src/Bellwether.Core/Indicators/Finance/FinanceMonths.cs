using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Finance;

/// <summary>
/// Revenue and expenses come per month, and a month's figures are known once the month is over: as of t, the months of
/// P that ended by t count. A period with months still open is provisional; one with none over has no value yet.
/// </summary>
internal readonly record struct FinanceMonths(int From, int To, string? Provisional, string? Missing)
{
    public static FinanceMonths Of(Scope s) => Of(s, s.Period);

    public static FinanceMonths Of(Scope s, Period period)
    {
        var today = Instants.DayOf(s.AsOf);
        var firstOpen = new DateOnly(today.Year, today.Month, 1).DayNumber;
        var from = period.Start.DayNumber;
        var to = Math.Min(period.End.DayNumber, firstOpen);
        var asOf = Instants.Format(s.AsOf);
        if (to <= from)
        {
            return new(from, from, null, $"no month of {period.Label} is over as of {asOf}");
        }

        return to < period.End.DayNumber
            ? new(from, to, $"months of {period.Label} from {DateOnly.FromDayNumber(to):yyyy-MM} on are not over as of {asOf}", null)
            : new(from, to, null, null);
    }

    public Window Window => new(Window.Ticks(From), Window.Ticks(To), "");

    /// <summary>Rows [a, b) of a month-sorted column within the known months.</summary>
    public (int A, int B) Rows(int[] months) => (Sorted.LowerBound(months, From), Sorted.LowerBound(months, To));
}
