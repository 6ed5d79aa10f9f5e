namespace Bellwether.Core.Time;

/// <summary>The length of a period, from the shortest to the longest.</summary>
public enum Grain
{
    Day = 0,
    Week = 1,
    Month = 2,
    Quarter = 3,
    Year = 4,
}
