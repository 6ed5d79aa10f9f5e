namespace Bellwether.Core.Indicators.Finance;

/// <summary>
/// Two sums (now and before) per key in a key space [0, size): dense arrays when the space is small enough, a
/// dictionary otherwise. <see cref="All"/> gives the keys with any value in ascending order.
/// </summary>
internal sealed class GroupedSums
{
    private const long DenseLimit = 1 << 22;

    private readonly decimal[]? _now;
    private readonly decimal[]? _before;
    private readonly bool[]? _touched;
    private readonly Dictionary<long, (decimal Now, decimal Before)>? _sparse;

    public GroupedSums(long size)
    {
        if (size <= DenseLimit)
        {
            _now = new decimal[size];
            _before = new decimal[size];
            _touched = new bool[size];
        }
        else
        {
            _sparse = [];
        }
    }

    public void Add(long key, bool now, decimal amount)
    {
        if (_sparse is not null)
        {
            var sums = _sparse.GetValueOrDefault(key);
            _sparse[key] = now ? (sums.Now + amount, sums.Before) : (sums.Now, sums.Before + amount);
            return;
        }

        _touched![key] = true;
        if (now)
        {
            _now![key] += amount;
        }
        else
        {
            _before![key] += amount;
        }
    }

    public IEnumerable<(long Key, (decimal Now, decimal Before) Sums)> All()
    {
        if (_sparse is not null)
        {
            foreach (var key in _sparse.Keys.Order())
            {
                yield return (key, _sparse[key]);
            }

            yield break;
        }

        for (long key = 0; key < _touched!.Length; key++)
        {
            if (_touched[key])
            {
                yield return (key, (_now![key], _before![key]));
            }
        }
    }
}
