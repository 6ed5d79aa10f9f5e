namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// Simulated outcomes per group and period: for each, one value per future for each random part of the forecast, plus
/// the part already known. Laid out [group][period][simulation] in flat arrays.
/// </summary>
internal sealed class Draws(int groups, int periods, int simulations)
{
    public int Groups { get; } = groups;

    public int Periods { get; } = periods;

    public int Simulations { get; } = simulations;

    /// <summary>Deals open at t won in the period (or the book's revenue, for revenue).</summary>
    public double[] First { get; } = new double[groups * periods * simulations];

    /// <summary>Deals created after t won in the period (or new bookings' revenue).</summary>
    public double[] Second { get; } = new double[groups * periods * simulations];

    /// <summary>What is already known: closed before t in the period.</summary>
    public double[] Known { get; } = new double[groups * periods];

    public int At(int group, int period, int simulation) => (((group * Periods) + period) * Simulations) + simulation;

    /// <summary>The totals of one group and period, one per future.</summary>
    public double[] Totals(int group, int period)
    {
        var result = new double[Simulations];
        var known = Known[(group * Periods) + period];
        var at = At(group, period, 0);
        for (var s = 0; s < Simulations; s++)
        {
            result[s] = known + First[at + s] + Second[at + s];
        }

        return result;
    }

    public double Mean(double[] values, int group, int period)
    {
        var at = At(group, period, 0);
        var sum = 0.0;
        for (var s = 0; s < Simulations; s++)
        {
            sum += values[at + s];
        }

        return sum / Simulations;
    }
}
