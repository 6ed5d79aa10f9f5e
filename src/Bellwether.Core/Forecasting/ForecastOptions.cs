namespace Bellwether.Core.Forecasting;

/// <summary>How a forecast is fitted and simulated. The defaults are what the backtests in docs/forecasting.md used.</summary>
public sealed record ForecastOptions
{
    public static readonly ForecastOptions Default = new();

    /// <summary>Simulated futures per forecast; P10/P50/P90 are their quantiles.</summary>
    public int Simulations { get; init; } = 2000;

    /// <summary>Seed of the simulation: the same seed, data and instant give the same forecast to the last digit.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Days before the as-of instant whose deal history trains the win and timing model.</summary>
    public int TrainingDays { get; init; } = 540;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an option out of range.</summary>
    public void Validate()
    {
        if (Simulations is < 10 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Simulations), Simulations, "Simulations are 10 to 1,000,000.");
        }

        if (TrainingDays is < 30 or > 3650)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainingDays), TrainingDays, "Training covers 30 to 3,650 days.");
        }
    }
}
