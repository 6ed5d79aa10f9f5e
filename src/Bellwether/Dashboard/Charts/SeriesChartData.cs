using System.Text.Json.Serialization;

namespace Bellwether.Dashboard.Charts;

/// <summary>
/// Named series of values over categories (months, reps, verticals), drawn as bars or lines, optionally stacked, with
/// reference lines (a benchmark, a standard, the plan) across the value axis. Values in <see cref="Format"/>; a series
/// on the second axis (<see cref="ChartSeries.SecondAxis"/>) in <see cref="SecondFormat"/>. Null where a value does not
/// exist, which draws as a gap, never as 0.
/// </summary>
public sealed record SeriesChartData : IChartData
{
    public string Recipe => "series";

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Bars run across (categories down the side): for long names such as reps and verticals.</summary>
    public bool Horizontal { get; init; }

    public IReadOnlyList<ChartReference> References { get; init; } = [];

    public required string Format { get; init; }

    public string? SecondFormat { get; init; }

    public required string Description { get; init; }

    /// <summary>Not required by the compiler only because System.Text.Json refuses a required property it ignores.</summary>
    [JsonIgnore]
    public ChartTable Table { get; init; } = ChartTable.Empty;
}

/// <summary>One series: its name in the legend, <c>bar</c> or <c>line</c>, its values per category.</summary>
public sealed record ChartSeries
{
    public required string Name { get; init; }

    public string Kind { get; init; } = "bar";

    public required IReadOnlyList<decimal?> Values { get; init; }

    /// <summary>Series with the same stack name are stacked; null for side by side.</summary>
    public string? Stack { get; init; }

    /// <summary>Drawn against the second value axis (another unit: a rate beside counts).</summary>
    public bool SecondAxis { get; init; }

    /// <summary>A colour from the recipes' palette by role (<c>plan</c>, <c>actual</c>, <c>muted</c>…); null for the next in turn.</summary>
    public string? Role { get; init; }
}

/// <summary>A line across the value axis at <see cref="Value"/>, labelled with its name and value.</summary>
public sealed record ChartReference(string Name, decimal Value);
