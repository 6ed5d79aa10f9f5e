using Bellwether.Core.Scenarios;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// Two scenarios side by side on one query: each one's rows, and per row the change from the first to the second,
/// explained driver by driver (<see cref="ScenarioDifference.ByDriver"/>).
/// </summary>
public sealed record ScenarioComparison
{
    public required Scenario First { get; init; }

    public required Scenario Second { get; init; }

    public required IReadOnlyList<Forecasting.ForecastRow> FirstRows { get; init; }

    public required IReadOnlyList<Forecasting.ForecastRow> SecondRows { get; init; }

    /// <summary>One per row of the query (indicator, period, slice), in the rows' order.</summary>
    public required IReadOnlyList<ScenarioDifference> Differences { get; init; }
}
