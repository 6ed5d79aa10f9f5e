namespace Bellwether.Core.Clients;

/// <summary>Where a client's churn risk puts it, against the average client's (the base rate).</summary>
public enum HealthBand
{
    /// <summary>Less likely to churn than the average client.</summary>
    Healthy,

    /// <summary>Up to twice as likely as the average client.</summary>
    Watch,

    /// <summary>At least twice as likely as the average client.</summary>
    AtRisk,
}

/// <summary>
/// One client's health as of an instant: the chance that it has no revenue in the next three months although it had
/// some in the last three months over, the revenue that would go, and the reasons in words, largest first.
/// </summary>
public sealed record ClientRisk
{
    public required string AccountId { get; init; }

    /// <summary>The account's name (its id where it has none).</summary>
    public required string Name { get; init; }

    /// <summary>The chance (0–1) of no revenue in the three months after the last month over.</summary>
    public required double ChurnRisk { get; init; }

    /// <summary>0–100: 100 × (1 − <see cref="ChurnRisk"/>), rounded; what a dashboard shows as the health score.</summary>
    public int Health => (int)Math.Round(100 * (1 - ChurnRisk), MidpointRounding.AwayFromZero);

    public required HealthBand Band { get; init; }

    /// <summary>Revenue of the last three months over, in the reporting currency: a quarter's revenue churn would take.</summary>
    public required decimal RevenueAtStake { get; init; }

    /// <summary>What raises the risk most, in words with the figures behind them ("no QBR in 210 days").</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
