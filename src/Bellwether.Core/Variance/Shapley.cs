namespace Bellwether.Core.Variance;

/// <summary>
/// Exact Shapley values of a set function over a few players: each player's contribution is its marginal change
/// averaged over every order in which the players could switch from their comparison value to their actual value.
/// They always add up to v(all) − v(none), whatever the function (products, ratios, zeros), which is why every driver
/// split of <c>explain</c> uses them (docs/variance.md).
/// </summary>
internal static class Shapley
{
    /// <summary>More players than this would take 2^n evaluations; no identity of explain has as many.</summary>
    public const int MaxPlayers = 16;

    /// <summary>
    /// The Shapley value of each of <paramref name="players"/> players of <paramref name="value"/>, a function of the
    /// set of players switched on (bit i set: player i takes its actual value).
    /// </summary>
    public static decimal[] Values(int players, Func<int, decimal> value)
    {
        if (players is < 0 or > MaxPlayers)
        {
            throw new ArgumentOutOfRangeException(nameof(players), players, $"Shapley values here are for 0 to {MaxPlayers} players.");
        }

        var subsets = 1 << players;
        var v = new decimal[subsets];
        for (var s = 0; s < subsets; s++)
        {
            v[s] = value(s);
        }

        // weight[k] = k! (n − k − 1)! / n!: the share of orders in which a player comes right after a given set of k others.
        var weight = new decimal[Math.Max(players, 1)];
        for (var k = 0; k < players; k++)
        {
            weight[k] = 1m / (players * Binomial(players - 1, k));
        }

        var result = new decimal[players];
        for (var i = 0; i < players; i++)
        {
            var bit = 1 << i;
            var sum = 0m;
            for (var s = 0; s < subsets; s++)
            {
                if ((s & bit) == 0)
                {
                    sum += weight[System.Numerics.BitOperations.PopCount((uint)s)] * (v[s | bit] - v[s]);
                }
            }

            result[i] = sum;
        }

        return result;
    }

    private static decimal Binomial(int n, int k)
    {
        var result = 1m;
        for (var j = 1; j <= k; j++)
        {
            result = result * (n - k + j) / j;
        }

        return result;
    }
}
