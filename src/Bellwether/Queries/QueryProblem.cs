namespace Bellwether.Queries;

/// <summary>
/// One mistake in what was asked — a parameter and what is wrong with its value — written once, for the command line
/// (<c>bellwether: --period "9999" is outside …</c>) and the API (a problem's <c>detail</c>: <c>period "9999" is outside …</c>)
/// alike: only the parameter's name is spelled as the caller knows it (see <see cref="ParameterNames"/>).
/// </summary>
/// <param name="Parameter">The parameter as the API names it: <c>period</c>, <c>as_of</c>, <c>slice</c>, <c>name</c>…</param>
/// <param name="Message">What is wrong, starting with the value or with "is": <c>"2026-Q9" is not a period: …</c>.</param>
/// <param name="IsNotFound">Whether it names something that does not exist (a workspace, a saved scenario) rather than
/// something malformed: the API answers 404 instead of 400.</param>
public sealed record QueryProblem(string Parameter, string Message, bool IsNotFound = false)
{
    /// <summary>The problem as one line, the parameter spelled as the caller knows it.</summary>
    public string Describe(ParameterNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var name = names.Of(Parameter);
        return name.Length == 0 ? Message : $"{name} {Message}";
    }

    /// <summary>A workspace with nothing imported: the one problem every workspace's request may have.</summary>
    public static QueryProblem NoWorkspace(string workspace) =>
        new("", $"{workspace}: no such workspace (nothing imported)", IsNotFound: true);
}
