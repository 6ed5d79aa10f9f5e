using Bellwether.Core.Indicators;

namespace Bellwether.Dashboard;

/// <summary>
/// Indicator rows turned around for a table or a chart: one entry per value of the dimension they were sliced by (or
/// per period), holding each indicator's row — the pages ask for several indicators at once and show them side by side.
/// </summary>
public sealed class IndicatorPivot
{
    private readonly Dictionary<string, Dictionary<string, IndicatorRow>> _rows = new(StringComparer.Ordinal);

    private IndicatorPivot()
    {
    }

    /// <summary>The keys in the order their first row came.</summary>
    public IReadOnlyList<string> Keys { get; private set; } = [];

    /// <summary>Rows keyed by their value of a dimension (snake_case, as rows carry slices); rows without it are left out.</summary>
    public static IndicatorPivot BySlice(IEnumerable<IndicatorRow> rows, string dimension) => Of(rows, r => r.Slice.GetValueOrDefault(dimension));

    /// <summary>Rows keyed by their period's label.</summary>
    public static IndicatorPivot ByPeriod(IEnumerable<IndicatorRow> rows) => Of(rows, r => r.Period);

    private static IndicatorPivot Of(IEnumerable<IndicatorRow> rows, Func<IndicatorRow, string?> keyOf)
    {
        var pivot = new IndicatorPivot();
        var keys = new List<string>();
        foreach (var row in rows)
        {
            if (keyOf(row) is not { } key)
            {
                continue;
            }

            if (!pivot._rows.TryGetValue(key, out var byIndicator))
            {
                pivot._rows[key] = byIndicator = new Dictionary<string, IndicatorRow>(StringComparer.Ordinal);
                keys.Add(key);
            }

            byIndicator[row.Indicator] = row;
        }

        pivot.Keys = keys;
        return pivot;
    }

    public IndicatorRow? Row(string key, string indicator) => _rows.GetValueOrDefault(key)?.GetValueOrDefault(indicator);

    public decimal? Value(string key, string indicator) => Row(key, indicator)?.Value;
}
