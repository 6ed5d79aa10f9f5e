using MathNet.Numerics.LinearAlgebra;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// How many deals of one stream are created per day, fitted to its monthly counts: a Poisson log-linear model with a
/// level at t, a trend, and an effect per calendar month (the trend, not a recency weighting, carries the level to t:
/// weighting recent months more reads a growing stream as it was half a year ago). A month far off the fit (a one-off
/// slump such as a market scare, or a burst) is down-weighted — Huber weights on studentised Pearson residuals first,
/// then Tukey's biweight, which gives such a month no weight at all: a two-month slump a Huber weight still counts by
/// half bent the trend of a stream growing 25% a year to nothing, and every later quarter was under-read by a tenth.
/// The month effects are shrunk toward none by empirical Bayes (their spread is estimated from themselves), so a calendar month seen once counts for less than one seen three times, and a
/// month not yet seen has no effect. The trend has a Gaussian prior and is carried forward for a year at most.
/// </summary>
internal sealed class SeasonalRate
{
    /// <summary>Prior standard deviation of the trend, in log rate per year: a stream growing or shrinking by half a year is plausible.</summary>
    private const double TrendPriorSd = 0.5;

    /// <summary>Pearson residuals (in units of their spread) beyond which a month's weight falls: Huber's constant.</summary>
    private const double HuberK = 2;

    /// <summary>Years after t the trend is carried forward; later days keep the level it reached.</summary>
    private const double TrendYears = 1;

    /// <summary>Studentised residuals beyond which a month has no weight once the fit has settled (Tukey's biweight).</summary>
    private const double BiweightC = 4;

    /// <summary>Iterations under Huber weights before the biweight (which needs a settled fit to start from).</summary>
    private const int HuberIterations = 10;

    private const int Iterations = 30;
    private const int Parameters = 14;

    private readonly double _trend;

    private SeasonalRate(double logLevel, double trend, double[] season, double seasonSd)
    {
        LogLevel = logLevel;
        _trend = trend;
        Season = season;
        SeasonSd = seasonSd;
    }

    /// <summary>The log of deals per weekday-weighted day at t, in an average month.</summary>
    public double LogLevel { get; }

    /// <summary>Deals per weekday-weighted day at t, in an average month.</summary>
    public double Level => Math.Exp(LogLevel);

    /// <summary>The fitted trend, in log rate per year.</summary>
    public double TrendPerYear => _trend;

    /// <summary>The multiplicative effect of each calendar month (January first), geometric mean 1.</summary>
    public double[] Season { get; }

    /// <summary>The estimated spread (standard deviation, log scale) of the true month effects.</summary>
    public double SeasonSd { get; }

    /// <summary>Expected deals per weekday-weighted day, <paramref name="yearsFromT"/> after t in the calendar month given (0–11).</summary>
    public double PerDay(int month, double yearsFromT) =>
        Math.Exp(LogLevel + (_trend * Math.Min(Math.Max(yearsFromT, 0), TrendYears))) * Season[month];

    /// <summary>
    /// Fits the model to months of counts. Each month gives its count, its exposure (weekday-weighted days observed),
    /// its calendar month (0–11) and its middle's time from t in years (negative). Without any count, the level is 0.
    /// </summary>
    public static SeasonalRate Fit(IReadOnlyList<MonthCount> months)
    {
        var n = months.Count;
        var total = months.Sum(m => m.Count);
        var exposure = months.Sum(m => m.Exposure);
        if (n == 0 || total <= 0 || exposure <= 0)
        {
            return new SeasonalRate(double.NegativeInfinity, 0, Enumerable.Repeat(1.0, 12).ToArray(), 0);
        }

        var theta = new double[Parameters];
        theta[0] = Math.Log(total / exposure);
        var seasonVariance = 0.01;
        var dispersion = 1.0;
        var robust = Enumerable.Repeat(1.0, n).ToArray();

        // A calendar month seen once cannot be told from an outlier (its own effect is all there is to explain it). Once
        // every calendar month has been seen, it is the season's only witness and keeps at least its Huber weight:
        // otherwise a company's first summer trough reads as a slump and its season is lost. Before a full year there is
        // no season to keep, and a month far from the rest (a burst as the CRM is adopted) is down-weighted as usual.
        var seen = new int[12];
        foreach (var m in months)
        {
            seen[m.Month]++;
        }

        var fullYear = seen.All(c => c > 0);

        var leverage = new double[n];
        var mu = new double[n];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                mu[i] = months[i].Exposure * Math.Exp(Eta(theta, months[i]));
            }

            if (iteration > 0)
            {
                dispersion = Dispersion(months, mu);
                for (var i = 0; i < n; i++)
                {
                    // Studentised: a month that its own calendar month's effect mostly fits has a small raw residual.
                    var r = Math.Abs(months[i].Count - mu[i]) / Math.Sqrt(dispersion * Math.Max(mu[i], 1e-9) * Math.Max(1 - leverage[i], 0.05));
                    robust[i] = (fullYear && seen[months[i].Month] < 2) || iteration < HuberIterations ? Math.Min(1, HuberK / r) : r >= BiweightC ? 0 : Math.Pow(1 - ((r / BiweightC) * (r / BiweightC)), 2);
                }
            }

            var gram = Matrix<double>.Build.Dense(Parameters, Parameters);
            var moment = Vector<double>.Build.Dense(Parameters);
            for (var i = 0; i < n; i++)
            {
                var m = months[i];
                if (mu[i] <= 0)
                {
                    continue;
                }

                var w = robust[i] * mu[i];
                var z = Eta(theta, m) + ((m.Count - mu[i]) / mu[i]);
                var (at, x) = Design(m);
                for (var a = 0; a < 3; a++)
                {
                    moment[at[a]] += w * x[a] * z;
                    for (var b = 0; b < 3; b++)
                    {
                        gram[at[a], at[b]] += w * x[a] * x[b];
                    }
                }
            }

            gram[1, 1] += 1 / (TrendPriorSd * TrendPriorSd);
            for (var j = 0; j < 12; j++)
            {
                gram[2 + j, 2 + j] += 1 / seasonVariance;
            }

            var inverse = gram.Inverse();
            var solved = inverse * moment;
            // Each month's leverage (its weight times its design's posterior variance), for the next studentised residuals.
            for (var i = 0; i < n; i++)
            {
                var (at, x) = Design(months[i]);
                var h = 0.0;
                for (var a = 0; a < 3; a++)
                {
                    for (var b = 0; b < 3; b++)
                    {
                        h += x[a] * inverse[at[a], at[b]] * x[b];
                    }
                }

                leverage[i] = robust[i] * mu[i] * h;
            }

            for (var k = 0; k < Parameters; k++)
            {
                theta[k] = solved[k];
            }

            // Empirical Bayes (EM): the month effects' variance is their mean square plus their posterior variance.
            var sum = 0.0;
            for (var j = 0; j < 12; j++)
            {
                sum += (theta[2 + j] * theta[2 + j]) + inverse[2 + j, 2 + j];
            }

            seasonVariance = Math.Clamp(sum / 12, 1e-4, 0.09);
        }

        var mean = Enumerable.Range(2, 12).Average(k => theta[k]);
        return new SeasonalRate(theta[0] + mean, theta[1], [.. Enumerable.Range(2, 12).Select(k => Math.Exp(theta[k] - mean))], Math.Sqrt(seasonVariance));
    }

    private static double Eta(double[] theta, MonthCount m) => theta[0] + (theta[1] * m.Years) + theta[2 + m.Month];

    /// <summary>A month's three non-zero columns of the design (level, trend, its calendar month) and their values.</summary>
    private static (int[] At, double[] X) Design(MonthCount m) => ([0, 1, 2 + m.Month], [1, m.Years, 1]);

    /// <summary>Counts' variance over Poisson, robustly (from the median absolute Pearson residual), at least 1.</summary>
    private static double Dispersion(IReadOnlyList<MonthCount> months, double[] mu)
    {
        var residuals = months.Select((m, i) => mu[i] > 0 ? Math.Abs(m.Count - mu[i]) / Math.Sqrt(mu[i]) : 0).Order().ToArray();
        var median = residuals[residuals.Length / 2];
        return Math.Max(1, Math.Pow(1.4826 * median, 2));
    }
}

/// <summary>One month of a stream's deals: how many were created, over how much weekday-weighted exposure, when.</summary>
/// <param name="Month">The calendar month, 0 (January) to 11.</param>
/// <param name="Count">Deals created in it.</param>
/// <param name="Exposure">Its days observed, each weighted by its weekday's share of deals (7 × share; a full week is 7).</param>
/// <param name="Years">The time of its middle from t, in years (negative for the past).</param>
internal readonly record struct MonthCount(int Month, double Count, double Exposure, double Years);
