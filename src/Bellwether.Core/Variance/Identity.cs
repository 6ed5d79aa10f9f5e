namespace Bellwether.Core.Variance;

/// <summary>A factor of an identity's term: one driver's value at the comparison (<see cref="From"/>) and at the actual (<see cref="To"/>).</summary>
internal readonly record struct Factor(string Driver, decimal From, decimal To);

/// <summary>
/// One slice's metric written as a sum of products of driver factors — bookings = Σ over origins of pipeline × share
/// closed × win rate × deal size; a margin = 1 − Σ costs × (1 / revenue) — once with every driver at its comparison
/// value and once at its actual value. Its contributions are the drivers' Shapley values: they add up exactly to
/// <see cref="To"/> − <see cref="From"/>.
/// </summary>
internal sealed class Identity : IIdentity
{
    private readonly List<(int Bit, decimal From, decimal To)[]> _terms = [];
    private readonly List<string> _drivers = [];

    /// <summary>The drivers met so far, in the order they were first met.</summary>
    public IReadOnlyList<string> Drivers => _drivers;

    /// <summary>Adds a term: the product of its factors.</summary>
    public Identity Add(params Factor[] factors)
    {
        var term = new (int Bit, decimal From, decimal To)[factors.Length];
        for (var i = 0; i < factors.Length; i++)
        {
            var index = _drivers.IndexOf(factors[i].Driver);
            if (index < 0)
            {
                index = _drivers.Count;
                _drivers.Add(factors[i].Driver);
            }

            term[i] = (1 << index, factors[i].From, factors[i].To);
        }

        _terms.Add(term);
        return this;
    }

    /// <summary>The metric with every driver at its comparison value.</summary>
    public decimal From => Value(0);

    /// <summary>The metric with every driver at its actual value.</summary>
    public decimal To => Value((1 << _drivers.Count) - 1);

    /// <summary>Each driver's Shapley value; they sum to <see cref="To"/> − <see cref="From"/>.</summary>
    public IReadOnlyDictionary<string, decimal> Contributions()
    {
        var values = Shapley.Values(_drivers.Count, Value);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        for (var i = 0; i < _drivers.Count; i++)
        {
            result[_drivers[i]] = values[i];
        }

        return result;
    }

    /// <summary>The metric with the drivers in <paramref name="switched"/> (bit i: driver i) at their actual values.</summary>
    private decimal Value(int switched)
    {
        var sum = 0m;
        foreach (var term in _terms)
        {
            var product = 1m;
            foreach (var (bit, from, to) in term)
            {
                product *= (switched & bit) != 0 ? to : from;
                if (product == 0)
                {
                    break;
                }
            }

            sum += product;
        }

        return sum;
    }
}
