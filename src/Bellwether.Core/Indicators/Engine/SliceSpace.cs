using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// One way of slicing (0–2 dimensions to break down by, and a fixed filter), laid over every table at once: each table
/// row gets a group number (−1 when the filter excludes it), and group numbers mean the same slice in every table, so
/// a ratio of two tables (activities over rep working days) is a division of two arrays. Built once per slicing and
/// cached by the engine. A slicing that <see cref="FiltersWhereCarried"/> applies each filter dimension only to the
/// tables that carry it: under <c>type=new_business</c> the deals are narrowed while every rep stays, which is how the
/// capacity indicators read a plan's deal-only slice (see the Indicators README).
/// </summary>
internal sealed class SliceSpace
{
    private const int DenseLimit = 1 << 22;

    private readonly PreparedData _data;
    private readonly Dimension[] _by;
    private readonly (Dimension Dimension, string Value, int Code)[] _filter;
    private readonly long _secondCardinality;
    private readonly int[]? _dense;
    private readonly Dictionary<long, int>? _sparse;
    private readonly List<long> _keys = [];
    private readonly Dictionary<Source, GroupMap> _maps = [];
    private readonly IReadOnlyDictionary<string, string>[] _slices;
    private int[]? _displayOrder;

    public SliceSpace(PreparedData data, IReadOnlyList<Dimension> by, IReadOnlyDictionary<Dimension, string> filter, bool filtersWhereCarried = false)
    {
        _data = data;
        FiltersWhereCarried = filtersWhereCarried;
        _by = [.. by];
        _filter = [.. filter.OrderBy(f => f.Key).Select(f => (f.Key, f.Value, data.Book.TryFind(f.Key, f.Value, out var code) ? code : -1))];
        if (_by.Length > 2 || _by.Distinct().Count() != _by.Length)
        {
            throw new ArgumentException("An indicator is sliced by at most two different dimensions.", nameof(by));
        }

        _secondCardinality = _by.Length == 2 ? data.Book.Cardinality(_by[1]) : 1;
        var product = _by.Aggregate(1L, (p, d) => p * Math.Max(1, data.Book.Cardinality(d)));
        if (product <= DenseLimit)
        {
            _dense = new int[product];
            Array.Fill(_dense, -1);
        }
        else
        {
            _sparse = [];
        }

        if (_by.Length == 0)
        {
            _keys.Add(0);
        }

        foreach (var source in Enum.GetValues<Source>())
        {
            _maps[source] = Build(data.Columns(source));
        }

        GroupCount = _keys.Count;
        foreach (var map in _maps.Values)
        {
            map.Seal(GroupCount, overall: _by.Length == 0);
        }

        _slices = new IReadOnlyDictionary<string, string>[GroupCount];
    }

    public IReadOnlyList<Dimension> By => _by;

    /// <summary>
    /// Whether a filter dimension a table does not carry leaves that table's rows unfiltered (they still carry every
    /// dimension broken down by); otherwise such a table cannot be sliced this way.
    /// </summary>
    public bool FiltersWhereCarried { get; }

    public int GroupCount { get; }

    public GroupMap Map(Source source) => _maps[source];

    /// <summary>
    /// The groups in the order their rows are shown: by value, dimension by dimension — enumerations (type, source,
    /// activity type) in their own order, everything else ordinal. Groups are numbered as rows are met, which depends on
    /// which tables were loaded and how their rows came; this order does not, so a command that loads only the tables
    /// it needs prints what the host serves, in the same order.
    /// </summary>
    public int[] DisplayOrder => _displayOrder ??= SortGroups();

    /// <summary>The slice a group stands for, filter included, keys in the dimensions' order (as SliceText writes them).</summary>
    public IReadOnlyDictionary<string, string> Slice(int group)
    {
        if (_slices[group] is { } cached)
        {
            return cached;
        }

        var parts = new List<(Dimension Dimension, string Value)>();
        parts.AddRange(_filter.Select(f => (f.Dimension, f.Value)));
        var key = _keys[group];
        if (_by.Length == 1)
        {
            parts.Add((_by[0], _data.Book.Value(_by[0], (int)key)));
        }
        else if (_by.Length == 2)
        {
            parts.Add((_by[0], _data.Book.Value(_by[0], (int)(key / _secondCardinality))));
            parts.Add((_by[1], _data.Book.Value(_by[1], (int)(key % _secondCardinality))));
        }

        var slice = new Dictionary<string, string>();
        foreach (var (dimension, value) in parts.OrderBy(p => p.Dimension))
        {
            slice[SnakeCase.Name(dimension)] = value;
        }

        return _slices[group] = slice;
    }

    private int[] SortGroups()
    {
        var order = new int[GroupCount];
        for (var g = 0; g < order.Length; g++)
        {
            order[g] = g;
        }

        if (_by.Length == 0)
        {
            return order;
        }

        var codes = new int[_by.Length][];
        for (var d = 0; d < _by.Length; d++)
        {
            codes[d] = new int[GroupCount];
        }

        for (var g = 0; g < GroupCount; g++)
        {
            var key = _keys[g];
            codes[0][g] = (int)(_by.Length == 2 ? key / _secondCardinality : key);
            if (_by.Length == 2)
            {
                codes[1][g] = (int)(key % _secondCardinality);
            }
        }

        int Compare(int d, int a, int b) => Codebook.IsEnumeration(_by[d])
            ? codes[d][a].CompareTo(codes[d][b])
            : string.CompareOrdinal(_data.Book.Value(_by[d], codes[d][a]), _data.Book.Value(_by[d], codes[d][b]));

        Array.Sort(order, (a, b) =>
        {
            var c = Compare(0, a, b);
            return c != 0 || _by.Length == 1 ? c : Compare(1, a, b);
        });
        return order;
    }

    private GroupMap Build(CodeColumns columns)
    {
        var filter = FiltersWhereCarried ? _filter.Where(f => columns[f.Dimension] is not null).ToArray() : _filter;
        foreach (var dimension in _by.Concat(filter.Select(f => f.Dimension)))
        {
            if (columns[dimension] is null)
            {
                return GroupMap.Unsliceable($"{columns.What} cannot be sliced by {SnakeCase.Name(dimension)}");
            }
        }

        var of = new int[columns.Rows];
        var filterColumns = filter.Select(f => (Column: columns[f.Dimension]!, f.Code)).ToArray();
        var first = _by.Length > 0 ? columns[_by[0]]! : null;
        var second = _by.Length > 1 ? columns[_by[1]]! : null;
        for (var row = 0; row < of.Length; row++)
        {
            var included = true;
            foreach (var (column, code) in filterColumns)
            {
                if (column[row] != code)
                {
                    included = false;
                    break;
                }
            }

            if (!included)
            {
                of[row] = -1;
                continue;
            }

            if (first is null)
            {
                of[row] = 0;
                continue;
            }

            var key = second is null ? first[row] : (first[row] * _secondCardinality) + second[row];
            of[row] = GroupOf(key);
        }

        return new GroupMap(of);
    }

    private int GroupOf(long key)
    {
        if (_dense is not null)
        {
            ref var slot = ref _dense[key];
            if (slot < 0)
            {
                slot = _keys.Count;
                _keys.Add(key);
            }

            return slot;
        }

        if (!_sparse!.TryGetValue(key, out var group))
        {
            group = _keys.Count;
            _sparse.Add(key, group);
            _keys.Add(key);
        }

        return group;
    }
}

/// <summary>The group of each row of one table under one slicing, and which groups the table's rows fall in.</summary>
internal sealed class GroupMap
{
    private readonly int[] _of;

    public GroupMap(int[] of) => _of = of;

    private GroupMap(string reason)
    {
        _of = [];
        CannotSlice = reason;
    }

    /// <summary>Row → group, −1 where the filter excludes the row.</summary>
    public int[] Of => _of;

    /// <summary>Why the table cannot be sliced this way (it does not carry a dimension), or null.</summary>
    public string? CannotSlice { get; }

    /// <summary>Groups that at least one row of the table falls in: the slices an indicator of this table reports.</summary>
    public bool[] Present { get; private set; } = [];

    public static GroupMap Unsliceable(string reason) => new(reason);

    public void Seal(int groupCount, bool overall)
    {
        Present = new bool[groupCount];
        if (overall)
        {
            Present[0] = CannotSlice is null;
            return;
        }

        foreach (var g in _of)
        {
            if (g >= 0)
            {
                Present[g] = true;
            }
        }
    }
}
