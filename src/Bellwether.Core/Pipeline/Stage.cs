namespace Bellwether.Core.Pipeline;

/// <summary>
/// A pipeline stage (stages.csv). Validated as it is built: a non-blank name, an order never negative, a probability
/// from 0 to 1.
/// </summary>
public sealed record Stage
{
    public required string Name { get; init => field = Guard.NotBlank(value); }

    /// <summary>1 = earliest.</summary>
    public required int Order { get; init => field = Guard.NotNegative(value); }

    /// <summary>The CRM's default win probability for the stage, 0–1.</summary>
    public double? Probability { get; init => field = Guard.Probability(value); }
}
