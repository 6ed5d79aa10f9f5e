using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;

namespace Bellwether.Core.PlanStatus;

/// <summary>
/// A plan as it stood a week before the reading and as it was read then (the plans as of t − 7 days, evaluated with
/// what was known at t − 7 days): its target, projection and status then, and how the projection has moved since.
/// </summary>
public sealed record PlanWeekEarlier
{
    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Whether the plan (or its roll-up) existed then; false for a plan set within the week.</summary>
    public required bool Planned { get; init; }

    public decimal? Target { get; init; }

    public decimal? Projected { get; init; }

    public PlanBasis? Basis { get; init; }

    public SignalStatus? Status { get; init; }

    /// <summary>The projection now less the projection then, in the metric's unit; null when either is missing.</summary>
    public decimal? ProjectedChange { get; init; }

    /// <summary>The target now less the target then, when the plan was changed within the week; null otherwise.</summary>
    public decimal? TargetChange { get; init; }
}
