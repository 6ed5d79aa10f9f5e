using Bellwether.Core.Time;

namespace Bellwether.Dashboard;

/// <summary>
/// The periods a page offers to look at, relative to now (the month, fiscal quarter or fiscal year containing it, or
/// the one before), each under a stable key that can sit in an address (<c>?period=previous-quarter</c>). A key not
/// known falls back to the page's default, so an old link never breaks a page.
/// </summary>
public static class PeriodChoices
{
    public static readonly IReadOnlyList<PeriodChoice> All =
    [
        new("month", "This month", Grain.Month, 0),
        new("previous-month", "Last month", Grain.Month, -1),
        new("quarter", "This quarter", Grain.Quarter, 0),
        new("previous-quarter", "Last quarter", Grain.Quarter, -1),
        new("year", "This fiscal year", Grain.Year, 0),
        new("previous-year", "Last fiscal year", Grain.Year, -1),
    ];

    public static PeriodChoice Find(string? key, string fallback = "quarter") =>
        All.FirstOrDefault(c => c.Key == key) ?? All.First(c => c.Key == fallback);

    /// <summary>The period a key stands for as of an instant (its last moment before the instant, as an as-of date means).</summary>
    public static Period Resolve(string? key, FiscalCalendar calendar, DateTimeOffset asOf, string fallback = "quarter")
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var choice = Find(key, fallback);
        var current = calendar.Containing(asOf.AddTicks(-1), choice.Grain);
        return choice.Shift == 0 ? current : calendar.Shift(current, choice.Shift);
    }
}

/// <summary>A period relative to now: its key in addresses, how a menu says it, its grain and how many periods back.</summary>
public sealed record PeriodChoice(string Key, string Label, Grain Grain, int Shift);
