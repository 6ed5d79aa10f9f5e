namespace Bellwether.Core.Clients;

/// <summary>
/// A client buying one service line, and how much it looks like the clients that went on to buy a second: the chance
/// that revenue from another line starts within three months, the line it would most likely be, and why.
/// </summary>
public sealed record ExpansionCandidate
{
    public required string AccountId { get; init; }

    /// <summary>The account's name (its id where it has none).</summary>
    public required string Name { get; init; }

    /// <summary>The chance (0–1) of revenue from a second service line in the three months after the last month over.</summary>
    public required double Propensity { get; init; }

    /// <summary>The one line the client buys now.</summary>
    public required string CurrentLine { get; init; }

    /// <summary>The line clients of <see cref="CurrentLine"/> most often added; null when none is known.</summary>
    public string? LikelyNextLine { get; init; }

    /// <summary>The share of clients of <see cref="CurrentLine"/> that added a line and chose <see cref="LikelyNextLine"/>.</summary>
    public double? LikelyNextShare { get; init; }

    /// <summary>Lines other than <see cref="CurrentLine"/> with a new-business or expansion deal open now: a second line already in play.</summary>
    public IReadOnlyList<string> OpenDealLines { get; init; } = [];

    /// <summary>Revenue of the last three months over, in the reporting currency.</summary>
    public required decimal Revenue { get; init; }

    /// <summary>What makes it look most like the clients that bought a second line, in words.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
