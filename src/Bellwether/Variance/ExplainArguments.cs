using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;
using Bellwether.Core.Variance;

namespace Bellwether.Variance;

/// <summary>
/// Reads explain's options — metric, period, comparison, split, slice and instant — the same way for the command line
/// and the API. A mistake is returned as the one-line message both show (the CLI prefixes it with <c>bellwether:</c>,
/// the API puts it in a problem's detail), never thrown.
/// </summary>
public static class ExplainArguments
{
    /// <param name="metric">The metric's name.</param>
    /// <param name="period">A period label; null for the current fiscal quarter.</param>
    /// <param name="against"><c>plan</c> (default), <c>previous</c> or <c>last_year</c>.</param>
    /// <param name="by">One dimension, or null to search the usual ones.</param>
    /// <param name="slice"><c>dimension=value</c> pairs joined by <c>;</c>, or null.</param>
    /// <param name="asOf">A date (its end) or instant; null for now.</param>
    /// <param name="calendar">The company's fiscal calendar.</param>
    /// <param name="now">The caller's now, to the second.</param>
    /// <param name="option">How the options are named where they were given: <c>--</c> and kebab-case on the command line, snake_case in the API.</param>
    /// <param name="request">The request, when the options read.</param>
    /// <param name="error">What is wrong, when they do not.</param>
    public static bool TryParse(
        string metric, string? period, string? against, string? by, string? slice, string? asOf, FiscalCalendar calendar, DateTimeOffset now,
        Func<string, string> option, out ExplainRequest? request, out string error)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(option);
        request = null;
        error = "";
        var name = metric.Trim().ToLowerInvariant();
        if (!VarianceExplainer.Metrics.Contains(name))
        {
            error = IndicatorCatalog.Find(name) is null
                ? $"{metric}: not an indicator (explain takes {string.Join(", ", VarianceExplainer.Metrics)})"
                : $"{metric}: not explained by driver (explain takes {string.Join(", ", VarianceExplainer.Metrics)})";
            return false;
        }

        var instant = now;
        if (asOf is not null && !Instants.TryParseAsOf(asOf, out instant))
        {
            error = $"{option("as-of")} {asOf}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
            return false;
        }

        Period periodValue;
        if (period is null)
        {
            periodValue = calendar.Containing(instant.AddTicks(-1), Grain.Quarter);
        }
        else if (!calendar.TryParse(period, out periodValue, out var reason))
        {
            error = $"{option("period")} \"{period}\" {reason}";
            return false;
        }

        var comparison = Against.Plan;
        if (against is not null && (!SnakeCase.TryParse(against, out comparison) || comparison == Against.Baseline))
        {
            // A baseline is a second company's data, which only the core's AgainstBaseline takes.
            error = $"{option("against")} {against}: not one of plan, previous, last_year";
            return false;
        }

        Dimension? split = null;
        if (!string.IsNullOrWhiteSpace(by))
        {
            if (by.Contains(',', StringComparison.Ordinal))
            {
                error = $"{option("by")} {by}: explain splits by one dimension";
                return false;
            }

            if (!SnakeCase.TryParse<Dimension>(by, out var dimension))
            {
                error = $"{option("by")} {by}: not a dimension ({string.Join(", ", SnakeCase.AllNames<Dimension>())})";
                return false;
            }

            split = dimension;
        }

        if (!IndicatorQuery.TryParseFilter(slice, out var filter, out var sliceReason))
        {
            error = $"{option("slice")} \"{slice}\" {sliceReason}";
            return false;
        }

        request = new ExplainRequest { Metric = name, Period = periodValue, Against = comparison, By = split, Filter = filter, AsOf = instant };
        return true;
    }
}
