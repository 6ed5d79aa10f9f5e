using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Data;

/// <summary>
/// A deal as it stood at an instant t, using only what was known then (indicators.md, "As of"). The forecaster and the
/// indicators engine read deals at t through this rule, so what "known at t" means is decided once.
/// </summary>
public sealed record DealState
{
    public required string OpportunityId { get; init; }

    /// <summary>Won or lost when it closed before t; open otherwise.</summary>
    public required OpportunityStatus Status { get; init; }

    public required string Stage { get; init; }

    public required decimal Amount { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    public ForecastCategory? ForecastCategory { get; init; }

    /// <summary>
    /// False when nothing about the deal's state was recorded before t and the state is the fallback: the settings'
    /// history fallback stage with an amount from after t.
    /// </summary>
    public required bool Recorded { get; init; }

    /// <summary>
    /// The deal's state at t, or null when it was not created before t. A deal closed before t is as it stands now.
    /// A deal open at t is its last history row with changed_at &lt; t; before its first row, the fallback stage with
    /// the earliest row's amount and expected close date. Without history, a deal open now is as it stands now (the
    /// only record there is), and one closed now shows the fallback stage, its current amount and no expected close
    /// date (the current one was set at or after closing).
    /// </summary>
    /// <param name="deal">The deal as it stands now.</param>
    /// <param name="history">The deal's own history rows, in changed_at order.</param>
    /// <param name="t">The instant: only what happened strictly before it is known.</param>
    /// <param name="fallbackStage">The stage shown before anything is known (<see cref="CompanySettings.HistoryFallbackStage"/>).</param>
    public static DealState? At(Opportunity deal, IReadOnlyList<OpportunityChange> history, DateTimeOffset t, string fallbackStage)
    {
        if (deal.CreatedAt >= t)
        {
            return null;
        }

        if (deal.ClosedAt is { } closed && closed < t)
        {
            return new DealState
            {
                OpportunityId = deal.OpportunityId,
                Status = deal.Status,
                Stage = deal.Stage,
                Amount = deal.Amount,
                ExpectedCloseDate = deal.ExpectedCloseDate,
                ForecastCategory = deal.ForecastCategory,
                Recorded = true,
            };
        }

        OpportunityChange? last = null;
        foreach (var row in history)
        {
            if (row.ChangedAt < t)
            {
                last = row;
            }
        }

        if (last is not null)
        {
            return new DealState
            {
                OpportunityId = deal.OpportunityId,
                Status = OpportunityStatus.Open,
                Stage = last.Stage,
                Amount = last.Amount,
                ExpectedCloseDate = last.ExpectedCloseDate,
                ForecastCategory = last.ForecastCategory,
                Recorded = true,
            };
        }

        if (history.Count > 0)
        {
            return new DealState
            {
                OpportunityId = deal.OpportunityId,
                Status = OpportunityStatus.Open,
                Stage = fallbackStage,
                Amount = history[0].Amount,
                ExpectedCloseDate = history[0].ExpectedCloseDate,
                Recorded = false,
            };
        }

        return deal.ClosedAt is null
            ? new DealState
            {
                OpportunityId = deal.OpportunityId,
                Status = OpportunityStatus.Open,
                Stage = deal.Stage,
                Amount = deal.Amount,
                ExpectedCloseDate = deal.ExpectedCloseDate,
                ForecastCategory = deal.ForecastCategory,
                Recorded = true,
            }
            : new DealState
            {
                OpportunityId = deal.OpportunityId,
                Status = OpportunityStatus.Open,
                Stage = fallbackStage,
                Amount = deal.Amount,
                Recorded = false,
            };
    }
}
