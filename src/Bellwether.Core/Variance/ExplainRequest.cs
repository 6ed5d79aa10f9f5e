using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// What to explain: a metric's gap over a period against a comparison, within a slice, as known at an instant. With
/// <see cref="By"/> the gap is split by that dimension's values; without, the usual dimensions of the metric are
/// searched and the one whose cells are most concentrated is shown.
/// </summary>
public sealed record ExplainRequest
{
    /// <summary>An indicator's name: bookings, grr, operating_margin, or any additive indicator.</summary>
    public required string Metric { get; init; }

    public required Period Period { get; init; }

    public Against Against { get; init; } = Against.Plan;

    /// <summary>The dimension to split the gap by; null to search the usual ones.</summary>
    public Dimension? By { get; init; }

    /// <summary>A fixed slice (e.g. a plan's <c>type=new_business</c>).</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; init; } = new Dictionary<Dimension, string>();

    /// <summary>The instant of knowledge: only events strictly before it count. The core has no clock: the caller passes its now.</summary>
    public required DateTimeOffset AsOf { get; init; }
}
