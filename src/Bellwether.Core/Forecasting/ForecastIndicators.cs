namespace Bellwether.Core.Forecasting;

/// <summary>The indicators the forecaster forecasts, with their units and the names of their parts.</summary>
public static class ForecastIndicators
{
    public const string Bookings = "bookings";
    public const string ExpansionBookings = "expansion_bookings";
    public const string WonDeals = "won_deals";
    public const string NewLogos = "new_logos";
    public const string Revenue = "revenue";
    public const string Grr = "grr";
    public const string Nrr = "nrr";
    public const string ExpansionRevenue = "expansion_revenue";
    public const string OperatingMargin = "operating_margin";

    public static IReadOnlyList<string> Names { get; } =
        [Bookings, ExpansionBookings, WonDeals, NewLogos, Revenue, Grr, Nrr, ExpansionRevenue, OperatingMargin];

    /// <summary>The unit of a forecast indicator, as indicators.md names it.</summary>
    public static string UnitOf(string indicator) => indicator switch
    {
        WonDeals or NewLogos => "count",
        Grr or Nrr or OperatingMargin => "ratio",
        _ => "money",
    };

    /// <summary>Whether the indicator is forecast from the revenue ledger (and so needs revenue.csv).</summary>
    public static bool FromLedger(string indicator) => indicator is Revenue or Grr or Nrr or ExpansionRevenue or OperatingMargin;
}
