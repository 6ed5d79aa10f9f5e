using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// One way of slicing a forecast (0–2 dimensions and a fixed filter): each deal's group, and each creation atom's
/// groups with weights (exact on the dimensions an atom has, shared out by its templates on the others). Group numbers
/// are assigned as groups are met; <see cref="Slice"/> names them.
/// </summary>
internal sealed class Slicer
{
    private readonly FittedParts _model;
    private readonly Dimension[] _by;
    private readonly KeyValuePair<Dimension, string>[] _filter;
    private readonly Dictionary<string, int> _groups = new(StringComparer.Ordinal);
    private readonly List<string[]> _values = [];
    private readonly int[] _ofDeal;

    public Slicer(FittedParts model, IReadOnlyList<Dimension> by, IReadOnlyDictionary<Dimension, string> filter)
    {
        _model = model;
        _by = [.. by];
        _filter = [.. filter.OrderBy(f => f.Key)];
        if (_by.Length > 2 || _by.Distinct().Count() != _by.Length)
        {
            throw new ArgumentException("A forecast is sliced by at most two different dimensions.", nameof(by));
        }

        var unsliceable = _by.Concat(_filter.Select(f => f.Key)).Where(d => model.Facts.Codes(d) is null).ToList();
        if (unsliceable.Count > 0)
        {
            CannotSlice = $"deals cannot be sliced by {SnakeCase.Name(unsliceable[0])}";
            _ofDeal = [];
            return;
        }

        if (_by.Length == 0)
        {
            Group([]);
        }

        var facts = model.Facts;
        _ofDeal = new int[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            _ofDeal[i] = _filter.All(f => facts.Value(f.Key, i) == f.Value)
                ? Group([.. _by.Select(d => facts.Value(d, i))])
                : -1;
        }
    }

    /// <summary>Why this slicing cannot be done, or null.</summary>
    public string? CannotSlice { get; }

    public int Groups => _values.Count;

    public IReadOnlyList<Dimension> By => _by;

    public IReadOnlyList<KeyValuePair<Dimension, string>> Filter => _filter;

    /// <summary>The dimensions this slicing breaks down by or filters on.</summary>
    public IReadOnlyList<Dimension> Uses => [.. _by, .. _filter.Select(f => f.Key)];

    public int OfDeal(int deal) => _ofDeal[deal];

    /// <summary>The groups an atom's wins fall in, with the share of each (summing to the share inside the filter).</summary>
    public IReadOnlyList<(int Group, double Weight)> OfAtom(AtomPlan atom)
    {
        foreach (var (dimension, value) in _filter)
        {
            if (AtomPlan.Exact(dimension) && atom.Value(dimension) != value)
            {
                return [];
            }
        }

        var templated = _by.Where(d => !AtomPlan.Exact(d)).ToArray();
        var filtered = _filter.Where(f => !AtomPlan.Exact(f.Key)).ToArray();
        if (templated.Length == 0 && filtered.Length == 0)
        {
            return [(Group([.. _by.Select(atom.Value)]), 1.0)];
        }

        var facts = _model.Facts;
        var weights = new Dictionary<int, double>();
        var total = 0.0;
        var templates = _model.Templates(atom.Atom.Stream);
        foreach (var (deal, weight) in templates)
        {
            total += weight;
            if (filtered.All(f => facts.Value(f.Key, deal) == f.Value))
            {
                var g = Group([.. _by.Select(d => AtomPlan.Exact(d) ? atom.Value(d) : facts.Value(d, deal))]);
                weights[g] = weights.GetValueOrDefault(g) + weight;
            }
        }

        if (total <= 0)
        {
            // No wins of the kind to learn from: the atom's share dimensions are unknown.
            return filtered.All(f => f.Value == Levels.Unknown)
                ? [(Group([.. _by.Select(d => AtomPlan.Exact(d) ? atom.Value(d) : Levels.Unknown)]), 1.0)]
                : [];
        }

        return [.. weights.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value / total))];
    }

    /// <summary>
    /// Where an atom's wins fall when its groups come from its templates (a dimension the atom does not have, or a filter
    /// on one): each template's group (−1 outside the filter) and amount, so that each future gives each new win a
    /// template of its own (see <see cref="Simulator.Deals"/>). Null when the atom's group is exact, or it has no templates.
    /// </summary>
    public AtomSplit? SplitOf(AtomPlan atom)
    {
        if (_by.All(AtomPlan.Exact) && _filter.All(f => AtomPlan.Exact(f.Key)))
        {
            return null;
        }

        foreach (var (dimension, value) in _filter)
        {
            if (AtomPlan.Exact(dimension) && atom.Value(dimension) != value)
            {
                return null;
            }
        }

        var templates = _model.Templates(atom.Atom.Stream);
        if (templates.Length == 0)
        {
            return null;
        }

        var facts = _model.Facts;
        var groups = new int[templates.Length];
        var amounts = new double[templates.Length];
        for (var t = 0; t < templates.Length; t++)
        {
            var deal = templates[t].Deal;
            groups[t] = _filter.All(f => AtomPlan.Exact(f.Key) || facts.Value(f.Key, deal) == f.Value)
                ? Group([.. _by.Select(d => AtomPlan.Exact(d) ? atom.Value(d) : facts.Value(d, deal))])
                : -1;
            amounts[t] = templates[t].Weight;
        }

        var stream = atom.Atom.Stream;
        return new AtomSplit(groups, amounts, _model.TemplateCells(stream), (stream.Type * 64) + stream.Source);
    }

    /// <summary>The group of something whose dimension values the function gives (−1 when the filter excludes it).</summary>
    public int OfValues(Func<Dimension, string> valueOf)
    {
        foreach (var (dimension, value) in _filter)
        {
            if (valueOf(dimension) != value)
            {
                return -1;
            }
        }

        return Group([.. _by.Select(valueOf)]);
    }

    /// <summary>The slice a group stands for, filter included, in the dimensions' order.</summary>
    public IReadOnlyDictionary<string, string> Slice(int group)
    {
        var parts = _filter.Select(f => (f.Key, f.Value)).Concat(_by.Select((d, k) => (d, _values[group][k])));
        var slice = new Dictionary<string, string>();
        foreach (var (dimension, value) in parts.OrderBy(p => p.Item1))
        {
            slice[SnakeCase.Name(dimension)] = value;
        }

        return slice;
    }

    /// <summary>The group's value of one of the broken-down dimensions.</summary>
    public string ValueOf(int group, Dimension dimension) => _values[group][Array.IndexOf(_by, dimension)];

    private int Group(string[] values)
    {
        var key = string.Join('\u001f', values);
        if (!_groups.TryGetValue(key, out var g))
        {
            g = _values.Count;
            _groups[key] = g;
            _values.Add(values);
        }

        return g;
    }
}

/// <summary>
/// An atom's templates, each with the group its wins fall in under a slicing (−1: outside its filter) and its amount;
/// the templates grouped in cells of one vertical and service line (the same in every slicing), and the atom's stream.
/// </summary>
internal sealed record AtomSplit(int[] Groups, double[] Amounts, int[][] Cells, int Stream);
