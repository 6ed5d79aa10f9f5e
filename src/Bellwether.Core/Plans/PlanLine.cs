namespace Bellwether.Core.Plans;

public enum Pillar
{
    NewBusiness,
    Retention,
    Expansion,
    CostModel,
}

/// <summary>One target of one pillar's plan (plans.csv).</summary>
public sealed record PlanLine
{
    public required Pillar Pillar { get; init; }

    /// <summary>An indicator's name, e.g. bookings, grr, operating_margin.</summary>
    public required string Metric { get; init; }

    /// <summary>The period label, read with the company's fiscal calendar.</summary>
    public required string Period { get; init; }

    /// <summary>May be negative: an operating margin can be planned below zero.</summary>
    public required decimal Target { get; init; }

    /// <summary>The person accountable, e.g. President, COO, CFO.</summary>
    public required string Owner { get; init; }

    /// <summary>Dimension → value; empty for the whole company.</summary>
    public IReadOnlyDictionary<string, string> Slice { get; init; } = new Dictionary<string, string>();
}
