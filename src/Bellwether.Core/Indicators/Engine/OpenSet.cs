using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// The deals open at one instant and their state then (amount, stage and expected close date from the last history row
/// before it; see <see cref="DealTable.StateAt"/>). Independent of slicing, so cached per instant by the engine.
/// </summary>
internal sealed class OpenSet
{
    public OpenSet(DealTable deals, long at)
    {
        At = at;
        var rows = new List<int>();

        // Open at t = created before t and not closed before t. Scan whichever candidate range is shorter: deals not
        // closed before t (a suffix in closed_at order) or deals created before t (a prefix in created_at order).
        var notClosedFrom = Sorted.LowerBound(deals.Closed, at);
        var createdBefore = Sorted.LowerBound(deals.CreatedSorted, at);
        if (deals.Count - notClosedFrom <= createdBefore)
        {
            for (var i = notClosedFrom; i < deals.Count; i++)
            {
                if (deals.Created[i] < at)
                {
                    rows.Add(i);
                }
            }
        }
        else
        {
            for (var k = 0; k < createdBefore; k++)
            {
                var i = deals.ByCreated[k];
                if (deals.Closed[i] >= at)
                {
                    rows.Add(i);
                }
            }

            rows.Sort();
        }

        Rows = [.. rows];
        Amount = new decimal[Rows.Length];
        Stage = new int[Rows.Length];
        Expected = new int[Rows.Length];
        for (var k = 0; k < Rows.Length; k++)
        {
            (Stage[k], Amount[k], Expected[k]) = deals.StateAt(Rows[k], at);
        }
    }

    public long At { get; }

    /// <summary>Deal rows, ascending.</summary>
    public int[] Rows { get; }

    public decimal[] Amount { get; }

    public int[] Stage { get; }

    public int[] Expected { get; }
}

/// <summary>
/// Win probabilities for weighted_pipeline as known at an instant: stages.csv's, else the deal's own (only while it is
/// open now), else the stage's historical win rate — of the deals closed before the instant that ever reached the stage
/// (in a history row before the instant, or as their final stage), won / (won + lost).
/// </summary>
internal sealed class StageRates
{
    private readonly double[] _rate;
    private readonly StageBook _stages;

    public StageRates(PreparedData data, long at)
    {
        var deals = data.Deals;
        _stages = data.Stages;
        var won = new int[_stages.Count];
        var lost = new int[_stages.Count];
        var seen = new int[_stages.Count];
        Array.Fill(seen, -1);
        var closedBefore = Sorted.LowerBound(deals.Closed, at);
        for (var i = 0; i < closedBefore; i++)
        {
            var isWon = deals.Status[i] == OpportunityStatus.Won;
            if (isWon)
            {
                OverallWon++;
            }
            else
            {
                OverallLost++;
            }

            void Count(int stage)
            {
                if (seen[stage] == i)
                {
                    return;
                }

                seen[stage] = i;
                if (isWon)
                {
                    won[stage]++;
                }
                else
                {
                    lost[stage]++;
                }
            }

            Count(deals.Stage[i]);
            for (var h = deals.HistStart[i]; h < deals.HistStart[i] + deals.HistCount[i] && deals.HistTicks[h] < at; h++)
            {
                Count(deals.HistStage[h]);
            }
        }

        _rate = new double[_stages.Count];
        for (var s = 0; s < _rate.Length; s++)
        {
            _rate[s] = won[s] + lost[s] > 0 ? (double)won[s] / (won[s] + lost[s]) : double.NaN;
        }
    }

    public int OverallWon { get; }

    public int OverallLost { get; }

    /// <summary>The probability of a deal at a stage (NaN when none of the three sources gives one).</summary>
    public double Probability(int stage, double dealProbability)
    {
        if (stage < _rate.Length && !double.IsNaN(_stages.Probability(stage)))
        {
            return _stages.Probability(stage);
        }

        if (!double.IsNaN(dealProbability))
        {
            return dealProbability;
        }

        return stage < _rate.Length ? _rate[stage] : double.NaN;
    }
}
