using Bellwether.Core.Reporting;

namespace Bellwether.Core.Indicators;

/// <summary>What an indicator is: its stable name, unit, definition, and the files it cannot be computed without.</summary>
public sealed record IndicatorDefinition
{
    public required string Name { get; init; }

    public required Unit Unit { get; init; }

    public required string Definition { get; init; }

    /// <summary>Folder-format files that must be present (file names such as <c>revenue.csv</c>).</summary>
    public IReadOnlyList<string> Needs { get; init; } = ["opportunities.csv"];

    /// <summary>
    /// Every file whose rows can move the indicator (beyond reps.csv and accounts.csv, which slice every row): what it
    /// needs and what it uses when present — history for as-of states, stages for probabilities, plans for targets,
    /// activities for a meetings quota. An import that changes any of them invalidates the indicator's cached results.
    /// </summary>
    public IReadOnlyList<string> Reads { get; init; } = ["opportunities.csv"];

    /// <summary>True for <c>logo_churn</c>, <c>cac</c>, cycle lengths and the like (indicators.md).</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>Indicators from the monthly revenue and expense files exist at month grain and above only.</summary>
    public bool MonthlyOnly { get; init; }

    /// <summary>
    /// True when the value over a period is the sum of its values over the period's parts (bookings, revenue, new
    /// pipeline…): monthly plans of such a metric roll up to quarters and years. Ratios, averages, states and
    /// period-against-previous figures (expansion_revenue compares P with the period before it) are never summed.
    /// </summary>
    public bool Additive { get; init; }
}
