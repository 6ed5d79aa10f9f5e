using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// What every part of the Revenue indicators page reads from: the period and grain chosen, the dimension, "now", the
/// company's currency and names, the deals new business means (its bookings plan's slice) and the indicator engine,
/// asked through <see cref="Rows"/> as <c>bellwether indicators</c> asks it.
/// </summary>
public sealed record RevenueContext
{
    public required Dataset Data { get; init; }

    public required NameBook Names { get; init; }

    public required FiscalCalendar Calendar { get; init; }

    public required Period Period { get; init; }

    /// <summary>How the page's address names <see cref="Period"/> (<see cref="PeriodChoices"/>), for links to pages that take the same choice.</summary>
    public required string PeriodKey { get; init; }

    /// <summary>The grain trends are drawn in: finer than <see cref="Period"/> (<see cref="RevenueChoices.Within"/>).</summary>
    public required Grain Grain { get; init; }

    public required Dimension Dimension { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public required string Currency { get; init; }

    /// <summary>The new-business deals of the period, as the new-business pillar's plan slices them (<c>type=new_business</c>).</summary>
    public required IReadOnlyDictionary<string, string> NewBusiness { get; init; }

    public required Func<IndicatorQuery, IReadOnlyList<IndicatorRow>> Run { get; init; }

    /// <summary>Indicator rows of <see cref="Period"/>, split by a grain and dimensions, within a slice.</summary>
    public IReadOnlyList<IndicatorRow> Rows(IReadOnlyList<string> indicators, Grain? grain = null, IReadOnlyList<Dimension>? by = null,
        IReadOnlyDictionary<string, string>? within = null, Period? period = null) => Run(new IndicatorQuery
        {
            Indicators = indicators,
            Period = period ?? Period,
            Grain = grain,
            By = by ?? [],
            Filter = within is null ? new Dictionary<Dimension, string>() : IndicatorQuery.FilterOf(within),
            AsOf = AsOf,
        });

    /// <summary>The sub-periods of <see cref="Period"/> in <see cref="Grain"/> begun by now, oldest first: a trend's categories.</summary>
    public IReadOnlyList<string> Steps => [.. Calendar.Split(Period, Grain).Where(p => p.StartInstant < AsOf).Select(p => p.Label)];

    public string GrainWord => Grain switch
    {
        Grain.Week => "week",
        Grain.Month => "month",
        Grain.Quarter => "quarter",
        _ => "period",
    };

    public string DimensionName => Core.Text.SnakeCase.Name(Dimension);

    public string Money(decimal? amount) => Dashboard.Formats.Value(amount, Unit.Money, Currency);
}
