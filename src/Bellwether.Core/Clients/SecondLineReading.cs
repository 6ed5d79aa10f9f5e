namespace Bellwether.Core.Clients;

/// <summary>
/// Every single-line client's propensity to buy a second service line as of an instant, likeliest first, from a model
/// fitted only on what was known then; or, when it cannot be read, why not.
/// </summary>
public sealed record SecondLineReading
{
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The clients whose revenue of the last three months came from one service line, likeliest first.</summary>
    public IReadOnlyList<ExpansionCandidate> Clients { get; init; } = [];

    /// <summary>The share of single-line clients that added a line in the training snapshots.</summary>
    public double BaseRate { get; init; }

    public int TrainingSnapshots { get; init; }

    public int TrainingRows { get; init; }

    public int TrainingBuyers { get; init; }

    public string? MissingReason { get; init; }

    /// <summary>The top tenth of the ranking: the clients an owner should call first (the set the backtest measures).</summary>
    public IReadOnlyList<ExpansionCandidate> TopTenth => [.. Clients.Take((Clients.Count + 9) / 10)];
}
