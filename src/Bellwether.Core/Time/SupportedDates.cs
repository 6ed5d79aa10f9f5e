namespace Bellwether.Core.Time;

/// <summary>
/// The dates Bellwether accepts, in files and on the command line: 1970-01-01 to 2100-12-31. A date outside them is a
/// typo or a placeholder (<c>9999-12-31</c> for "never", <c>1900-01-01</c> for "unknown"), and taken as a fact it would
/// become an import's history instant or a period of eight thousand years; so it is refused where it is read, by name.
/// </summary>
public static class SupportedDates
{
    public static readonly DateOnly First = new(1970, 1, 1);

    public static readonly DateOnly Last = new(2100, 12, 31);

    public const int FirstYear = 1970;

    public const int LastYear = 2100;

    /// <summary>Completes the sentence "VALUE …" for a date outside the range.</summary>
    public const string Reason = "is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)";

    public static bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>Whether an instant (UTC ticks) falls on a supported day.</summary>
    public static bool Contains(long utcTicks) => Contains(DateOnly.FromDateTime(new DateTime(utcTicks, DateTimeKind.Utc)));
}
