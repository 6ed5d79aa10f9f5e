using System.Text.Json.Serialization;

namespace Bellwether.Dashboard.Charts;

/// <summary>
/// A grid of values (rows × columns, e.g. reps × weeks) coloured from <see cref="Min"/> (worst) to <see cref="Max"/>
/// (best), each cell labelled and with a note for its tooltip. Cells without a value (a rep not yet started) are left
/// blank, never 0.
/// </summary>
public sealed record HeatmapChartData : IChartData
{
    public string Recipe => "heatmap";

    public required IReadOnlyList<string> Columns { get; init; }

    public required IReadOnlyList<string> Rows { get; init; }

    /// <summary>Per row, per column: the value, or null.</summary>
    public required IReadOnlyList<IReadOnlyList<decimal?>> Values { get; init; }

    /// <summary>Per row, per column: what the tooltip says beyond the value (the standards missed), or null.</summary>
    public IReadOnlyList<IReadOnlyList<string?>>? Notes { get; init; }

    /// <summary>Per row, where a click on its name or any of its cells leads (a rep's page), relative to the base address; null when rows lead nowhere.</summary>
    public IReadOnlyList<string>? RowLinks { get; init; }

    public required decimal Min { get; init; }

    public required decimal Max { get; init; }

    public required string Format { get; init; }

    public required string Description { get; init; }

    /// <summary>Not required by the compiler only because System.Text.Json refuses a required property it ignores.</summary>
    [JsonIgnore]
    public ChartTable Table { get; init; } = ChartTable.Empty;
}
