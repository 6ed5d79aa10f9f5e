namespace Bellwether.Core.Scenarios;

/// <summary>The slice creates <see cref="Relative"/> more new deals per day (−0.2: 20% fewer) on days inside [From, To).</summary>
public sealed record NewPipelineChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "new_pipeline";

    public override string Describe() => $"new_pipeline {Percent(Relative)}{Where()}{When()}";
}
