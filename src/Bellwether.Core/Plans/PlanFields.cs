namespace Bellwether.Core.Plans;

/// <summary>A plan as a person typed it (command-line options, an API body): text, checked by <see cref="PlanStatus.PlanInput"/>.</summary>
public sealed record PlanFields
{
    public string? Pillar { get; init; }

    public string? Metric { get; init; }

    public string? Period { get; init; }

    /// <summary><c>dimension=value</c> pairs joined by <c>;</c>; empty or null for the whole company.</summary>
    public string? Slice { get; init; }

    /// <summary>A number in the metric's unit (ratios as fractions, or a percentage such as <c>45%</c>).</summary>
    public string? Target { get; init; }

    public string? Owner { get; init; }
}

/// <summary>One mistake in a typed plan: the field and what is wrong with its value.</summary>
/// <param name="Field">The field's name: <c>pillar</c>, <c>metric</c>, <c>period</c>, <c>slice</c>, <c>target</c>, <c>owner</c>.</param>
/// <param name="Message">What is wrong, starting with the value or with "is": <c>"sales" is not a pillar (…)</c>, <c>is required: …</c>.</param>
public sealed record PlanProblem(string Field, string Message)
{
    /// <summary>The problem as one line, the field written as the caller names it (<c>--</c> for options): <c>--pillar "sales" is not a pillar (…)</c>.</summary>
    public string Describe(string prefix = "") => $"{prefix}{Field} {Message}";
}
