using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators;

/// <summary>
/// A query whose answer would hold more rows than one answer may (<see cref="IndicatorEngine.MaxRows"/>): refused
/// while it is being computed, from what its first periods gave, before it can fill the memory of the process that
/// serves everyone else. The message says how big it would be and how to narrow it.
/// </summary>
public sealed class ResultTooLargeException(string message, long estimatedRows) : Exception(message)
{
    /// <summary>The rows the whole answer would have, extrapolated from the periods computed before it was refused.</summary>
    public long EstimatedRows { get; } = estimatedRows;

    internal static ResultTooLargeException For(IndicatorQuery query, long rowsSoFar, int periodsDone, int periodsTotal)
    {
        var estimate = rowsSoFar * periodsTotal / Math.Max(1, periodsDone);
        var what = string.Join(", ", query.Indicators);
        var by = query.By.Count == 0 ? "" : $" by {string.Join(" and ", query.By.Select(SnakeCase.Name))}";
        var grain = query.Grain is { } g ? $" per {SnakeCase.Name(g)}" : "";
        return new ResultTooLargeException(
            $"{what}{by}{grain} over {query.Period} would be about {estimate:N0} rows, more than the {IndicatorEngine.MaxRows:N0} one answer holds: "
            + "ask for a coarser grain, fewer dimensions, a shorter period or one slice",
            estimate);
    }
}
