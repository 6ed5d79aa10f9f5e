namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// How far the existing book's one-month-ahead forecast missed grr and nrr over the last known months, and what that
/// makes of a forecast period's retention figures. A book right in total can still be wrong about which accounts it keeps,
/// and a common shock to the book hardly moves grr (a book above forecast is capped at what each client had), so the
/// retention figures carry a shock of their own, as large as these misses; grr is also moved by its mean miss, because
/// the book reads a client's revenue beyond the learned shapes as fading (a renewal the CRM does not show, a contract
/// running longer), and so keeps a little less than clients do, month after month.
/// </summary>
internal sealed record RetentionMisses(double GrrBias, double GrrVariance, double NrrVariance)
{
    public static readonly RetentionMisses None = new(0, 0, 0);

    /// <summary>
    /// The misses of months, each given per stream as its revenue the month before, its actual revenue, and the book's
    /// forecast of it made a month ahead. A month's grr miss is (Σ min(actual, before) − Σ min(forecast, before)) / Σ before
    /// over the streams with revenue before; its nrr miss (Σ actual − Σ forecast) / Σ before. The variances are mean
    /// squares, the mean miss included: a bias read from a few months is itself uncertain.
    /// </summary>
    public static RetentionMisses Of(IEnumerable<IEnumerable<(double Before, double Actual, double Forecast)>> months)
    {
        var grr = new List<double>();
        var nrr = new List<double>();
        foreach (var month in months)
        {
            double before = 0, kept = 0, keptForecast = 0, gap = 0;
            foreach (var (previous, actual, forecast) in month)
            {
                if (previous > 0)
                {
                    before += previous;
                    kept += Math.Min(actual, previous);
                    keptForecast += Math.Min(forecast, previous);
                    gap += actual - forecast;
                }
            }

            if (before > 0)
            {
                grr.Add((kept - keptForecast) / before);
                nrr.Add(gap / before);
            }
        }

        return grr.Count == 0 ? None : new RetentionMisses(grr.Average(), grr.Average(e => e * e), nrr.Average(e => e * e));
    }

    /// <summary>
    /// Per forecast period (its months, then the previous period's: <paramref name="monthSets"/> holds two sets per
    /// period), the shift and the standard deviation of the figure's shock: grr moves by its mean miss times the share of
    /// P's months not yet known; the shock's variance is the month's miss variance times how many months ahead each of P
    /// and P' lies (<see cref="LedgerForecast.MonthsAhead"/>), each weighed by the square of its share not yet known. A
    /// period the ledger has closed has neither.
    /// </summary>
    public (double Shift, double Spread)[] ForPeriods(bool isGrr, int[][] monthSets, int lastKnownMonth)
    {
        var ahead = LedgerForecast.MonthsAhead(monthSets, lastKnownMonth);
        double Unknown(int set) => monthSets[set].Length == 0 ? 0 : monthSets[set].Count(month => month > lastKnownMonth) / (double)monthSets[set].Length;
        var variance = isGrr ? GrrVariance : NrrVariance;
        return [.. Enumerable.Range(0, monthSets.Length / 2).Select(k =>
        {
            var (now, before) = (Unknown(2 * k), Unknown((2 * k) + 1));
            var spread = Math.Sqrt(variance * ((ahead[2 * k] * now * now) + (ahead[(2 * k) + 1] * before * before)));
            return (isGrr ? GrrBias * now : 0, spread);
        })];
    }
}
