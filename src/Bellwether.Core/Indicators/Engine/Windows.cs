using System.Globalization;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>A span of instants [From, To) in UTC ticks, with a label for reasons and details.</summary>
internal readonly record struct Window(long From, long To, string Label)
{
    public static Window Of(Period period) => new(period.StartInstant.UtcTicks, period.EndInstant.UtcTicks, period.Label);

    public static Window Of(Period first, Period last) =>
        new(first.StartInstant.UtcTicks, last.EndInstant.UtcTicks, first.Label == last.Label ? first.Label : $"{first.Label}..{last.Label}");

    /// <summary>
    /// The trailing <paramref name="count"/> periods of a grain before instant <paramref name="at"/>: the full periods
    /// that end at or before it (indicators.md: "the trailing 4 fiscal quarters").
    /// </summary>
    public static Window Trailing(FiscalCalendar calendar, long at, Grain grain, int count)
    {
        var last = calendar.Containing(Instants.DayOf(new DateTimeOffset(at - 1, TimeSpan.Zero)), grain);
        if (last.EndInstant.UtcTicks > at)
        {
            last = calendar.Previous(last);
        }

        return Of(calendar.Shift(last, -(count - 1)), last);
    }

    public static string Format(long ticks) => Instants.Format(new DateTimeOffset(ticks, TimeSpan.Zero));

    public static int Day(long ticks) => (int)(ticks / TimeSpan.TicksPerDay);

    public static long Ticks(int dayNumber) => dayNumber * TimeSpan.TicksPerDay;

    public static string DayText(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
