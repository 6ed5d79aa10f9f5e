namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// When the wins of a group come up for renewal, as the chance that a win's renewal deal is created at each lag (days
/// from the win's anchor): the cumulative incidence, by Kaplan–Meier, of a renewal deal over every win of the group —
/// renewed ones at their lag, the others censored at their age at t (a recent win's renewal cannot have come yet, and a
/// win of a two-year term not renewed after one is still waiting, not lapsed). What is left when no more wins are
/// watched is the share that never renews (a contract let go silently), so lapses lower the chances without being
/// assumed. Read as far as <see cref="MinimumAtRisk"/> wins are still waiting, smoothed over ±<see cref="Smoothing"/> days.
/// </summary>
internal sealed class RenewalIncidence
{
    /// <summary>Wins still waiting for their renewal that a lag's hazard needs to be read at all.</summary>
    public const int MinimumAtRisk = 10;

    /// <summary>Days each side of a lag its observation is spread over (a triangular kernel).</summary>
    public const int Smoothing = 3;

    private RenewalIncidence(double[] chance, int events)
    {
        Chance = chance;
        Events = events;
        var cumulative = 0.0;
        Median = -1;
        foreach (var (lag, c) in chance.Index())
        {
            cumulative += c;
            if (Median < 0 && cumulative >= Total / 2)
            {
                Median = lag;
            }
        }
    }

    /// <summary>Per lag, the chance that a win's renewal deal is created at it (sums to <see cref="Total"/> ≤ 1).</summary>
    public double[] Chance { get; }

    /// <summary>The chance that a win's renewal deal comes at all, within the lags read.</summary>
    public double Total => Chance.Sum();

    /// <summary>Renewals seen.</summary>
    public int Events { get; }

    /// <summary>The lag by which half the renewals that come have come (−1 without any).</summary>
    public int Median { get; }

    /// <param name="wins">Per win, the lag of its renewal (renewed) or its age at t (not renewed yet); negative ages are wins whose anchor is still to come.</param>
    public static RenewalIncidence Fit(IReadOnlyCollection<(int Lag, bool Renewed)> wins)
    {
        var watched = wins.Where(w => w.Lag >= 0).ToList();
        var horizon = watched.Count > 0 ? watched.Max(w => w.Lag) + 1 : 0;
        var leaving = new int[horizon + 1];
        var events = new int[horizon + 1];
        foreach (var (lag, renewed) in watched)
        {
            // A renewed win is watched up to and including its lag; one still waiting for lags 0 … age − 1.
            leaving[renewed ? lag + 1 : lag]++;
            events[lag] += renewed ? 1 : 0;
        }

        var raw = new double[horizon + 1];
        var atRisk = watched.Count - leaving[0];
        var surviving = 1.0;
        for (var l = 0; l < horizon && atRisk >= MinimumAtRisk; l++)
        {
            var hazard = (double)events[l] / atRisk;
            raw[l] = surviving * hazard;
            surviving *= 1 - hazard;
            atRisk -= leaving[l + 1];
        }

        return new RenewalIncidence(Smooth(raw), watched.Count(w => w.Renewed));
    }

    /// <summary>A chance by lag spread over ±<see cref="Smoothing"/> days, its total kept (what falls before lag 0 is moved to it).</summary>
    private static double[] Smooth(double[] raw)
    {
        var last = Array.FindLastIndex(raw, c => c > 0);
        var smoothed = new double[Math.Max(0, last + Smoothing + 1)];
        const double kernel = (Smoothing + 1) * (Smoothing + 1);
        for (var lag = 0; lag <= last; lag++)
        {
            for (var k = -Smoothing; k <= Smoothing; k++)
            {
                smoothed[Math.Max(0, lag + k)] += raw[lag] * (Smoothing + 1 - Math.Abs(k)) / kernel;
            }
        }

        return smoothed;
    }
}
