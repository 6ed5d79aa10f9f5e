namespace Bellwether.Core.Pipeline;

/// <summary>A pipeline stage (stages.csv).</summary>
public sealed record Stage
{
    public required string Name { get; init; }

    /// <summary>1 = earliest.</summary>
    public required int Order { get; init; }

    /// <summary>The CRM's default win probability for the stage, 0–1.</summary>
    public double? Probability { get; init; }
}
