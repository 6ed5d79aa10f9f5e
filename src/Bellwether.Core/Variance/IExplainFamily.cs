using Bellwether.Core.Slicing;

namespace Bellwether.Core.Variance;

/// <summary>One kind of explanation (new business, retention, expansion, cost model, any additive metric).</summary>
internal interface IExplainFamily
{
    /// <summary>The dimensions searched, in order, when no split is asked for.</summary>
    IReadOnlyList<Dimension> Usual { get; }

    /// <summary>Why the family cannot split (or filter) by the dimension, or null when it can.</summary>
    string? CannotSlice(Dimension dimension);

    /// <summary>The gap split by <paramref name="by"/> (or not split).</summary>
    Draft Explain(ExplainContext context, Dimension? by);
}
