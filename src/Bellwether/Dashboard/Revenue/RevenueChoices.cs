using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

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

    public static RevenueChoices Read(string? period, string? grain, string? by) => new(
        PeriodChoices.Find(period).Key,
        grain is not null && Grains.Any(g => g.Value == grain) && SnakeCase.TryParse<Grain>(grain, out var g) ? g : Grain.Week,
        by is not null && Dimensions.Any(d => d.Value == by) && SnakeCase.TryParse<Dimension>(by, out var d) ? d : Dimension.Vertical);

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
