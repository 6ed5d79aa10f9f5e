using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// What to forecast, as an <see cref="Indicators.IndicatorQuery"/> asks for values: indicators over a period (or its
/// sub-periods of a grain), broken down by up to two dimensions, within a fixed slice. The instant is the model's
/// (<see cref="ForecastModel.AsOf"/>). Forecasts exist for months, fiscal quarters and fiscal years.
/// </summary>
public sealed record ForecastQuery
{
    /// <summary>Names from <see cref="ForecastIndicators.Names"/>; another name gives a row saying so.</summary>
    public required IReadOnlyList<string> Indicators { get; init; }

    public required Period Period { get; init; }

    /// <summary>Break <see cref="Period"/> into sub-periods of this grain (month or coarser), one row each.</summary>
    public Grain? Grain { get; init; }

    /// <summary>0–2 dimensions to break each row down by.</summary>
    public IReadOnlyList<Dimension> By { get; init; } = [];

    /// <summary>A fixed slice every row is restricted to (e.g. a plan's slice); its dimensions appear in each row's slice.</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; init; } = new Dictionary<Dimension, string>();

    /// <summary>Whether rows carry the percentiles 1–99 of the simulated distribution (<see cref="ForecastRow.Distribution"/>).</summary>
    public bool IncludeDistribution { get; init; }
}
