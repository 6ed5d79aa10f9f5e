namespace Bellwether.Core.Demo;

/// <summary>Inbound demand changes: while the shock lasts, inbound leads arrive at <see cref="Factor"/> times their rate (0.6 is 40% fewer).</summary>
public sealed record InboundLeadShock : DemoShock
{
    /// <summary>What the inbound lead rate is multiplied by; 0.6 means 40% fewer leads.</summary>
    public required double Factor { get; init; }

    internal override void Validate()
    {
        base.Validate();
        if (Factor is < 0 or > 10 || double.IsNaN(Factor))
        {
            throw new ArgumentOutOfRangeException(nameof(Factor), Factor, "The inbound factor is from 0 to 10.");
        }
    }
}
