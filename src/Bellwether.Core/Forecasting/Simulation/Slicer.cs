using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<(int Type, int Source), TemplateKinds> _kinds = new();

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

        // Codes, not words, deal by deal: a forecast at a million deals places every deal in its group before it draws,
        // and doing so by each deal's words cost a tenth of a second per call. A group is still numbered when its first
        // deal is met, in deal order, as before.
        var facts = model.Facts;
        var filterColumns = _filter.Select(f => facts.Column(f.Key)).ToArray();
        var filterMatch = _filter.Select(f =>
        {
            var levels = facts.LevelsOf(f.Key);
            return Enumerable.Range(0, levels.Count).Select(c => levels.Value(c) == f.Value).ToArray();
        }).ToArray();
        var byColumns = _by.Select(facts.Column).ToArray();
        var byLevels = _by.Select(facts.LevelsOf).ToArray();
        var known = new Dictionary<long, int>();
        var whole = _by.Length == 0 ? Group([]) : -1;
        _ofDeal = new int[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var inside = true;
            for (var f = 0; f < filterColumns.Length && inside; f++)
            {
                var code = filterColumns[f][i];
                inside = code < filterMatch[f].Length ? filterMatch[f][code] : facts.Value(_filter[f].Key, i) == _filter[f].Value;
            }

            if (!inside)
            {
                _ofDeal[i] = -1;
                continue;
            }

            if (_by.Length == 0)
            {
                _ofDeal[i] = whole;
                continue;
            }

            var key = _by.Length == 1 ? byColumns[0][i] : ((long)byColumns[0][i] << 32) | (uint)byColumns[1][i];
            if (!known.TryGetValue(key, out var group))
            {
                group = Group([.. byLevels.Select((levels, d) => levels.Value(byColumns[d][i]))]);
                known[key] = group;
            }

            _ofDeal[i] = group;
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
        if (!InsideExactFilter(atom))
        {
            return [];
        }

        if (Exact)
        {
            return [(Group([.. _by.Select(atom.Value)]), 1.0)];
        }

        var kinds = KindsOf(atom.Atom.Stream);
        if (kinds.Total <= 0)
        {
            // No wins of the kind to learn from: the atom's share dimensions are unknown.
            return _filter.Where(f => !AtomPlan.Exact(f.Key)).All(f => f.Value == Levels.Unknown)
                ? [(Group([.. _by.Select(d => AtomPlan.Exact(d) ? atom.Value(d) : Levels.Unknown)]), 1.0)]
                : [];
        }

        var groups = GroupsOf(atom, kinds);
        var weights = new Dictionary<int, double>();
        for (var k = 0; k < groups.Length; k++)
        {
            if (groups[k] >= 0)
            {
                weights[groups[k]] = weights.GetValueOrDefault(groups[k]) + kinds.Weight[k];
            }
        }

        return [.. weights.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value / kinds.Total))];
    }

    /// <summary>
    /// Where an atom's wins fall when its groups come from its templates (a dimension the atom does not have, or a filter
    /// on one): each template's kind and each kind's group (−1 outside the filter), and the templates' amounts, so that
    /// each future gives each new win a template of its own (see <see cref="Simulator.Deals"/>). Null when the atom's
    /// group is exact, or it has no templates.
    /// </summary>
    public AtomSplit? SplitOf(AtomPlan atom)
    {
        if (Exact || !InsideExactFilter(atom))
        {
            return null;
        }

        var stream = atom.Atom.Stream;
        var kinds = KindsOf(stream);
        return kinds.KindOf.Length == 0
            ? null
            : new AtomSplit(kinds.KindOf, GroupsOf(atom, kinds), kinds.Amounts, _model.TemplateCells(stream), (stream.Type * 64) + stream.Source);
    }

    /// <summary>Whether the slicing needs nothing an atom does not say exactly (its rep and theirs, type, source).</summary>
    private bool Exact => _by.All(AtomPlan.Exact) && _filter.All(f => AtomPlan.Exact(f.Key));

    private bool InsideExactFilter(AtomPlan atom) => _filter.All(f => !AtomPlan.Exact(f.Key) || atom.Value(f.Key) == f.Value);

    /// <summary>Each kind's group for an atom: its exact values with the kind's, or −1 where the kind is outside the filter.</summary>
    private int[] GroupsOf(AtomPlan atom, TemplateKinds kinds) =>
        [.. kinds.Values.Select((values, k) => kinds.Inside[k]
            ? Group([.. _by.Select((d, j) => AtomPlan.Exact(d) ? atom.Value(d) : values[j])])
            : -1)];

    /// <summary>
    /// A stream's templates sorted into kinds — one per distinct set of values of the dimensions this slicing takes from
    /// templates — once per stream, so that each of its atoms (one per rep) only names the groups of a few kinds.
    /// </summary>
    private TemplateKinds KindsOf(CreationStream stream) => _kinds.GetOrAdd((stream.Type, stream.Source), _ =>
    {
        var facts = _model.Facts;
        var templates = _model.Templates(stream);
        var filtered = _filter.Where(f => !AtomPlan.Exact(f.Key)).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<string[]>();
        var inside = new List<bool>();
        var weight = new List<double>();
        var kindOf = new int[templates.Length];
        for (var t = 0; t < templates.Length; t++)
        {
            var (deal, w) = templates[t];
            var own = _by.Select(d => AtomPlan.Exact(d) ? "" : facts.Value(d, deal)).ToArray();
            var pass = filtered.All(f => facts.Value(f.Key, deal) == f.Value);
            var key = string.Join('\u001f', own) + (pass ? "" : "\u001e");
            if (!index.TryGetValue(key, out var k))
            {
                k = values.Count;
                index[key] = k;
                values.Add(own);
                inside.Add(pass);
                weight.Add(0);
            }

            kindOf[t] = k;
            weight[k] += w;
        }

        return new TemplateKinds(kindOf, [.. values], [.. inside], [.. weight], templates.Sum(x => x.Weight), [.. templates.Select(x => x.Weight)]);
    });

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
/// An atom's templates under a slicing: each template's kind (<see cref="Slicer"/>), each kind's group (−1: outside
/// the filter), each template's amount; the templates in cells of one vertical and service line (the same in every
/// slicing), and the atom's stream.
/// </summary>
internal sealed record AtomSplit(int[] KindOf, int[] GroupOfKind, double[] Amounts, int[][] Cells, int Stream)
{
    public int GroupOf(int template) => GroupOfKind[KindOf[template]];
}

/// <summary>A stream's templates by kind: each template's kind, each kind's values (by the slicing's dimensions, blank
/// where exact), whether it is inside the filter, its summed weight; all templates' weight, and each one's.</summary>
internal sealed record TemplateKinds(int[] KindOf, string[][] Values, bool[] Inside, double[] Weight, double Total, double[] Amounts);
