namespace Bellwether.Core.Demo;

/// <summary>
/// One simulated future of the demo company from an instant: the whole-period figures of every month, fiscal quarter
/// and fiscal year that was not over at <see cref="AsOf"/> and is over by <see cref="Horizon"/>, in the order month,
/// quarter, year and then by start. Figures of a period that began before <see cref="AsOf"/> include what happened
/// before it, exactly as it happened (<see cref="PeriodOutcome.BookedBeforeAsOf"/>).
/// </summary>
public sealed record FutureOutcome
{
    /// <summary>Which future: −1 for the company's own future (its original randomness), else 0, 1, 2… (fresh randomness).</summary>
    public required int Future { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The first day not simulated (exclusive end).</summary>
    public required DateOnly Horizon { get; init; }

    public required IReadOnlyList<PeriodOutcome> Periods { get; init; }

    /// <summary>The outcome of the period with the label, e.g. <c>2026-Q3</c> or <c>2026-07</c>, or null when it is not covered.</summary>
    public PeriodOutcome? For(string label) => Periods.FirstOrDefault(p => p.Period.Label == label);
}
