using Bellwether.Core.Forecasting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Time;

namespace Bellwether.Core.Variance;

/// <summary>
/// What the revenue-ledger explanations (retention, expansion, margin) share: revenue is monthly and a month counts
/// once it is over, so a period is explained by driver only when all its months are closed; before that, its
/// forecast's P50 stands against the comparison as one figure, and the split waits for the books.
/// </summary>
internal static class Ledger
{
    public const string ForecastDriver = "forecast";

    /// <summary>Why the period cannot be split by driver yet (as a draft to return), or null when it can.</summary>
    public static Draft? Unexplainable(ExplainContext context, RevenueBook book, string metric)
    {
        var period = context.Period;
        if (period.Grain < Grain.Month)
        {
            return Draft.Lacking($"revenue.csv is monthly: {metric} is explained for months, quarters and years, not for {period.Label}");
        }

        if (book.LastMonth is not { } last)
        {
            return Draft.Lacking($"no revenue known as of {Instants.Format(context.AsOf)} (revenue.csv is empty, or no month of it is over)");
        }

        if (book.Holds(period))
        {
            return null;
        }

        if (!context.Over && context.CanForecast && ForecastIndicators.Names.Contains(metric))
        {
            return ForecastOnly(context, metric);
        }

        return Draft.Lacking(context.Over
            ? $"the revenue ledger ends with {last:yyyy-MM}: {metric} for {period.Label} cannot be read"
            : $"{period.Label} is not over as of {Instants.Format(context.AsOf)} (the last month closed is {last:yyyy-MM}) and {metric} is not forecast: explain it once its months are closed");
    }

    /// <summary>A period not over: its forecast's P50 against the comparison, as one figure.</summary>
    public static Draft ForecastOnly(ExplainContext context, string metric)
    {
        var row = context.Forecast.Forecast(new ForecastQuery { Indicators = [metric], Period = context.Period, Filter = context.Filter }).Single();
        if (row.P50 is not { } p50)
        {
            return Draft.Lacking($"no forecast of {metric} for {context.Period.Label}: {row.MissingReason}");
        }

        decimal comparison;
        if (context.ComparisonPeriod is { } other)
        {
            var value = context.Engine.Run(new IndicatorQuery { Indicators = [metric], Period = other, Filter = context.Filter, AsOf = context.AsOf }).Single();
            if (value.Value is not { } v)
            {
                return Draft.Lacking($"{metric} for {other.Label}: {value.MissingReason}");
            }

            comparison = v;
        }
        else
        {
            comparison = context.Plan!.Target;
        }

        var unit = IndicatorCatalog.Find(metric)?.Unit ?? Unit.Money;
        var resolution = unit == Unit.Ratio ? 0.000001m : 0.01m;
        var identity = new Identity().Add(new Factor(ForecastDriver, comparison, Apportion.Round(p50, resolution)));
        var driver = new DriverDefinition(ForecastDriver, "forecast for the months not closed", unit);
        var values = new Dictionary<string, DriverValues> { [ForecastDriver] = new(comparison, Apportion.Round(p50, resolution)) };
        return new Draft
        {
            Decomposition = Decomposer.Run([new SlicePart(context.SliceOf(null, ""), "", identity, values)], [driver], values, 0, comparison, resolution),
            Basis = Basis.ForecastP50,
            BasisNote = $"{context.Period.Label} is not over as of {Instants.Format(context.AsOf)}: the forecast's P50 (as of the same instant) stands for it",
            Method = $"{metric} is read from the monthly revenue ledger: its drivers are split once all months of {context.Period.Label} are closed; until then the gap is the forecast's P50 against the comparison",
        };
    }
}
