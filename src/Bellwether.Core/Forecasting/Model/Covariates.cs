using System.Collections.Concurrent;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// The time-varying facts a deal's daily hazards depend on: its age, where the day falls in the fiscal quarter (deals
/// are pushed at a quarter's end), and how near its expected close date is. One place so that training and projection
/// read a day the same way.
/// </summary>
internal sealed class Covariates(FiscalCalendar calendar)
{
    /// <summary>Lower edges, in days, of the age buckets.</summary>
    public static readonly int[] AgeEdges = [0, 7, 14, 30, 45, 60, 90, 120, 180, 270, 365];

    public const int AgeBuckets = 11;

    /// <summary>
    /// Days to the quarter's end (more than 60, 31–60, 11–30, the last 10), each on a weekday or at a weekend: deals move
    /// on working days, and the weekends' share of a period decides how much can happen in it.
    /// </summary>
    public const int Phases = 8;

    /// <summary>No expected date known, overdue, due within 14 days, in 15–45 days, later.</summary>
    public const int Proximities = 5;

    public const int NoProximity = 0;

    /// <summary>Each month's quarter end, cached; concurrent: a fitted model serves many projections at once.</summary>
    private readonly ConcurrentDictionary<int, int> _quarterEnd = [];

    public static int AgeBucket(int ageDays)
    {
        var b = 0;
        while (b + 1 < AgeEdges.Length && ageDays >= AgeEdges[b + 1])
        {
            b++;
        }

        return b;
    }

    public int Phase(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        var key = (date.Year * 12) + date.Month;
        if (!_quarterEnd.TryGetValue(key, out var end))
        {
            end = _quarterEnd.GetOrAdd(key, calendar.Containing(date, Grain.Quarter).End.DayNumber);
        }

        var left = end - day;
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0;
        return (2 * (left > 60 ? 0 : left > 30 ? 1 : left > 10 ? 2 : 3)) + weekend;
    }

    public static int Proximity(int expected, int day)
    {
        if (expected == DealFacts.NoDay)
        {
            return NoProximity;
        }

        var left = expected - day;
        return left < 0 ? 1 : left <= 14 ? 2 : left <= 45 ? 3 : 4;
    }
}
