namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>Quantiles of simulated outcomes, by linear interpolation between order statistics.</summary>
internal static class Quantiles
{
    /// <summary>The q-quantile (0–1) of values already sorted ascending.</summary>
    public static double Of(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
