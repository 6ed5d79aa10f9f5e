using Bellwether.Core.Time;

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

/// <summary>
/// The demo company's figures for one whole period as one future had them, defined as in indicators.md: bookings are
/// won deals' amounts by closed_at; revenue, cogs and expenses sum the period's months; grr and expansion_revenue
/// compare a month with the month before (for months only; null for quarters and years).
/// </summary>
public sealed record PeriodOutcome
{
    public required Period Period { get; init; }

    public required decimal Bookings { get; init; }

    public required decimal NewBusinessBookings { get; init; }

    public required decimal ExpansionBookings { get; init; }

    public required decimal RenewalBookings { get; init; }

    public required int WonDeals { get; init; }

    /// <summary>Bookings of the period already closed before the as-of instant: the same in every future.</summary>
    public required decimal BookedBeforeAsOf { get; init; }

    public required decimal Revenue { get; init; }

    public required decimal Cogs { get; init; }

    public required decimal Expenses { get; init; }

    /// <summary>(revenue − cogs − expenses) / revenue; null without revenue.</summary>
    public decimal? OperatingMargin => Revenue == 0 ? null : (Revenue - Cogs - Expenses) / Revenue;

    /// <summary>For a month: Σ min(this month, last month) / Σ last month over last month's clients; null otherwise.</summary>
    public decimal? Grr { get; init; }

    /// <summary>For a month: Σ max(0, this month − last month) over last month's clients; null otherwise.</summary>
    public decimal? ExpansionRevenue { get; init; }
}
