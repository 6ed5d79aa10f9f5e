namespace Bellwether.Core.Activities;

/// <summary>
/// The activities of one rep of one type on one UTC day. Every activity indicator is a sum of these, so the
/// engine never holds tens of millions of single activities. Validated as it is built (a non-blank, trimmed rep id, a
/// defined type, a count never negative): the constructor's arguments go through the same guards as <c>with</c>.
/// <c>default(ActivityDay)</c>, which a struct cannot forbid, has no rep and is not a valid day.
/// </summary>
public readonly record struct ActivityDay(string RepId, DateOnly Day, ActivityType Type, int Count)
{
    public string RepId { get; init => field = Guard.Id(value); } = Guard.Id(RepId, nameof(RepId));

    public ActivityType Type { get; init => field = Guard.Defined(value); } = Guard.Defined(Type, nameof(Type));

    public int Count { get; init => field = Guard.NotNegative(value); } = Guard.NotNegative(Count, nameof(Count));
}
