using System.Runtime.CompilerServices;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// Counter-based random numbers: each draw is a hash of (seed, stream, simulation, item), so a deal's draw in a
/// simulation is the same whatever else is asked, in whatever order. This is what makes the ranges of reps, teams and
/// the company come from the same futures, and a forecast repeatable to the last digit.
/// </summary>
internal static class CounterRandom
{
    // Mix and Uniform are called for every deal in every future: inlined into the simulation's loops, they never run as
    // unoptimised first-tier code while a short command waits for them to be recompiled.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform draw strictly between 0 and 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(ulong seed, ulong stream, long simulation, long item)
    {
        var h = Mix(seed ^ (stream * 0xD1B54A32D192ED03UL) ^ ((ulong)simulation * 0x9E3779B97F4A7C15UL));
        h = Mix(h ^ ((ulong)item * 0xC2B2AE3D27D4EB4FUL));
        return ((h >> 11) + 0.5) * (1.0 / (1UL << 53));
    }

    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double NormalQuantile(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((((C[0] * q) + C[1]) * q) + C[2]) * q) + C[3]) * q) + C[4]) * q + C[5])
                / ((((((((D[0] * q) + D[1]) * q) + D[2]) * q) + D[3]) * q) + 1);
        }

        if (p > 1 - low)
        {
            return -NormalQuantile(1 - p);
        }

        var x = p - 0.5;
        var r = x * x;
        return (((((((((((A[0] * r) + A[1]) * r) + A[2]) * r) + A[3]) * r) + A[4]) * r) + A[5]) * x)
            / ((((((((((B[0] * r) + B[1]) * r) + B[2]) * r) + B[3]) * r) + B[4]) * r) + 1);
    }

    /// <summary>A Poisson draw by inversion of one uniform (normal approximation above a mean of 60).</summary>
    public static int Poisson(double mean, double u)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 60)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * NormalQuantile(u))));
        }

        var p = Math.Exp(-mean);
        var cumulative = p;
        var n = 0;
        while (u > cumulative && n < 1000)
        {
            n++;
            p *= mean / n;
            cumulative += p;
        }

        return n;
    }

    /// <summary>A positive shock of mean 1 and the given variance (log-normal), from one uniform.</summary>
    public static double Shock(double variance, double u) => variance <= 0 ? 1 : LogNormalShock(variance, NormalQuantile(u));

    /// <summary>A positive shock of mean 1 and the given variance (log-normal), from one standard normal draw.</summary>
    public static double LogNormalShock(double variance, double z)
    {
        if (variance <= 0)
        {
            return 1;
        }

        var s2 = Math.Log(1 + variance);
        return Math.Exp((Math.Sqrt(s2) * z) - (s2 / 2));
    }
}
