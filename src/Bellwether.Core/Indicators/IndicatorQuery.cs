using Bellwether.Core.Slicing;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators;

/// <summary>
/// What to compute: indicators over a period (or its sub-periods of a grain), broken down by up to two dimensions,
/// within a fixed slice, using only what was known at <see cref="AsOf"/>. The CLI, the web API and the forecaster all
/// ask through this.
/// </summary>
public sealed record IndicatorQuery
{
    /// <summary>Indicator names as in <see cref="IndicatorCatalog"/>; an unknown name gives a row saying so.</summary>
    public required IReadOnlyList<string> Indicators { get; init; }

    public required Period Period { get; init; }

    /// <summary>Break <see cref="Period"/> into sub-periods of this grain (one row each); null for one row for the period itself.</summary>
    public Grain? Grain { get; init; }

    /// <summary>0–2 dimensions to break each row down by.</summary>
    public IReadOnlyList<Dimension> By { get; init; } = [];

    /// <summary>
    /// The instant of knowledge: only events strictly before it count. The core has no clock: for "everything known
    /// now" the caller passes its now. A command-line date means the end of that day (<see cref="Instants.EndOfDay"/>).
    /// </summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>
    /// An explicit bookings target for the target-based indicators (required_pipeline, pipeline_coverage,
    /// new_pipeline_needed, hiring_signal), overriding plans.csv; applied to every row.
    /// </summary>
    public decimal? Target { get; init; }

    /// <summary>A fixed slice every row is restricted to (e.g. a plan's slice); its dimensions appear in each row's slice.</summary>
    public IReadOnlyDictionary<Dimension, string> Filter { get; init; } = new Dictionary<Dimension, string>();

    /// <summary>Reads a filter from a written slice (<c>vertical=finance;type=new_business</c>, as in plans.csv).</summary>
    public static bool TryParseFilter(string? text, out IReadOnlyDictionary<Dimension, string> filter, out string reason)
    {
        filter = new Dictionary<Dimension, string>();
        if (!SliceText.TryParse(text, out var slice, out reason))
        {
            return false;
        }

        filter = FilterOf(slice);
        return true;
    }

    /// <summary>A filter from a slice keyed by snake_case dimension names (a plan line's <c>Slice</c>).</summary>
    public static IReadOnlyDictionary<Dimension, string> FilterOf(IReadOnlyDictionary<string, string> slice) =>
        slice.ToDictionary(kv => SnakeCase.Parse<Dimension>(kv.Key), kv => kv.Value);
}
