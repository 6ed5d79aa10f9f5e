using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// The fixed attributes a deal's hazards are adjusted for, each a factor of the hazard model: the rep (shrunk toward
/// the rep's team), the team, vertical, service line, type, source, and the size band of the amount first recorded.
/// </summary>
internal static class DealProfile
{
    public const int Rep = 0;
    public const int Team = 1;
    public const int Vertical = 2;
    public const int ServiceLine = 3;
    public const int Type = 4;
    public const int Source = 5;
    public const int Size = 6;
    public const int Count = 7;

    public const int SizeBands = 4;

    public static readonly Dimension[] Dimensions =
        [Dimension.Rep, Dimension.Team, Dimension.Vertical, Dimension.ServiceLine, Dimension.Type, Dimension.Source];

    /// <summary>The amount as first recorded: the first history row's, else the amount known at t.</summary>
    public static decimal FirstAmount(DealFacts facts, int deal) =>
        facts.HistCount[deal] > 0 ? facts.History[facts.HistStart[deal]].Amount : facts.Amount[deal];

    public static int SizeBand(double[] edges, decimal amount)
    {
        var a = (double)amount;
        var band = 0;
        while (band < edges.Length && a >= edges[band])
        {
            band++;
        }

        return band;
    }

    /// <summary>Quartile edges of the first amounts of the given deals (three edges, four bands).</summary>
    public static double[] SizeEdges(DealFacts facts, IEnumerable<int> deals)
    {
        var amounts = deals.Select(i => (double)FirstAmount(facts, i)).Order().ToArray();
        if (amounts.Length == 0)
        {
            return [];
        }

        return [amounts[amounts.Length / 4], amounts[amounts.Length / 2], amounts[3 * amounts.Length / 4]];
    }

    /// <summary>The deal's level of every factor.</summary>
    public static int[] Of(DealFacts facts, int deal, double[] sizeEdges)
    {
        var levels = new int[Count];
        for (var f = 0; f < Dimensions.Length; f++)
        {
            levels[f] = facts.Column(Dimensions[f])[deal];
        }

        levels[Size] = SizeBand(sizeEdges, FirstAmount(facts, deal));
        return levels;
    }
}
