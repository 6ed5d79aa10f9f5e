namespace Bellwether.Core.Variance;

/// <summary>
/// Rounds parts to a resolution (a cent, a millionth of a ratio) so that they add up exactly to a total already at that
/// resolution: each part is rounded down, and the units left over go to the parts with the largest remainders (taken
/// from the smallest when the parts overshoot). This is how contributions sum to the gap to the cent.
/// </summary>
internal static class Apportion
{
    public static decimal[] ToTotal(IReadOnlyList<decimal> parts, decimal total, decimal resolution)
    {
        var result = new decimal[parts.Count];
        if (parts.Count == 0)
        {
            return result;
        }

        var remainders = new decimal[parts.Count];
        var sum = 0m;
        for (var i = 0; i < parts.Count; i++)
        {
            var units = Math.Floor(parts[i] / resolution);
            result[i] = units * resolution;
            remainders[i] = parts[i] - result[i];
            sum += result[i];
        }

        var left = (long)Math.Round((total - sum) / resolution, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, parts.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        if (left >= 0)
        {
            for (var k = 0; k < left; k++)
            {
                result[order[k % order.Length]] += resolution;
            }
        }
        else
        {
            for (var k = 0; k < -left; k++)
            {
                result[order[order.Length - 1 - (k % order.Length)]] -= resolution;
            }
        }

        return result;
    }

    /// <summary>A value rounded to the resolution (half away from zero).</summary>
    public static decimal Round(decimal value, decimal resolution) =>
        Math.Round(value / resolution, MidpointRounding.AwayFromZero) * resolution;
}
