using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>Stage names by code, with the probability stages.csv gives each (NaN where it gives none).</summary>
internal sealed class StageBook
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<double> _probability = [];

    public StageBook(IReadOnlyList<Stage> stages)
    {
        foreach (var stage in stages)
        {
            var code = Code(stage.Name);
            _probability[code] = stage.Probability ?? double.NaN;
        }
    }

    public int Count => _names.Count;

    public int Code(string name)
    {
        if (!_codes.TryGetValue(name, out var code))
        {
            code = _names.Count;
            _codes.Add(name, code);
            _names.Add(name);
            _probability.Add(double.NaN);
        }

        return code;
    }

    public string Name(int code) => _names[code];

    /// <summary>stages.csv's probability for the stage, or NaN.</summary>
    public double Probability(int code) => _probability[code];
}
