namespace Bellwether.Queries;

/// <summary>
/// How a caller names the parameters of a <see cref="QueryProblem"/>: the API as they are (<c>as_of</c>), the command line
/// as options (<c>--as-of</c>), except those it takes as arguments (<c>bellwether indicators NAME…</c>), which a message
/// does not name at all. A problem of no parameter (an unknown workspace) is never named.
/// </summary>
public sealed class ParameterNames
{
    private readonly Func<string, string> _name;

    private ParameterNames(Func<string, string> name) => _name = name;

    /// <summary>The query string's and JSON bodies' names: <c>as_of</c>, <c>period</c>.</summary>
    public static ParameterNames Api { get; } = new(p => p);

    /// <summary>Options (<c>--as-of</c>), and no name for the parameters the command takes as arguments.</summary>
    public static ParameterNames CommandLine(params string[] arguments) =>
        new(p => arguments.Contains(p, StringComparer.Ordinal) ? "" : "--" + p.Replace('_', '-'));

    public string Of(string parameter) => parameter.Length == 0 ? "" : _name(parameter);
}
