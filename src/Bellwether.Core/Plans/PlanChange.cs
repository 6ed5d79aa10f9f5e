namespace Bellwether.Core.Plans;

/// <summary>Where a plan change came from.</summary>
public enum PlanChangeSource
{
    /// <summary>An import of plans.csv (<see cref="PlanChange.ImportId"/> says which).</summary>
    Import,

    /// <summary><c>bellwether plan set</c> or <c>plan remove</c>.</summary>
    Cli,

    /// <summary>The REST API's PUT or DELETE.</summary>
    Api,
}

/// <summary>
/// One entry of a workspace's plan log: a key's terms before and after (before null for a new plan, after null for a
/// removal), who made the change, when, and from where. The first import that brings a key records it as known from the
/// start (<see cref="ChangedAt"/> null), because plans.csv carries no date; every later change carries its instant.
/// </summary>
public sealed record PlanChange
{
    /// <summary>The order in which changes were written (1, 2, …): replaying in this order gives the current plans.</summary>
    public required long Sequence { get; init => field = Guard.NotNegative(value); }

    public required PlanKey Key { get; init => field = Guard.NotNull(value); }

    /// <summary>The terms before the change; null when the key had no plan.</summary>
    public PlanTerms? Before { get; init; }

    /// <summary>The terms after the change; null when the plan was removed.</summary>
    public PlanTerms? After { get; init; }

    /// <summary>The person (<c>--by</c>, $USER), <c>api</c>, or <c>import</c>.</summary>
    public required string ChangedBy { get; init => field = Guard.NotBlank(value); }

    /// <summary>The instant of the change (UTC); null for a plan known from the start (brought by the first import that had it).</summary>
    public DateTimeOffset? ChangedAt { get; init => field = Guard.Utc(value); }

    public required PlanChangeSource Source { get; init => field = Guard.Defined(value); }

    /// <summary>The import that made the change, for <see cref="PlanChangeSource.Import"/>; null otherwise.</summary>
    public long? ImportId { get; init; }

    /// <summary>Whether the change was known at <paramref name="asOf"/>: made strictly before it, or known from the start.</summary>
    public bool KnownAt(DateTimeOffset asOf) => ChangedAt is not { } at || at < asOf;
}
