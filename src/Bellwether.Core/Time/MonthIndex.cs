namespace Bellwether.Core.Time;

/// <summary>Months as consecutive integers (year × 12 + month − 1), for ledger arithmetic.</summary>
internal static class MonthIndex
{
    public static int Of(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public static DateOnly Start(int month) => new(month / 12, (month % 12) + 1, 1);
}
