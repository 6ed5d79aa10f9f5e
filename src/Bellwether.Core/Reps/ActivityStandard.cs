using Bellwether.Core.Activities;

namespace Bellwether.Core.Reps;

public enum StandardPer
{
    Day,
    Week,
}

/// <summary>The least activity expected (standards.csv), for a role or, when <see cref="Role"/> is a rep id, for one person.</summary>
public sealed record ActivityStandard
{
    /// <summary><c>ae</c>, <c>sdr</c>, <c>am</c>, or a rep_id, whose own row overrides their role's.</summary>
    public required string Role { get; init; }

    public required ActivityType Type { get; init; }

    public required StandardPer Per { get; init; }

    public required decimal Minimum { get; init; }
}
