using System.Text.Json.Serialization;

namespace Bellwether.Dashboard.Charts;

/// <summary>
/// What one chart shows, sent to the browser as data only: <see cref="Recipe"/> names the function in
/// <c>wwwroot/js/echart.js</c> that turns it into an ECharts option, <see cref="Format"/> names the formatter of its
/// values there (<see cref="ChartFormat"/>), <see cref="Description"/> is read out by screen readers, and
/// <see cref="Table"/> holds the same numbers, written as the rest of the dashboard writes them, for the hidden table.
/// </summary>
public interface IChartData
{
    string Recipe { get; }

    string Format { get; }

    string Description { get; }

    [JsonIgnore]
    ChartTable Table { get; }
}

/// <summary>A chart's numbers as a table: a caption, column headings and rows of text.</summary>
public sealed record ChartTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static readonly ChartTable Empty = new("", [], []);
}

/// <summary>
/// A forecast fan: per category (a month), the P10–P90 band and the P50 line, the plan where there is one, and the
/// actual to date for categories already begun. Null where a value does not exist (no plan for a month, no actual yet).
/// </summary>
public sealed record FanChartData : IChartData
{
    public string Recipe => "fan";

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<decimal?> P10 { get; init; }

    public required IReadOnlyList<decimal?> P50 { get; init; }

    public required IReadOnlyList<decimal?> P90 { get; init; }

    public IReadOnlyList<decimal?>? Plan { get; init; }

    public IReadOnlyList<decimal?>? Actual { get; init; }

    public required string Format { get; init; }

    public required string Description { get; init; }

    /// <summary>Not required by the compiler only because System.Text.Json refuses a required property it ignores.</summary>
    [JsonIgnore]
    public ChartTable Table { get; init; } = ChartTable.Empty;
}

/// <summary>Horizontal bars of named values in one unit (e.g. the parts a forecast is made of).</summary>
public sealed record BarChartData : IChartData
{
    public string Recipe => "bars";

    public required string SeriesName { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<decimal?> Values { get; init; }

    public required string Format { get; init; }

    public required string Description { get; init; }

    /// <summary>Not required by the compiler only because System.Text.Json refuses a required property it ignores.</summary>
    [JsonIgnore]
    public ChartTable Table { get; init; } = ChartTable.Empty;
}
