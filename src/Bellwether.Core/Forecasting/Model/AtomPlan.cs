using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// A creation atom as a projection runs it: the model's own (a stream's share for one rep), or a hire a scenario adds
/// (<see cref="Hire"/> set). Knows its value of the dimensions an atom has exactly: the rep and the rep's team, manager
/// and region, the type and the source.
/// </summary>
internal sealed record AtomPlan
{
    public required CreationAtom Atom { get; init; }

    public HirePlan? Hire { get; init; }

    public required string RepId { get; init; }

    public Rep? Rep { get; init; }

    public required string Type { get; init; }

    public required string Source { get; init; }

    /// <summary>Whether an atom's value of the dimension is exact (otherwise it is shared out by its templates).</summary>
    public static bool Exact(Dimension dimension) =>
        dimension is Dimension.Rep or Dimension.Team or Dimension.Manager or Dimension.RepRegion or Dimension.Type or Dimension.Source;

    public static AtomPlan Of(DealFacts facts, CreationAtom atom, HirePlan? hire = null, Rep? rep = null) => new()
    {
        Atom = atom,
        Hire = hire,
        Rep = rep ?? atom.Rep,
        RepId = (rep ?? atom.Rep)?.RepId ?? Levels.Unknown,
        Type = SnakeCase.Name((OpportunityType)atom.Stream.Type),
        Source = facts.LevelsOf(Dimension.Source).Value(atom.Stream.Source),
    };

    public string Value(Dimension dimension) => dimension switch
    {
        Dimension.Rep => RepId,
        Dimension.Team => Known(Rep?.Team),
        Dimension.Manager => Known(Rep?.ManagerId),
        Dimension.RepRegion => Known(Rep?.Region),
        Dimension.Type => Type,
        Dimension.Source => Source,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "An atom's value of this dimension comes from its templates."),
    };

    private static string Known(string? value) => string.IsNullOrWhiteSpace(value) ? Levels.Unknown : value;
}

/// <summary>A rep a scenario adds: from their start day their creation ramps up; nothing they create is won before <see cref="FirstWinDay"/>.</summary>
internal sealed record HirePlan(string Name, int StartDay, double RampDays, int FirstWinDay);
