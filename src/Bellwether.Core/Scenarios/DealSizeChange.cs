namespace Bellwether.Core.Scenarios;

/// <summary>Deals of the slice book <see cref="Relative"/> more (−0.1: 10% less) when won.</summary>
public sealed record DealSizeChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "deal_size";

    [System.Text.Json.Serialization.JsonIgnore]
    public override bool Timed => false;

    public override string Describe() => $"deal_size {Percent(Relative)}{Where()}";
}
