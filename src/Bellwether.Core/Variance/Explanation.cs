using System.Text.Json.Serialization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>
/// A metric's gap against a comparison, split into driver contributions that add up to it exactly, with a sentence an
/// owner reads in ten seconds. Every number in <see cref="Summary"/> is one of the figures here, written as
/// <see cref="Reporting.Readable"/> writes it. When the gap cannot be explained, <see cref="MissingReason"/> says why
/// and the figures are null (never 0).
/// </summary>
public sealed record Explanation
{
    public required string Metric { get; init; }

    public required Unit Unit { get; init; }

    public required string Period { get; init; }

    [JsonConverter(typeof(UtcInstantJsonConverter))]
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The fixed slice explained (dimension → value); empty for the whole company.</summary>
    public required IReadOnlyDictionary<string, string> Slice { get; init; }

    public required Against Against { get; init; }

    /// <summary>The period compared with: the previous period, the same one a year earlier, or the period itself for a plan.</summary>
    public string? ComparisonPeriod { get; init; }

    /// <summary>The comparison as a person reads it: "plan", "2026-Q1", "2025-Q2".</summary>
    public string? ComparisonLabel { get; init; }

    /// <summary>Whether <see cref="Actual"/> is the actual, the forecast's P50 or the period to date.</summary>
    public Basis? Basis { get; init; }

    /// <summary>How the explained side was made, in words (which forecast, how many days are over).</summary>
    public string? BasisNote { get; init; }

    public decimal? Actual { get; init; }

    public decimal? Comparison { get; init; }

    /// <summary><see cref="Actual"/> − <see cref="Comparison"/>; for a ratio, in points as a fraction (−0.012 is −1.2 pts).</summary>
    public decimal? Gap { get; init; }

    /// <summary>The gap as a share of the comparison, for money and counts; null for ratios and a zero comparison.</summary>
    public decimal? GapRatio { get; init; }

    /// <summary>How the gap was split, in words (the identity and the method).</summary>
    public string? Method { get; init; }

    /// <summary>The dimension the cells are split by (snake_case); null when not split.</summary>
    public string? By { get; init; }

    /// <summary>The dimensions searched for the most concentrated cells when none was asked for.</summary>
    public IReadOnlyList<string> Searched { get; init; } = [];

    /// <summary>Each driver's total over the slices, largest first; they add up to the gap.</summary>
    public IReadOnlyList<Contribution> Drivers { get; init; } = [];

    /// <summary>Each slice's part of the gap; they add up to it.</summary>
    public IReadOnlyList<SliceGap> Slices { get; init; } = [];

    /// <summary>Driver × slice, largest first; they add up to the gap.</summary>
    public IReadOnlyList<Contribution> Cells { get; init; } = [];

    /// <summary>Figures behind the drivers (slipped deals, cycle days) at the comparison and the actual.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    /// <summary>For retention and expansion: the clients behind the gap, by name, largest first.</summary>
    public IReadOnlyList<AccountChange> Accounts { get; init; } = [];

    /// <summary>What the owner should know about how this was read (a plan rolled up, implied drivers, a slice adopted).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The explanation in one or two sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>Why there is no explanation, or null.</summary>
    public string? MissingReason { get; init; }
}
