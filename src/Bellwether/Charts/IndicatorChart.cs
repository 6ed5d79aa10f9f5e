using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using ScottPlot;

namespace Bellwether.Charts;

/// <summary>
/// Indicator rows as a picture (PNG): one line per slice over the periods when there are several periods, bars per
/// slice for a single period. Rows without a value are gaps, never zeros.
/// </summary>
public static class IndicatorChart
{
    /// <summary>Most lines drawn; further slices (the smallest by total) are left out and the title says so.</summary>
    private const int MaxSeries = 12;

    public static void SavePng(IReadOnlyList<IndicatorRow> rows, string path, int width = 1000, int height = 560)
    {
        var plot = new Plot();
        var indicators = rows.Select(r => r.Indicator).Distinct().ToList();
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var unit = rows.Count > 0 ? rows[0].Unit : "";
        // With one dimension, a slice is named by its value alone ("finance", not "vertical=finance").
        var dimensions = rows.SelectMany(r => r.Slice.Keys).Distinct().Count();
        string SliceName(IndicatorRow r) => dimensions == 1 ? string.Join("", r.Slice.Values) : SliceText.Format(r.Slice);
        var series = rows
            .GroupBy(r => indicators.Count > 1 ? $"{r.Indicator} {SliceName(r)}".Trim() : SliceName(r))
            .OrderByDescending(g => g.Sum(r => Math.Abs(r.Value ?? 0)))
            .ToList();
        var shown = series.Take(MaxSeries).ToList();
        var title = string.Join(", ", indicators) + (rows.Count > 0 ? $" as of {Core.Time.Instants.Format(rows[0].AsOf)}" : "");
        if (series.Count > shown.Count)
        {
            title += $" (largest {shown.Count} of {series.Count} slices)";
        }

        if (periods.Count > 1)
        {
            foreach (var group in shown)
            {
                var byPeriod = group.ToDictionary(r => r.Period, r => r.Value);
                var xs = new List<double>();
                var ys = new List<double>();
                for (var i = 0; i < periods.Count; i++)
                {
                    xs.Add(i);
                    ys.Add(byPeriod.GetValueOrDefault(periods[i]) is { } v ? (double)v : double.NaN);
                }

                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
                if (shown.Count > 1)
                {
                    line.LegendText = group.Key.Length == 0 ? "all" : group.Key;
                }

                line.MarkerSize = 5;
            }

            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, periods.Count).Select(i => (double)i)], [.. periods]);
            Slant(plot, periods.Count > 8);

            // Totals are read against zero: an axis starting at 8.4 M makes a quarter not yet over look like a collapse.
            if (unit is "money" or "count" && shown.SelectMany(g => g).All(r => r.Value is null || r.Value >= 0))
            {
                plot.Axes.AutoScale();
                plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top);
            }

            if (rows.Any(r => r.Provisional && r.Period == periods[^1]))
            {
                title += $" — {periods[^1]} is not over";
            }
        }
        else
        {
            var bars = shown.Select((g, i) => new Bar { Position = i, Value = (double)(g.First().Value ?? 0) }).ToList();
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks([.. bars.Select(b => b.Position)], [.. shown.Select(g => g.Key.Length == 0 ? "all" : g.Key)]);
            Slant(plot, shown.Count > 4);
            plot.Axes.Margins(bottom: 0);
        }

        plot.Title(title);
        plot.YLabel(unit);
        if (shown.Count > 1 && periods.Count > 1)
        {
            plot.ShowLegend(Edge.Right);
        }

        plot.SavePng(path, width, height);
    }

    /// <summary>Slants the bottom labels when there are many, and makes room for them.</summary>
    private static void Slant(Plot plot, bool slant)
    {
        if (!slant)
        {
            return;
        }

        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 110;
    }
}
