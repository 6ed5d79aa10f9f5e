namespace Bellwether.Core.Demo;

/// <summary>
/// A recurring service line's clients leave more often: a renewal of the line whose contract's last month falls inside
/// the shock's span is lost at each step <see cref="LossFactor"/> times as often (2 doubles it). Renewals are decided in
/// the weeks before the term ends, so the span names the months the contracts end in; a lost renewal's revenue stops
/// after that last month.
/// </summary>
public sealed record ChurnShock : DemoShock
{
    /// <summary>The service line's name as the demo writes it (<c>managed_services</c>, <c>support_retainer</c>).</summary>
    public required string ServiceLine { get; init; }

    /// <summary>At least 1: what each step's chance of losing the renewal is multiplied by.</summary>
    public double LossFactor { get; init; } = 2;

    internal override void Validate()
    {
        base.Validate();
        if (!CompanyModel.ServiceLines.Any(l => l.Name == ServiceLine && l.Recurring))
        {
            throw new ArgumentOutOfRangeException(nameof(ServiceLine), ServiceLine, $"Only recurring lines renew: {string.Join(", ", CompanyModel.ServiceLines.Where(l => l.Recurring).Select(l => l.Name))}.");
        }

        if (LossFactor is < 1 or > 100 || double.IsNaN(LossFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(LossFactor), LossFactor, "The loss factor is from 1 to 100.");
        }
    }
}
