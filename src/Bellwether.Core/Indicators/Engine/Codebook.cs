using Bellwether.Core.Activities;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Dictionary encoding of every dimension's values: a value's code is its position in the dimension's list. Codes are
/// shared by every table (a rep's code is the same in deals, leads and activities), so slices computed from different
/// tables line up. Filled while the prepared form is built, read-only afterwards.
/// </summary>
internal sealed class Codebook
{
    /// <summary>The slice value of a missing attribute (a rep without a team, a deal without a source).</summary>
    public const string Unknown = "unknown";

    private static int DimensionCount { get; } = Enum.GetValues<Dimension>().Length;

    private readonly Dictionary<string, int>[] _index = new Dictionary<string, int>[DimensionCount];
    private readonly List<string>[] _values = new List<string>[DimensionCount];

    public Codebook()
    {
        for (var d = 0; d < DimensionCount; d++)
        {
            _index[d] = new Dictionary<string, int>(StringComparer.Ordinal);
            _values[d] = [];
        }

        // Enumerations get the enum's own numbering, so that a code is the enum value cast to int.
        foreach (var type in Enum.GetValues<OpportunityType>())
        {
            Code(Dimension.Type, SnakeCase.Name(type));
        }

        foreach (var source in Enum.GetValues<LeadSource>())
        {
            Code(Dimension.Source, SnakeCase.Name(source));
        }

        foreach (var type in Enum.GetValues<ActivityType>())
        {
            Code(Dimension.ActivityType, SnakeCase.Name(type));
        }
    }

    /// <summary>Whether the dimension's codes are an enumeration's own numbering (fixed, whatever the data).</summary>
    public static bool IsEnumeration(Dimension dimension) =>
        dimension is Dimension.Type or Dimension.Source or Dimension.ActivityType;

    /// <summary>The code of a value, adding it when it is new; a null or blank value is <see cref="Unknown"/>.</summary>
    public int Code(Dimension dimension, string? value)
    {
        var key = string.IsNullOrWhiteSpace(value) ? Unknown : value;
        var index = _index[(int)dimension];
        if (!index.TryGetValue(key, out var code))
        {
            code = _values[(int)dimension].Count;
            index.Add(key, code);
            _values[(int)dimension].Add(key);
        }

        return code;
    }

    public bool TryFind(Dimension dimension, string value, out int code) => _index[(int)dimension].TryGetValue(value, out code);

    public string Value(Dimension dimension, int code) => _values[(int)dimension][code];

    public int Cardinality(Dimension dimension) => _values[(int)dimension].Count;
}
