using Bellwether.Core.Time;

namespace Bellwether.Core.Demo;

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
