using System.Globalization;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Forecasting.Backtesting;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Queries;

/// <summary>
/// Every request of the command line and the API, read from its parameters' text by one <see cref="QueryReader"/>:
/// the command and the endpoint of a feature call the same method, so a period, slice or name means the same in both
/// and a mistake reads the same (only the parameter's spelling differs: <c>--as-of</c>, <c>as_of</c>). Checks that
/// need the data (a slice's values, a scenario's name) come after, from <see cref="SliceValues"/> and <see cref="ScenarioBook"/>.
/// </summary>
public static class Requests
{
    /// <summary>The forecasts <c>scenario show</c> and <c>compare</c> set side by side unless told which.</summary>
    public static readonly IReadOnlyList<string> ComparedByDefault = ["bookings", "revenue", "new_logos"];

    /// <summary>Indicator rows: names, period (default the current fiscal quarter), grain, up to two dimensions, slice, instant and a bookings target.</summary>
    public static Checked<IndicatorQuery> Indicators(
        QueryReader read, IEnumerable<string>? names, string? period, string? grain, string? by, string? slice, string? asOf, string? target)
    {
        ArgumentNullException.ThrowIfNull(read);
        var indicators = read.Indicators(names);
        var instant = read.AsOf(asOf);
        var periodValue = read.Period(period, instant);
        var grainValue = read.Grain(grain, periodValue);
        var dimensions = read.By(by);
        var filter = read.Slice(slice);
        var amount = read.Amount(target, "target");
        return read.Result(() => new IndicatorQuery
        {
            Indicators = indicators,
            Period = periodValue!.Value,
            Grain = grainValue,
            By = dimensions,
            Filter = filter,
            AsOf = instant!.Value,
            Target = amount,
        });
    }

    /// <summary>A forecast: names, a month, fiscal quarter or fiscal year (default the current quarter), grain, dimensions, slice, instant and scenario.</summary>
    public static Checked<ForecastRequest> Forecast(
        QueryReader read, IEnumerable<string>? names, string? period, string? grain, string? by, string? slice, string? asOf, string? scenario, bool distribution = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        var indicators = read.Forecasts(names);
        var instant = read.AsOf(asOf);
        var periodValue = read.MonthOrLonger(read.Period(period, instant), period);
        var grainValue = read.Grain(grain, periodValue, monthOrLonger: true);
        var dimensions = read.By(by);
        var filter = read.Slice(slice);
        var scenarioName = read.ScenarioName(scenario);
        return read.Result(() => new ForecastRequest(
            new ForecastQuery { Indicators = indicators, Period = periodValue!.Value, Grain = grainValue, By = dimensions, Filter = filter, IncludeDistribution = distribution },
            instant!.Value,
            scenarioName));
    }

    /// <summary>Two scenarios side by side: forecasts (default bookings, revenue, new_logos), period, dimensions, slice and instant.</summary>
    public static Checked<ComparisonRequest> Comparison(
        QueryReader read, string first, string second, string? indicators, string? period, string? by, string? slice, string? asOf, string firstParameter = "name", string secondParameter = "with")
    {
        ArgumentNullException.ThrowIfNull(read);
        var names = read.Forecasts([indicators ?? string.Join(',', ComparedByDefault)], "indicators");
        var instant = read.AsOf(asOf);
        var periodValue = read.MonthOrLonger(read.Period(period, instant), period);
        var dimensions = read.By(by);
        var filter = read.Slice(slice);
        var firstName = read.ScenarioName(first, firstParameter);
        var secondName = read.ScenarioName(second, secondParameter);
        return read.Result(() => new ComparisonRequest(
            new ForecastQuery { Indicators = names, Period = periodValue!.Value, By = dimensions, Filter = filter },
            instant!.Value,
            firstName!,
            secondName!));
    }

    /// <summary>
    /// Plan status: with a period, its plans and those of every period within it; without, those of the month, quarter
    /// and year containing the instant. Without an instant, the plans as they stand.
    /// </summary>
    public static Checked<PlanRequest> Plans(QueryReader read, string? period, string? pillar, string? owner, string? asOf, string? scenario)
    {
        ArgumentNullException.ThrowIfNull(read);
        var instant = read.AsOf(asOf);
        Period? periodValue = period is null ? null : read.Period(period, instant);
        var pillarValue = read.Pillar(pillar);
        var ownerName = read.Owner(owner);
        var scenarioName = read.ScenarioName(scenario);
        return read.Result(() => new PlanRequest(
            new PlanQuery
            {
                Scope = periodValue is { } p ? PlanScope.Within(p) : PlanScope.Around(instant!.Value, read.Calendar),
                AsOf = instant!.Value,
                LatestPlans = asOf is null,
                Pillar = pillarValue,
                Owner = ownerName,
            },
            scenarioName));
    }

    /// <summary>The plan log or the plans at an instant: null (every change, the plans as they stand) or the instant.</summary>
    public static Checked<DateTimeOffset?> PlanInstant(QueryReader read, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(read);
        var instant = asOf is null ? null : read.AsOf(asOf);
        return read.Result(() => instant);
    }

    /// <summary>Signals: one pillar or all four, the period to watch (default the fiscal quarter containing the instant) and the instant.</summary>
    public static Checked<SignalQuery> Signals(QueryReader read, string? pillar, string? period, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(read);
        var pillarValue = read.Pillar(pillar);
        var instant = read.AsOf(asOf);
        var periodValue = read.Period(period, instant);
        return read.Result(() => new SignalQuery(pillarValue, periodValue!.Value, instant!.Value));
    }

    /// <summary>An owner's digest: the owner (required, checked against the plans by <see cref="PlanOwners"/>) and the instant.</summary>
    public static Checked<DigestRequest> Digest(QueryReader read, string? owner, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(read);
        var name = read.Owner(owner);
        if (owner is null)
        {
            read.Add("owner", "is required: say whose digest (an owner as plans.csv names them, such as President, COO or CFO)");
        }

        var instant = read.AsOf(asOf);
        return read.Result(() => new DigestRequest(name!, instant!.Value, LatestPlans: asOf is null));
    }

    /// <summary>An explanation: the metric, period, comparison, one dimension to split by, slice and instant.</summary>
    public static Checked<ExplainRequest> Explain(QueryReader read, string? metric, string? period, string? against, string? by, string? slice, string? asOf)
    {
        ArgumentNullException.ThrowIfNull(read);
        var name = read.Metric(metric);
        var instant = read.AsOf(asOf);
        var periodValue = read.Period(period, instant);
        var comparison = read.Against(against);
        var split = read.By(by, most: 1);
        var filter = read.Slice(slice);
        return read.Result(() => new ExplainRequest
        {
            Metric = name!,
            Period = periodValue!.Value,
            Against = comparison,
            By = split.Count == 0 ? null : split[0],
            Filter = filter,
            AsOf = instant!.Value,
        });
    }

    /// <summary>The finance pack: its period (default the current fiscal quarter), instant, and whether to forecast.</summary>
    public static Checked<ExportRequest> Export(QueryReader read, string? period, string? asOf, bool forecast)
    {
        ArgumentNullException.ThrowIfNull(read);
        var instant = read.AsOf(asOf);
        var periodValue = read.Period(period, instant);
        return read.Result(() => new ExportRequest(periodValue!.Value, instant!.Value, forecast));
    }

    /// <summary>
    /// A backtest: the indicator, a month, quarter or year grain (default quarter), the first and last periods of that
    /// grain (default the eight quarters — 24 months, 2 years — up to the last one over), offsets in days, and a slice.
    /// </summary>
    public static Checked<BacktestRequest> Backtest(QueryReader read, string? indicator, string? grain, string? from, string? to, string? offsets, string? slice)
    {
        ArgumentNullException.ThrowIfNull(read);
        var names = read.Forecasts(indicator is null ? null : [indicator], "indicator");
        var g = Grain.Quarter;
        if (grain is not null && (!FiscalCalendar.TryParseGrain(grain, out g) || g < Grain.Month))
        {
            read.Add("grain", $"{grain}: backtests are by month, quarter or year");
        }

        var days = new List<int>();
        foreach (var word in (offsets ?? "-30,0,45").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) <= 3660)
            {
                days.Add(d);
            }
            else
            {
                read.Add("offsets", $"{word}: not a whole number of days (-3660 to 3660)");
            }
        }

        var calendar = read.Calendar;
        var lastOver = calendar.Previous(calendar.Containing(read.Now.AddTicks(-1), g));
        var last = to is null ? lastOver : OfGrain(read, to, g, "to");
        var first = from is null ? (last is { } l ? calendar.Shift(l, g == Grain.Month ? -23 : g == Grain.Quarter ? -7 : -1) : null) : OfGrain(read, from, g, "from");
        if (first is { } f && last is { } t && f.Start > t.Start)
        {
            read.Add("from", $"{f.Label} comes after the last period ({t.Label})");
        }

        var filter = read.Slice(slice);
        return read.Result(() => new BacktestRequest { Indicator = names[0], Grain = g, From = first!.Value, To = last!.Value, Offsets = days, Filter = filter });
    }

    private static Period? OfGrain(QueryReader read, string text, Grain grain, string parameter)
    {
        var period = read.Period(text, null, parameter: parameter);
        if (period is { } p && p.Grain != grain)
        {
            read.Add(parameter, $"{text}: not a {SnakeCase.Name(grain)}");
            return null;
        }

        return period;
    }
}
