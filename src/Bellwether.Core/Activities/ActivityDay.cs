namespace Bellwether.Core.Activities;

/// <summary>
/// The activities of one rep of one type on one UTC day. Every activity indicator is a sum of these, so the
/// engine never holds tens of millions of single activities.
/// </summary>
public readonly record struct ActivityDay(string RepId, DateOnly Day, ActivityType Type, int Count);
