namespace Bellwether.Core.Plans;

/// <summary>What a plan says for its key: the target and the person accountable for it.</summary>
public sealed record PlanTerms
{
    /// <summary>In the metric's unit (money in the company's currency, ratios as fractions); may be negative.</summary>
    public required decimal Target { get; init; }

    public required string Owner { get; init => field = Guard.NotBlank(value); }

    public static PlanTerms Of(PlanLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new PlanTerms { Target = line.Target, Owner = line.Owner };
    }
}
