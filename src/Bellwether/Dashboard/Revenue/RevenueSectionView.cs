using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// One part of the Revenue indicators page: what it shows in a sentence or two, its headline figures in words, its
/// charts and the tables of the same numbers (each row leading to the rep, slice or deals behind it).
/// </summary>
public sealed record RevenueSectionView
{
    public required string Title { get; init; }

    public required string Lede { get; init; }

    /// <summary>Sentences that say what the charts show (who is under, what to do), in the company's currency.</summary>
    public IReadOnlyList<string> Headlines { get; init; } = [];

    public required IReadOnlyList<RevenueChart> Charts { get; init; }

    public required IReadOnlyList<TableData> Tables { get; init; }

    public required string Currency { get; init; }
}

/// <summary>A chart of a section: its id (the PNG's name), title, data and height in pixels.</summary>
public sealed record RevenueChart(string Id, string Title, IChartData Data, int Height = 320)
{
    /// <summary>Bars across need a row per category to keep every label.</summary>
    public static int HeightFor(int categories, int perCategory = 28, int minimum = 240) => Math.Max(minimum, 90 + (categories * perCategory));
}
