using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Queries;

/// <summary>
/// Checks a slice's values against the workspace's data: a value that does not occur (<c>vertical=retial</c>) would
/// read as zero with no reason, so it is a mistake that lists the nearest values that do occur.
/// </summary>
public static class SliceValues
{
    /// <summary>One problem per value that does not occur, in the slice's order; none when all occur.</summary>
    public static IReadOnlyList<QueryProblem> Check(IReadOnlyDictionary<Dimension, string> slice, IndicatorEngine engine, string parameter = "slice")
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(engine);
        var problems = new List<QueryProblem>();
        foreach (var (dimension, value) in slice.OrderBy(s => s.Key))
        {
            var values = engine.Values(dimension);
            if (values.Contains(value, StringComparer.Ordinal))
            {
                continue;
            }

            var name = SnakeCase.Name(dimension);
            problems.Add(new QueryProblem(parameter, $"\"{name}={value}\": {value} is not a {name.Replace('_', ' ')} of this workspace ({Nearest.Describe(value, values)})"));
        }

        return problems;
    }
}
