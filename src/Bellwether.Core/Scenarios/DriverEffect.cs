namespace Bellwether.Core.Scenarios;

/// <summary>One step of a comparison: a change applied (or, from the first scenario, undone) and what it did to the mean.</summary>
public sealed record DriverEffect
{
    /// <summary>The driver, as the JSON names it (<c>win_rate</c>, <c>add_reps</c>…).</summary>
    public required string Driver { get; init; }

    /// <summary>The change in words, e.g. "win_rate +10% (vertical=finance)"; "undo: …" for a first-scenario change undone.</summary>
    public required string Change { get; init; }

    public decimal? MeanChange { get; init; }
}
