using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Queries;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// How the Revenue indicators page slices its charts, as its address says it (<c>?period=quarter&amp;grain=week&amp;by=vertical</c>):
/// the period (<see cref="PeriodChoices"/>), the grain its trends are drawn in, and the dimension the win rate and cycle
/// are compared across besides reps. A value not known falls back to the default, so an old link never breaks the page.
/// </summary>
public sealed record RevenueChoices(string PeriodKey, Grain Grain, Dimension Dimension)
{
    public static readonly IReadOnlyList<(string Value, string Text)> Grains = [("week", "Week"), ("month", "Month"), ("quarter", "Quarter")];

    /// <summary>The dimensions a deal's win rate and cycle can be compared across (reps have their own charts).</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Dimensions =
    [
        .. new[] { Dimension.Vertical, Dimension.Team, Dimension.Manager, Dimension.RepRegion, Dimension.AccountRegion, Dimension.ServiceLine, Dimension.Source, Dimension.Channel }
            .Select(d => (SnakeCase.Name(d), Core.Reporting.MetricNames.Of(SnakeCase.Name(d)))),
    ];

    /// <summary>
    /// The choices an address makes, read the one way every request reads a grain and a dimension (<see cref="QueryReader"/>);
    /// one the page does not offer falls back to its default rather than breaking an old link.
    /// </summary>
    public static RevenueChoices Read(string? period, string? grain, string? by)
    {
        var reader = new QueryReader(FiscalCalendar.Default, DateTimeOffset.UnixEpoch);
        var chosenGrain = reader.Grain(grain, period: null);
        var chosenBy = by is null ? [] : reader.By(by, most: 1);
        return new(
            PeriodChoices.Find(period).Key,
            chosenGrain is { } g && Grains.Any(o => o.Value == SnakeCase.Name(g)) ? g : Grain.Week,
            chosenBy is [var d] && Dimensions.Any(o => o.Value == SnakeCase.Name(d)) ? d : Dimension.Vertical);
    }

    public string GrainName => SnakeCase.Name(Grain);

    public string DimensionName => SnakeCase.Name(Dimension);

    /// <summary>The grain trends are drawn in within a period: the one chosen when finer than the period, else the next finer.</summary>
    public static Grain Within(Period period, Grain chosen) => chosen < period.Grain ? chosen : period.Grain switch
    {
        Grain.Year => Grain.Quarter,
        Grain.Quarter => Grain.Month,
        _ => Grain.Week,
    };
}
