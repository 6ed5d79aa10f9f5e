namespace Bellwether.Core.Scenarios;

/// <summary>
/// Inbound lead volume changes by <see cref="Relative"/> (−0.4: 40% fewer) for leads created inside [From, To): inbound
/// deals are created fewer in proportion, after the median lag from lead to deal that leads.csv shows.
/// </summary>
public sealed record InboundLeadsChange : DriverChange
{
    public required double Relative { get; init; }

    public override string Kind => "inbound_leads";

    public override string Describe() => $"inbound_leads {Percent(Relative)}{Where()}{When()}";
}
