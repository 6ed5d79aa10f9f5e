namespace Bellwether.Core.Variance;

/// <summary>
/// A metric that is no sum of products — a margin over the sum of several service lines' revenue — given as a function
/// of which drivers take their actual values. Shapley values split any such function exactly.
/// </summary>
internal sealed class FunctionIdentity(IReadOnlyList<string> drivers, Func<Func<string, bool>, decimal> value) : IIdentity
{
    public decimal From => value(_ => false);

    public decimal To => value(_ => true);

    public IReadOnlyDictionary<string, decimal> Contributions()
    {
        var index = drivers.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var values = Shapley.Values(drivers.Count, set => value(d => (set & (1 << index[d])) != 0));
        return drivers.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => values[x.i], StringComparer.Ordinal);
    }
}
