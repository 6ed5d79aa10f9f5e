using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>How an indicator relates to time, which decides what the engine says when P is not over at t.</summary>
internal enum Timing
{
    /// <summary>Events in P (bookings, new deals): missing before P begins, provisional until it is over.</summary>
    Flow,

    /// <summary>A state read at the end of P or at t (open pipeline): provisional when read at t before P's end.</summary>
    State,

    /// <summary>Looks ahead from t (required pipeline, hiring): the indicator decides itself.</summary>
    Forward,
}

/// <summary>
/// A group of related indicators computed from the same figures (one small class per family, e.g. Deals/, Leads/).
/// A family returns an outcome per slice group; the engine turns them into rows.
/// </summary>
internal abstract class IndicatorFamily
{
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>The table whose rows decide the indicator's slices.</summary>
    public virtual Source SourceOf(string name) => Source.Deals;

    /// <summary>Other tables the indicator reads under the same slicing (a ratio of two tables): each must carry the slice.</summary>
    public virtual IReadOnlyList<Source> AlsoReads(string name) => [];

    public virtual Timing TimingOf(string name) => Timing.Flow;

    /// <summary>Dimensions the indicator is always broken down by, whatever the query asks (vertical_trend: vertical).</summary>
    public virtual IReadOnlyList<Dimension>? FixedBy(string name) => null;

    /// <summary>
    /// Whether a filter on a dimension the indicator's own table does not carry narrows only the tables that carry it
    /// (hiring under <c>type=new_business</c>: the new-business deals, and the reps who sell them), rather than making
    /// the indicator unsliceable.
    /// </summary>
    public virtual bool FiltersWhereCarried(string name) => false;

    public abstract Outcome[] Compute(string name, Scope scope);
}
