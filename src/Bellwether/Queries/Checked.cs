using System.Diagnostics.CodeAnalysis;

namespace Bellwether.Queries;

/// <summary>
/// What reading a request came to: its value, or every mistake in it. Returned, never thrown: the command line prints
/// each problem on a <c>bellwether:</c> line, the API answers with one problem document listing them.
/// </summary>
public sealed class Checked<T>
{
    private Checked(T? value, IReadOnlyList<QueryProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The request; null exactly when there are problems.</summary>
    public T? Value { get; }

    public IReadOnlyList<QueryProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Ok => Problems.Count == 0;

    /// <summary>Whether every problem names something that does not exist (the API answers 404, not 400).</summary>
    public bool IsNotFound => Problems.Count > 0 && Problems.All(p => p.IsNotFound);

    internal static Checked<T> Of(T? value, IReadOnlyList<QueryProblem> problems) => new(value, problems);

    /// <summary>The problems as one line, "; " between them, parameters spelled as the caller knows them.</summary>
    public string Describe(ParameterNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join("; ", Problems.Select(p => p.Describe(names)));
    }

    /// <summary>The value made from this one, or these problems.</summary>
    public Checked<TResult> Then<TResult>(Func<T, Checked<TResult>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Ok ? next(Value) : Checked.Invalid<TResult>(Problems);
    }

    /// <summary>The value turned into another, or these problems.</summary>
    public Checked<TResult> Map<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Ok ? Checked.Valid(map(Value)) : Checked.Invalid<TResult>(Problems);
    }
}

/// <summary>Makes <see cref="Checked{T}"/> values.</summary>
public static class Checked
{
    public static Checked<T> Valid<T>(T value) => Checked<T>.Of(value, []);

    public static Checked<T> Invalid<T>(IReadOnlyList<QueryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 0 ? throw new ArgumentException("an invalid request has at least one problem", nameof(problems)) : Checked<T>.Of(default, problems);
    }

    public static Checked<T> Invalid<T>(QueryProblem problem) => Invalid<T>([problem]);
}
