using Bellwether.Core.Forecasting;
using Bellwether.Core.Slicing;
using ScottPlot;

namespace Bellwether.Charts;

/// <summary>Forecast rows as a picture: the P50 of each row with its P10–P90 range as an error bar.</summary>
public static class ForecastChart
{
    public static void SavePng(IReadOnlyList<ForecastRow> rows, string path, int width = 1000, int height = 560)
    {
        var plot = new Plot();
        var shown = rows.Where(r => r.P50 is not null).Take(40).ToList();
        var labels = shown.Select(r => string.Join(" ", new[] { rows.Select(x => x.Indicator).Distinct().Count() > 1 ? r.Indicator : null, r.Period, SliceText.Format(r.Slice) }.Where(s => !string.IsNullOrEmpty(s)))).ToArray();
        var xs = Enumerable.Range(0, shown.Count).Select(i => (double)i).ToArray();
        var p50 = shown.Select(r => (double)r.P50!.Value).ToArray();
        var bars = plot.Add.Bars(xs, p50);
        bars.Color = Colors.SteelBlue.WithAlpha(0.6);
        var errors = Range.Add(
            plot,
            xs,
            p50,
            [.. shown.Select(r => (double)((r.P90 ?? r.P50!.Value) - r.P50!.Value))],
            [.. shown.Select(r => (double)(r.P50!.Value - (r.P10 ?? r.P50!.Value)))]);
        errors.Color = Colors.Black;
        plot.Axes.Bottom.SetTicks(xs, labels);
        if (shown.Count > 4)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 120;
        }

        plot.Axes.Margins(bottom: 0);
        var scenario = rows.FirstOrDefault(r => r.Scenario is not null)?.Scenario;
        plot.Title($"forecast P50 with P10–P90, as of {Core.Time.Instants.Format(rows.Count > 0 ? rows[0].AsOf : default)}{(scenario is null ? "" : $", scenario {scenario}")}");
        plot.YLabel(rows.Count > 0 ? rows[0].Unit : "");
        plot.SavePng(path, width, height);
    }
}
