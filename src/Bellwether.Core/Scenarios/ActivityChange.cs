namespace Bellwether.Core.Scenarios;

/// <summary>
/// The slice's reps log <see cref="Relative"/> more activities on days inside [From, To). Acts on the pipeline reps
/// create themselves (outbound and unsourced) through the elasticity of deal creation to activity learned from
/// activities.csv (rep-months, within each rep); without activities.csv it changes nothing.
/// </summary>
public sealed record ActivityChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "activity";

    public override string Describe() => $"activity {Percent(Relative)}{Where()}{When()}";
}
