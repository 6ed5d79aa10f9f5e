namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// One expense category's monthly forecast: <see cref="Fixed"/> + Σ <see cref="Rates"/>[i] × driver[i], where the
/// driver values are the month's revenue (one rate), bookings per deal type (one rate each) or the headcount (one rate:
/// the cost per rep-month). Money per month; rates are shares of money or money per rep.
/// </summary>
internal sealed record ExpenseFit(ExpenseDriver Driver, double Fixed, IReadOnlyList<double> Rates)
{
    public double Forecast(ReadOnlySpan<double> driver)
    {
        var value = Fixed;
        for (var i = 0; i < Rates.Count; i++)
        {
            value += Rates[i] * driver[i];
        }

        return value;
    }
}
