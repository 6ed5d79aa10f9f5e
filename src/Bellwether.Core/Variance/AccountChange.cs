namespace Bellwether.Core.Variance;

/// <summary>
/// A client behind a retention or expansion explanation, by name: its revenue in the period before and in the period,
/// the service lines it had, and for a client that left, what its engagement said in the months before.
/// </summary>
public sealed record AccountChange
{
    public required string AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>churned</c> (no revenue in the period), <c>contracted</c> or <c>expanded</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Revenue in the period before (the cohort's base).</summary>
    public required decimal Before { get; init; }

    /// <summary>Revenue in the period.</summary>
    public required decimal After { get; init; }

    /// <summary>After − before.</summary>
    public decimal Change => After - Before;

    /// <summary>The service lines with revenue in the period before.</summary>
    public required IReadOnlyList<string> ServiceLines { get; init; }

    /// <summary>The engagement signals before the period began; null when engagement.csv has nothing for the account.</summary>
    public EngagementSigns? Signals { get; init; }
}
