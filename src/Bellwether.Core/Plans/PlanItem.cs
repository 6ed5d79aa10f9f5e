using Bellwether.Core.Time;

namespace Bellwether.Core.Plans;

/// <summary>
/// One target a period is judged against: a plan as set, a quarter or year rolled up from its monthly plans, or a gap —
/// a quarter or year asked for that has finer plans but no plan of its own and none that can be derived, with the
/// reason (<see cref="MissingReason"/>). A gap's target is null: a plan is never invented.
/// </summary>
public sealed record PlanItem
{
    public required Pillar Pillar { get; init; }

    public required string Metric { get; init; }

    /// <summary>The period, read with the company's fiscal calendar.</summary>
    public required Period Period { get; init; }

    /// <summary>Canonical slice text (<c>vertical=finance;type=new_business</c>); empty for the whole company.</summary>
    public required string Slice { get; init; }

    /// <summary>The person accountable; for a roll-up or a gap, the owners of the finer plans (joined by ", ").</summary>
    public required string Owner { get; init; }

    /// <summary>In the metric's unit; null for a gap.</summary>
    public decimal? Target { get; init; }

    /// <summary>The months a rolled-up target is the sum of; empty for a plan as set.</summary>
    public IReadOnlyList<string> RolledUpFrom { get; init; } = [];

    /// <summary>Why there is no target, for a gap; null otherwise.</summary>
    public string? MissingReason { get; init; }

    public PlanKey Key => new() { Pillar = Pillar, Metric = Metric, Period = Period.Label, Slice = Slice };
}
