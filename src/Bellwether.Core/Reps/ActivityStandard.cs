using Bellwether.Core.Activities;

namespace Bellwether.Core.Reps;

public enum StandardPer
{
    Day,
    Week,
}

/// <summary>
/// The least activity expected (standards.csv), for a role or, when <see cref="Role"/> is a rep id, for one person.
/// Validated as it is built: a non-blank, trimmed role, defined type and period, a minimum never negative.
/// </summary>
public sealed record ActivityStandard
{
    /// <summary><c>ae</c>, <c>sdr</c>, <c>am</c>, or a rep_id, whose own row overrides their role's.</summary>
    public required string Role { get; init => field = Guard.Id(value); }

    public required ActivityType Type { get; init => field = Guard.Defined(value); }

    public required StandardPer Per { get; init => field = Guard.Defined(value); }

    public required decimal Minimum { get; init => field = Guard.NotNegative(value); }
}
