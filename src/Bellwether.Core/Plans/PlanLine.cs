namespace Bellwether.Core.Plans;

public enum Pillar
{
    NewBusiness,
    Retention,
    Expansion,
    CostModel,
}

/// <summary>
/// One target of one pillar's plan (plans.csv). Validated as it is built: a defined pillar, non-blank metric, period and
/// owner, a slice that is not null. The target may be negative.
/// </summary>
public sealed record PlanLine
{
    public required Pillar Pillar { get; init => field = Guard.Defined(value); }

    /// <summary>An indicator's name, e.g. bookings, grr, operating_margin.</summary>
    public required string Metric { get; init => field = Guard.NotBlank(value); }

    /// <summary>The period label, read with the company's fiscal calendar.</summary>
    public required string Period { get; init => field = Guard.NotBlank(value); }

    /// <summary>May be negative: an operating margin can be planned below zero.</summary>
    public required decimal Target { get; init; }

    /// <summary>The person accountable, e.g. President, COO, CFO.</summary>
    public required string Owner { get; init => field = Guard.NotBlank(value); }

    /// <summary>Dimension → value; empty for the whole company.</summary>
    public IReadOnlyDictionary<string, string> Slice { get; init => field = Guard.NotNull(value); } = new Dictionary<string, string>();
}
