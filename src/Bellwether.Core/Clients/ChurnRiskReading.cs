namespace Bellwether.Core.Clients;

/// <summary>
/// Every client's churn risk as of an instant, riskiest first, from a model fitted only on what was known then; or,
/// when it cannot be read (no revenue or engagement, too little history), why not.
/// </summary>
public sealed record ChurnRiskReading
{
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The clients (revenue in the last three months over), riskiest first; empty when <see cref="MissingReason"/> says why.</summary>
    public IReadOnlyList<ClientRisk> Clients { get; init; } = [];

    /// <summary>The share of clients that churned in the training snapshots: the average client's risk.</summary>
    public double BaseRate { get; init; }

    /// <summary>Monthly snapshots the model learned from, and the client-snapshots and churns in them.</summary>
    public int TrainingSnapshots { get; init; }

    public int TrainingRows { get; init; }

    public int TrainingChurns { get; init; }

    public string? MissingReason { get; init; }

    public IEnumerable<ClientRisk> AtRisk => Clients.Where(c => c.Band == HealthBand.AtRisk);
}
