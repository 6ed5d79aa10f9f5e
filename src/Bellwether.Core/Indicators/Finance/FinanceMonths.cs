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

    /// <summary>
    /// These months cut at the last month the data record any <paramref name="what"/> for (the month after it, as a
    /// day number; <see cref="int.MinValue"/> when there is none): a month over by the calendar but exported before its
    /// figures were posted has no rows at all, and summed it would read as zero revenue, 0% GRR — a silent zero.
    /// </summary>
    public FinanceMonths Recorded(int recordedEnd, string what, Period period)
    {
        if (recordedEnd >= To || Missing is not null)
        {
            return this;
        }

        var latest = recordedEnd == int.MinValue ? $"none at all" : $"the latest is {DateOnly.FromDayNumber(recordedEnd).AddMonths(-1):yyyy-MM}";
        return recordedEnd <= From
            ? this with { To = From, Provisional = null, Missing = $"no {what} recorded for {period.Label} yet ({latest})" }
            : this with { To = recordedEnd, Provisional = $"no {what} recorded from {DateOnly.FromDayNumber(recordedEnd):yyyy-MM} on ({latest})" };
    }

    /// <summary>The end (the next month's first day) of the last month with a row in a month-sorted column.</summary>
    public static int RecordedEnd(int[] sortedMonths) =>
        sortedMonths.Length == 0 ? int.MinValue : DateOnly.FromDayNumber(sortedMonths[^1]).AddMonths(1).DayNumber;

    public Window Window => new(Window.Ticks(From), Window.Ticks(To), "");

    /// <summary>Rows [a, b) of a month-sorted column within the known months.</summary>
    public (int A, int B) Rows(int[] months) => (Sorted.LowerBound(months, From), Sorted.LowerBound(months, To));
}
