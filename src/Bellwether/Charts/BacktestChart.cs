using Bellwether.Core.Forecasting.Backtesting;
using ScottPlot;

namespace Bellwether.Charts;

/// <summary>
/// A backtest as a picture: per period, what happened (black), each offset's forecast P50 with its P10–P90 range,
/// and the stage-weighted baseline at the first offset.
/// </summary>
public static class BacktestChart
{
    public static void SavePng(BacktestResult outcome, string path, int width = 1100, int height = 600)
    {
        var plot = new Plot();
        var periods = outcome.Points.Select(p => p.Period).Distinct().ToList();
        double X(string period) => periods.IndexOf(period);
        var actual = outcome.Points.GroupBy(p => p.Period).Select(g => g.First()).ToList();
        var truth = plot.Add.Scatter(actual.Select(p => X(p.Period)).ToArray(), actual.Select(p => (double)p.Actual).ToArray());
        truth.Color = Colors.Black;
        truth.LineWidth = 2;
        truth.LegendText = "actual";
        var offsets = outcome.Points.Select(p => p.Offset).Distinct().Order().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < offsets.Count; i++)
        {
            var points = outcome.Points.Where(p => p.Offset == offsets[i]).ToList();
            var shift = (i - ((offsets.Count - 1) / 2.0)) * 0.08;
            var xs = points.Select(p => X(p.Period) + shift).ToArray();
            var ys = points.Select(p => (double)p.P50).ToArray();
            var color = palette.GetColor(i);
            var line = plot.Add.Scatter(xs, ys);
            line.Color = color;
            line.LineStyle.Pattern = LinePattern.Dashed;
            line.LegendText = $"forecast P50, offset {offsets[i]} days";
            var range = Range.Add(plot, xs, ys, [.. points.Select(p => (double)(p.P90 - p.P50))], [.. points.Select(p => (double)(p.P50 - p.P10))]);
            range.Color = color;
        }

        var baseline = outcome.Points.Where(p => p.Offset == offsets[0] && p.StageWeighted is not null).ToList();
        if (baseline.Count > 0)
        {
            var weighted = plot.Add.Scatter(baseline.Select(p => X(p.Period)).ToArray(), baseline.Select(p => (double)p.StageWeighted!.Value).ToArray());
            weighted.Color = Colors.Gray;
            weighted.LineStyle.Pattern = LinePattern.Dotted;
            weighted.LegendText = $"stage-weighted baseline, offset {offsets[0]} days";
        }

        plot.Axes.Bottom.SetTicks([.. periods.Select((_, i) => (double)i)], [.. periods]);
        plot.Title($"backtest of {outcome.Indicator} by {outcome.Grain}");
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, width, height);
    }
}
