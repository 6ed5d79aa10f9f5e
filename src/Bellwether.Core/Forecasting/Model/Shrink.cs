namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Empirical-Bayes shrinkage of rate ratios (observed over expected events), the one way the forecaster pulls a thin
/// group toward the broader one. Each level's true ratio is taken as drawn from a gamma distribution of mean 1 and
/// variance τ², estimated from the levels themselves by the method of moments; a level with few expected events then
/// stays near 1 and one with many keeps its own ratio.
/// </summary>
internal static class Shrink
{
    /// <summary>Prior strength used when the levels show no spread beyond Poisson noise: effectively "no effect".</summary>
    private const double MaxStrength = 10_000;

    /// <summary>Prior strength (in expected events) that leaves a ratio its own data: for a level's effect estimated alone.</summary>
    private const double MinStrength = 0.5;

    /// <summary>The prior strength α = 1/τ² from observed and expected events per level.</summary>
    public static double Strength(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected)
    {
        double numerator = 0, denominator = 0;
        for (var v = 0; v < observed.Length; v++)
        {
            if (expected[v] <= 0)
            {
                continue;
            }

            var gap = observed[v] - expected[v];
            numerator += (gap * gap) - expected[v];
            denominator += expected[v] * expected[v];
        }

        if (denominator <= 0 || numerator <= 0)
        {
            return MaxStrength;
        }

        return Math.Clamp(denominator / numerator, MinStrength, MaxStrength);
    }

    /// <summary>Shrunk ratios (O + α) / (E + α) per level; 1 for a level with nothing expected.</summary>
    public static double[] Ratios(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected) =>
        Ratios(observed, expected, Strength(observed, expected));

    /// <summary>Ratios (O + α) / (E + α) per level with a given prior strength α.</summary>
    public static double[] Ratios(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected, double strength)
    {
        var result = new double[observed.Length];
        for (var v = 0; v < result.Length; v++)
        {
            result[v] = (observed[v] + strength) / (expected[v] + strength);
        }

        return result;
    }

    /// <summary>A rate's posterior mean under a gamma prior of mean <paramref name="prior"/> worth <paramref name="priorEvents"/> events.</summary>
    public static double Rate(double events, double exposure, double prior, double priorEvents) =>
        prior <= 0 ? (exposure > 0 ? events / exposure : 0) : (events + priorEvents) / (exposure + (priorEvents / prior));
}
