using Bellwether.Core.Plans;
using Bellwether.Core.Scenarios;

namespace Bellwether.Core.PlanStatus;

/// <summary>Which plans to read, at which instant: a scope of periods, optionally one pillar or one owner's plans.</summary>
public sealed record PlanQuery
{
    public required PlanScope Scope { get; init; }

    /// <summary>The instant of knowledge: the plans as they stood then, read with what was known then.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>
    /// Whether to read the plans as they stand (every change, even one made after <see cref="AsOf"/>) rather than as
    /// they stood at <see cref="AsOf"/>: what "now" means when no instant is given, since "now" is rounded (to the
    /// second, to the hour in the web host) and a plan just set must show.
    /// </summary>
    public bool LatestPlans { get; init; }

    public Pillar? Pillar { get; init; }

    /// <summary>One owner's plans (compared ignoring case); null for everyone's.</summary>
    public string? Owner { get; init; }

    /// <summary>The what-if the forecasts are made under; null for the base forecast.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>Whether to read the same plans a week earlier too (<see cref="PlanStatusRow.WeekEarlier"/>).</summary>
    public bool WeekEarlier { get; init; } = true;

    /// <summary>Whether the item belongs to the pillar and owner asked for.</summary>
    public bool Selects(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (Pillar is null || item.Pillar == Pillar)
            && (Owner is null || item.Owner.Split(", ").Any(o => string.Equals(o, Owner.Trim(), StringComparison.OrdinalIgnoreCase)));
    }
}
