namespace Bellwether.Core.Variance;

/// <summary>
/// One slice's part of the gap: its actual, its comparison and the difference, in the metric's unit. For a ratio
/// metric (grr, a margin) these are the slice's share of the company's ratio, so slices add up to the company's gap.
/// </summary>
public sealed record SliceGap
{
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    /// <summary>The slice's value as a person reads it (a rep's or account's name).</summary>
    public required string Label { get; init; }

    public required decimal Comparison { get; init; }

    public required decimal Actual { get; init; }

    public required decimal Gap { get; init; }
}
