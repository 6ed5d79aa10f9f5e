using Bellwether.Core.Variance;

namespace Bellwether.Core.Tests.Variance;

/// <summary>The two pieces of arithmetic every explanation rests on, against values worked out by hand.</summary>
public sealed class ShapleyTests
{
    [Fact]
    public void ThreeFactors_ShareTheirInteractionsEvenly()
    {
        // f = a·b·c from (2, 3, 0) to (4, 3, 5): the comparison is 0 (c = 0), the actual 60.
        // a: orders give 0 unless c is already switched: with {c}: 4·3·5 − 2·3·5 = 30; with {b, c}: the same 30.
        //    Weights: |S| = 1 → 1/6, |S| = 2 → 1/3; a = 30/6 + 30/3 = 15. b never moves: 0. c: with {}: 2·3·5 = 30 (weight 1/3),
        //    with {a}: 4·3·5 = 60 (1/6), with {b}: 30 (1/6), with {a, b}: 60 (1/3); c = 10 + 10 + 5 + 20 = 45. 15 + 0 + 45 = 60.
        decimal[] from = [2, 3, 0], to = [4, 3, 5];
        decimal F(int set) => Enumerable.Range(0, 3).Aggregate(1m, (p, i) => p * ((set & (1 << i)) != 0 ? to[i] : from[i]));

        var values = Shapley.Values(3, F);

        Assert.Equal([15m, 0m, 45m], values.Select(v => Math.Round(v, 20)));
    }

    [Fact]
    public void ARatio_IsSplitExactlyToo()
    {
        // f = x / y from (6, 3) to (12, 4): 2 → 3. x: ½[(12/3 − 6/3) + (12/4 − 6/4)] = ½[2 + 1.5] = 1.75; y: ½[(6/4 − 6/3) + (12/4 − 12/3)] = −0.75.
        decimal[] from = [6, 3], to = [12, 4];
        decimal F(int set) => ((set & 1) != 0 ? to[0] : from[0]) / ((set & 2) != 0 ? to[1] : from[1]);

        var values = Shapley.Values(2, F);

        Assert.Equal(1.75m, Math.Round(values[0], 20));
        Assert.Equal(-0.75m, Math.Round(values[1], 20));
    }

    [Theory]
    [InlineData(new[] { "0.333333", "0.333333", "0.333334" }, "1.00", new[] { "0.33", "0.33", "0.34" })]
    [InlineData(new[] { "-1.005", "2.004", "0.001" }, "1.00", new[] { "-1.00", "2.00", "0.00" })]
    [InlineData(new[] { "-0.666", "-0.333", "-0.001" }, "-1.00", new[] { "-0.67", "-0.33", "0.00" })]
    [InlineData(new[] { "5", "-5" }, "0.00", new[] { "5.00", "-5.00" })]
    public void Apportion_RoundsToTheCent_AndAddsUpToTheTotal(string[] parts, string total, string[] expected)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var result = Apportion.ToTotal([.. parts.Select(D)], D(total), 0.01m);

        Assert.Equal(expected.Select(D), result);
        Assert.Equal(D(total), result.Sum());
    }
}
