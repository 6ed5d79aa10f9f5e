using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Scenarios;

namespace Bellwether.Core.PlanStatus;

/// <summary>What plans are read against at one instant: the engine for actuals and the forecast model fitted then.</summary>
public sealed record PlanReading
{
    /// <summary>The engine over the company's data; actuals are read from it as of <see cref="AsOf"/>.</summary>
    public required IndicatorEngine Engine { get; init; }

    /// <summary>Only what was known strictly before this instant is used.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>
    /// The forecast model fitted as of <see cref="AsOf"/>, for periods not over; null when none was fitted (no plan
    /// needed one), which leaves such periods without a projection and says so.
    /// </summary>
    public ForecastModel? Model { get; init; }

    /// <summary>The what-if the forecast is made under; null for the base forecast.</summary>
    public Scenario? Scenario { get; init; }
}
