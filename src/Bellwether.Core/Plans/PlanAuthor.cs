namespace Bellwether.Core.Plans;

/// <summary>Who edits a plan, and through what: a person on the command line (<c>--by</c>, $USER) or the API.</summary>
public sealed record PlanAuthor
{
    /// <summary>The name recorded as changed_by: a person's, or <c>cli</c> / <c>api</c>.</summary>
    public required string Name { get; init => field = Guard.NotBlank(value); }

    /// <summary><see cref="PlanChangeSource.Cli"/> or <see cref="PlanChangeSource.Api"/>: imports record their own changes.</summary>
    public required PlanChangeSource Source
    {
        get;
        init => field = Guard.Defined(value) == PlanChangeSource.Import
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "Source: imports record their own plan changes.")
            : value;
    }
}
