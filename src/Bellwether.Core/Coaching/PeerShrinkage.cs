namespace Bellwether.Core.Coaching;

/// <summary>One rep's raw figure for a metric and how noisy it is: a win rate over 3 deals is mostly luck.</summary>
/// <param name="Value">The rep's own estimate (win rate, mean deal size, mean cycle, activities per working day).</param>
/// <param name="Noise">Its sampling variance: how far it would wander from the rep's true level by chance alone.</param>
/// <param name="Sample">What it is over (deals, won deals, working days), for the reason a person reads.</param>
internal readonly record struct Observation(double Value, double Noise, int Sample);

/// <summary>
/// Empirical Bayes across a peer group: the peers' pooled level μ, the spread of their true levels τ (method of moments:
/// the observed spread around μ less the average sampling noise, never below 0), and each rep's estimate shrunk toward
/// μ by how noisy it is — a rep with few deals stays near the team, a rep with many keeps their own figure.
/// </summary>
internal sealed class PeerShrinkage
{
    private PeerShrinkage(double mean, double spread)
    {
        Mean = mean;
        Spread = spread;
    }

    /// <summary>The peers' pooled level μ.</summary>
    public double Mean { get; }

    /// <summary>τ: the standard deviation of the peers' true levels (0 when chance explains all their differences).</summary>
    public double Spread { get; }

    /// <summary>
    /// Normal-normal: τ² = max(0, mean (y − μ)² − mean noise); a rep's shrunk level is μ + B (y − μ), B = τ² / (τ² + noise).
    /// </summary>
    public static PeerShrinkage Fit(double pooledMean, IReadOnlyList<Observation> peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var spread = peers.Count == 0 ? 0 : peers.Average(p => (p.Value - pooledMean) * (p.Value - pooledMean));
        var noise = peers.Count == 0 ? 0 : peers.Average(p => p.Noise);
        return new PeerShrinkage(pooledMean, Math.Sqrt(Math.Max(0, spread - noise)));
    }

    /// <summary>The rep's level shrunk toward the peers' (normal-normal).</summary>
    public double Shrunk(Observation rep)
    {
        var between = Spread * Spread;
        if (between == 0)
        {
            return Mean;
        }

        return Mean + (between / (between + rep.Noise) * (rep.Value - Mean));
    }

    /// <summary>The standard deviation of the rep's true level around <see cref="Shrunk"/> (normal-normal posterior).</summary>
    public double Uncertainty(Observation rep)
    {
        var between = Spread * Spread;
        return between == 0 ? 0 : Math.Sqrt(between * rep.Noise / (between + rep.Noise));
    }

    /// <summary>The standard deviation of the rep's true win rate around <see cref="ShrunkRate"/> (beta posterior).</summary>
    public double RateUncertainty(int won, int deals)
    {
        var between = Spread * Spread;
        if (between == 0)
        {
            return 0;
        }

        var kappa = Math.Max(0, (Mean * (1 - Mean) / between) - 1);
        var rate = ShrunkRate(won, deals);
        return Math.Sqrt(rate * (1 - rate) / (deals + kappa + 1));
    }

    /// <summary>
    /// A win rate shrunk by the beta-binomial: the peers' true rates drawn from Beta(κμ, κ(1 − μ)) with κ = μ(1 − μ)/τ² − 1
    /// (method of moments), so the rep's rate is (won + κμ) / (deals + κ): κ pseudo-deals at the team's rate.
    /// </summary>
    public double ShrunkRate(int won, int deals)
    {
        var between = Spread * Spread;
        if (between == 0)
        {
            return Mean;
        }

        var kappa = Math.Max(0, (Mean * (1 - Mean) / between) - 1);
        return (won + (kappa * Mean)) / (deals + kappa);
    }
}
