using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// The days a projection covers, from the as-of instant's day (day 0, which is partly still to come) to a month start
/// (exclusive), and the calendar months ("slots") wins are counted in: slot 0 is the rest of the as-of month. Every
/// forecast period (month, fiscal quarter, fiscal year) is a run of whole slots.
/// </summary>
internal sealed class Horizon
{
    public Horizon(DateTimeOffset asOf, DateOnly end)
    {
        Day0 = Instants.DayOf(asOf).DayNumber;
        var first = Instants.DayOf(asOf);
        var month = new DateOnly(first.Year, first.Month, 1);
        var starts = new List<int> { Day0 };
        var months = new List<DateOnly> { month };
        for (var m = month.AddMonths(1); m < end; m = m.AddMonths(1))
        {
            starts.Add(m.DayNumber);
            months.Add(m);
        }

        End = Math.Max(end.DayNumber, Day0 + 1);
        SlotStart = [.. starts];
        SlotMonth = [.. months];
        SlotOfDay = new int[Days];
        for (var s = 0; s < SlotStart.Length; s++)
        {
            var to = s + 1 < SlotStart.Length ? SlotStart[s + 1] : End;
            for (var d = SlotStart[s]; d < to; d++)
            {
                SlotOfDay[d - Day0] = s;
            }
        }
    }

    /// <summary>The day number of the as-of instant's day.</summary>
    public int Day0 { get; }

    /// <summary>The first day number after the horizon.</summary>
    public int End { get; }

    public int Days => End - Day0;

    public int Slots => SlotStart.Length;

    /// <summary>The first day number of each slot.</summary>
    public int[] SlotStart { get; }

    /// <summary>The first day of each slot's calendar month.</summary>
    public DateOnly[] SlotMonth { get; }

    /// <summary>The slot of each day from day 0.</summary>
    public int[] SlotOfDay { get; }

    /// <summary>The slot of a calendar month, or −1 when the month is outside the horizon.</summary>
    public int SlotOf(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        for (var s = 0; s < SlotMonth.Length; s++)
        {
            if (SlotMonth[s] == first)
            {
                return s;
            }
        }

        return -1;
    }
}
