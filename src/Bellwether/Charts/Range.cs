using ScottPlot;

namespace Bellwether.Charts;

/// <summary>A P10–P90 range drawn as an error bar that may reach further above the P50 than below it.</summary>
internal static class Range
{
    public static ScottPlot.Plottables.ErrorBar Add(Plot plot, double[] xs, double[] ys, double[] above, double[] below)
    {
        var none = new double[xs.Length];
        var bar = new ScottPlot.Plottables.ErrorBar(xs, ys, none, none, above, below);
        plot.Add.Plottable(bar);
        return bar;
    }
}
