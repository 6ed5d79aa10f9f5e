namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// How much a rep's months vary beyond chance and beyond the company's: a rep-month's wins against the rep's share of
/// the company's wins that month, over the months the rep was active. The company's own swings cancel (the expectation
/// moves with them); Poisson noise is taken out; what remains — a rep's good and bad months, a leave, a big account
/// won or lost — is the variance of a shock each rep draws in each future, so a rep's range is as wide as a rep's
/// quarter runs, and a team's and the company's widen only as much as independent reps add.
/// </summary>
internal static class RepVariation
{
    /// <summary>The largest variance read (a rep's rate halved or doubled is within about one standard deviation).</summary>
    private const double MaximumVariance = 0.5;

    /// <param name="wins">Per rep, per month, the rep's wins.</param>
    /// <param name="active">Per rep, per month, whether the rep was active all month.</param>
    /// <returns>Method-of-moments variance of a rep's multiplicative shock: Σ((O − E)² − E) / Σ E², at least 0.</returns>
    public static double Variance(double[][] wins, bool[][] active)
    {
        var months = wins.Length == 0 ? 0 : wins[0].Length;
        var company = new double[months];
        foreach (var rep in wins)
        {
            for (var m = 0; m < months; m++)
            {
                company[m] += rep[m];
            }
        }

        double numerator = 0, denominator = 0;
        for (var r = 0; r < wins.Length; r++)
        {
            double own = 0, all = 0;
            for (var m = 0; m < months; m++)
            {
                if (active[r][m])
                {
                    own += wins[r][m];
                    all += company[m];
                }
            }

            if (own <= 0 || all <= 0)
            {
                continue;
            }

            var share = own / all;
            for (var m = 0; m < months; m++)
            {
                if (active[r][m])
                {
                    var expected = share * company[m];
                    var gap = wins[r][m] - expected;
                    numerator += (gap * gap) - expected;
                    denominator += expected * expected;
                }
            }
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, MaximumVariance) : 0;
    }
}
