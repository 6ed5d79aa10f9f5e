using System.Text.Json.Serialization;

namespace Bellwether.Dashboard.Charts;

/// <summary>
/// A walk from one total to another through the steps between them — from the plan (or the previous period) to the
/// actual (or the forecast), driver by driver: <see cref="Start"/> plus every step's amount is <see cref="End"/>. Drawn
/// from zero for money and counts (<see cref="ZeroBased"/>), from near the values for a ratio whose steps are points.
/// </summary>
public sealed record WaterfallChartData : IChartData
{
    public string Recipe => "waterfall";

    public required string StartLabel { get; init; }

    public required decimal Start { get; init; }

    public required IReadOnlyList<WaterfallStep> Steps { get; init; }

    public required string EndLabel { get; init; }

    public required decimal End { get; init; }

    public bool ZeroBased { get; init; } = true;

    /// <summary>How steps are written (signed: <c>fn:moneyChange</c>, <c>fn:points</c>).</summary>
    public required string StepFormat { get; init; }

    public required string Format { get; init; }

    public required string Description { get; init; }

    /// <summary>Not required by the compiler only because System.Text.Json refuses a required property it ignores.</summary>
    [JsonIgnore]
    public ChartTable Table { get; init; } = ChartTable.Empty;
}

/// <summary>One step of a waterfall: what it is and what it adds (negative: takes away).</summary>
public sealed record WaterfallStep(string Label, decimal Amount);
