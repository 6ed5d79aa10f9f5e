using Bellwether.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bellwether.Web;

/// <summary>
/// How the API answers: a request's value as 200, its mistakes as one RFC 9457 problem — 400 with every mistake
/// (<c>detail</c> joins them, <c>errors</c> lists them by parameter), or 404 when what it names does not exist. The
/// lines are the command line's <c>bellwether:</c> lines, parameters named as the API names them.
/// </summary>
public static class ApiResults
{
    public const string BadRequestTitle = "The request has mistakes";

    public const string NotFoundTitle = "Not found";

    public static Results<Ok<T>, ProblemHttpResult, ValidationProblem> ToResults<T>(this Checked<T> checkedValue)
    {
        ArgumentNullException.ThrowIfNull(checkedValue);
        return checkedValue.Ok ? TypedResults.Ok(checkedValue.Value) : checkedValue.IsNotFound ? NotFound(checkedValue.Problems) : Invalid(checkedValue.Problems);
    }

    /// <summary>Every mistake: <c>detail</c> joins them with "; ", <c>errors</c> gives each parameter's.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<QueryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var lines = problems.Select(p => p.Describe(ParameterNames.Api)).ToList();
        var errors = problems
            .Select((p, i) => (Key: p.Parameter.Length == 0 ? "request" : p.Parameter, Line: lines[i]))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Line).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(errors, detail: string.Join("; ", lines), title: BadRequestTitle);
    }

    public static ProblemHttpResult NotFound(IReadOnlyList<QueryProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return NotFound(string.Join("; ", problems.Select(p => p.Describe(ParameterNames.Api))));
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: NotFoundTitle);

    /// <summary>A problem of the request as a whole, in our words (a body that is not JSON, a file too large…).</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
