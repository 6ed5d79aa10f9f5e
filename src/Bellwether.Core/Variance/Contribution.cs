using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>
/// What one driver in one slice added to the gap (a cell of the explanation), or, with an empty slice, what the driver
/// added in all (a driver total). <see cref="Amount"/> is in the metric's unit (money, a ratio's points as a fraction, a
/// count); the cells of an explanation add up exactly to its gap, and so do its driver totals. <see cref="From"/> and
/// <see cref="To"/> are the driver's own value at the comparison and at the actual (a win rate, a count of deals, an
/// average deal size), in <see cref="DriverUnit"/>; null where the driver has no value of its own to show.
/// </summary>
public sealed record Contribution
{
    /// <summary>A stable snake_case name: <c>win_rate</c>, <c>new_pipeline</c>, <c>churn</c>, <c>marketing</c>…</summary>
    public required string Driver { get; init; }

    /// <summary>What a person reads: "win rate", "new pipeline", "churned clients".</summary>
    public required string DriverLabel { get; init; }

    /// <summary>Dimension (snake_case) → value (an id for reps and accounts); empty for a driver's total.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    /// <summary>The slice's value as a person reads it (a rep's or account's name); empty for a driver's total.</summary>
    public required string SliceLabel { get; init; }

    /// <summary>What the driver added to the gap, in the metric's unit.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The unit of <see cref="From"/>, <see cref="To"/> and <see cref="Change"/>.</summary>
    public required Unit DriverUnit { get; init; }

    public decimal? From { get; init; }

    public decimal? To { get; init; }

    /// <summary><see cref="To"/> − <see cref="From"/>: points of a ratio as a fraction, a count, money.</summary>
    public decimal? Change { get; init; }

    /// <summary>The change as a share of <see cref="From"/> (money and counts only; null for ratios or from zero).</summary>
    public decimal? ChangeRatio { get; init; }
}
