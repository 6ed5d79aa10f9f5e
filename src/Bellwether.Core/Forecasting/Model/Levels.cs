namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Dictionary encoding of one attribute's values (reps, stages, verticals…): a value's code is its position. A missing
/// or blank value is <see cref="Unknown"/>, as the indicators write it.
/// </summary>
internal sealed class Levels
{
    public const string Unknown = "unknown";

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    public int Count => _values.Count;

    public int Code(string? value)
    {
        var key = string.IsNullOrWhiteSpace(value) ? Unknown : value;
        if (!_index.TryGetValue(key, out var code))
        {
            code = _values.Count;
            _index.Add(key, code);
            _values.Add(key);
        }

        return code;
    }

    public bool TryFind(string value, out int code) => _index.TryGetValue(value, out code);

    public string Value(int code) => _values[code];
}
