using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Signals;

/// <summary>
/// One leading signal of a pillar, judged against its plan, a standard or a benchmark: what the owner reads before
/// the number arrives ("pipeline covers 2.1× of what the quarter still needs, against 3.0× required"). Missing is
/// explicit: <see cref="Value"/> null with <see cref="MissingReason"/>, never 0.
/// </summary>
public sealed record Signal
{
    public required Pillar Pillar { get; init; }

    /// <summary>A stable snake_case name, e.g. <c>pipeline_coverage</c>, <c>churn_risk</c>, <c>coaching</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the owner reads as its heading, e.g. "Pipeline against required".</summary>
    public required string Title { get; init; }

    /// <summary>The signal's value in <see cref="Unit"/>; null when it cannot be computed (<see cref="MissingReason"/> says why).</summary>
    public decimal? Value { get; init; }

    public required Unit Unit { get; init; }

    /// <summary>Whether a smaller value is the better one (churn risk, CAC, sales expense %).</summary>
    public bool LowerIsBetter { get; init; }

    /// <summary>The figure the value is judged against, in the same unit; null when the signal is judged otherwise.</summary>
    public decimal? Reference { get; init; }

    /// <summary>The value in words, written beside its reference (<see cref="Readable.Value(decimal, Unit, string, decimal)"/>); null when missing.</summary>
    public string? ValueText(string currency) => Value is not { } v ? null
        : Reference is { } r ? Readable.Value(v, Unit, currency, beside: r) : Readable.Value(v, Unit, currency);

    /// <summary>The reference in words, written beside the value; null when there is none.</summary>
    public string? ReferenceText(string currency) => Reference is not { } r ? null
        : Value is { } v ? Readable.Value(r, Unit, currency, beside: v) : Readable.Value(r, Unit, currency);

    /// <summary>What <see cref="Reference"/> is: <c>plan</c>, <c>standard</c>, <c>benchmark</c> (the trailing four quarters), <c>peers</c>, <c>required</c>.</summary>
    public string? ReferenceKind { get; init; }

    /// <summary>On track, at risk or off track against the reference; null when there is nothing to judge by.</summary>
    public SignalStatus? Status { get; init; }

    /// <summary>The value's change since the same signal a week earlier, in its unit (points of a ratio as a fraction).</summary>
    public decimal? ChangeSinceLastWeek { get; init; }

    /// <summary>One sentence for the owner, its numbers written as <see cref="Reporting.Readable"/> writes them.</summary>
    public required string Summary { get; init; }

    public string? MissingReason { get; init; }

    /// <summary>The reps, accounts or deals behind the signal that need attention, most urgent first.</summary>
    public IReadOnlyList<Attention> NeedsAttention { get; init; } = [];
}

/// <summary>A rep, account or deal that needs an owner's attention, by name, with the reason in words.</summary>
public sealed record Attention
{
    /// <summary><c>rep</c>, <c>account</c>, <c>deal</c>, <c>vertical</c>, <c>service_line</c>…</summary>
    public required string Kind { get; init; }

    public required string Id { get; init; }

    /// <summary>The name a person knows it by (a rep's or account's name; the id when there is none).</summary>
    public required string Name { get; init; }

    /// <summary>Why, in words with readable numbers: "win rate 18% against the team's 41% (32 deals)".</summary>
    public required string Reason { get; init; }

    /// <summary>The figure it is ranked by, if any (a risk score, a shortfall…).</summary>
    public decimal? Score { get; init; }
}
