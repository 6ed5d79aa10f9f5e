namespace Bellwether.Core.Scenarios;

/// <summary>
/// Deals of the slice take <see cref="Relative"/> longer to close (+0.2: a fifth longer): every stage's hazards are
/// divided by 1 + Relative, so the same deals are won and lost, later.
/// </summary>
public sealed record CycleLengthChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "cycle_length";

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool Timed => false;

    public override string Describe() => $"cycle_length {Percent(Relative)}{Where()}";
}
