using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Scenarios;

/// <summary>Checks a scenario before it is applied: every problem, each naming the change it is in.</summary>
public static class ScenarioCheck
{
    /// <summary>
    /// The largest relative change: +10,000% (a driver 101 times as large). No plan asks for more; beyond it lie only
    /// forecasts that overflow (a deal size of 1e300 times its own).
    /// </summary>
    public const double MaxRelative = 100;

    /// <summary>The largest monthly amount an expense change adds or removes, in the company's currency.</summary>
    public const decimal MaxMonthlyAmount = 1_000_000_000_000m;

    /// <summary>The longest ramp of added reps, in months.</summary>
    public const int MaxRampMonths = 60;

    public static IReadOnlyList<string> Problems(Scenario scenario)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(scenario.Name))
        {
            problems.Add("a scenario needs a name");
        }

        for (var i = 0; i < scenario.Changes.Count; i++)
        {
            var change = scenario.Changes[i];
            var at = $"change {i + 1} ({change.Kind})";
            foreach (var key in change.Slice.Keys)
            {
                if (!SnakeCase.TryParse<Dimension>(key, out var dimension) || dimension == Dimension.ActivityType)
                {
                    problems.Add($"{at}: \"{key}\" is not a dimension deals can be sliced by");
                }
            }

            if (change.From is { } from && change.To is { } to && to <= from)
            {
                problems.Add($"{at}: to ({to:yyyy-MM-dd}) is not after from ({from:yyyy-MM-dd})");
            }

            if (Bounds(change) is { } outOfBounds)
            {
                problems.Add($"{at}: {outOfBounds}");
                continue;
            }

            var problem = change switch
            {
                WinRateChange w when w.Relative is null == w.Absolute is null => "give exactly one of relative and absolute",
                WinRateChange { Relative: < -1 } => "relative is −1 (no wins) or more",
                WinRateChange { Absolute: < -1 or > 1 } => "absolute is −1 to 1 (a change in the win rate, in points)",
                DealSizeChange { Relative: < -1 } => "relative is −1 or more",
                CycleLengthChange { Relative: <= -1 } => "relative is more than −1 (a cycle cannot vanish)",
                NewPipelineChange { Relative: < -1 } or InboundLeadsChange { Relative: < -1 } or ActivityChange { Relative: < -1 } => "relative is −1 or more",
                AddRepsChange { Count: < 1 } => "count is 1 or more",
                AddRepsChange { RampMonths: < 0 } => "ramp_months is 0 or more",
                RemoveRepChange r when string.IsNullOrWhiteSpace(r.RepId) => "rep_id is required",
                QuotaLiftChange { Share: < 0 or > 1 } => "share is 0 to 1",
                ChurnChange { Relative: < -1 } => "relative is −1 or more",
                ExpenseChange e when e.Relative is null && e.MonthlyAmount is null => "give relative, monthly_amount or both",
                ExpenseChange { Relative: < -1 } => "relative is −1 or more",
                _ => null,
            };
            if (problem is not null)
            {
                problems.Add($"{at}: {problem}");
            }
        }

        return problems;
    }

    /// <summary>A number no forecast can be made with (not finite, or beyond the bounds), or null.</summary>
    private static string? Bounds(DriverChange change)
    {
        var relative = change switch
        {
            WinRateChange w => w.Relative,
            DealSizeChange d => d.Relative,
            CycleLengthChange c => c.Relative,
            NewPipelineChange n => n.Relative,
            InboundLeadsChange l => l.Relative,
            ActivityChange a => a.Relative,
            ChurnChange c => c.Relative,
            ExpenseChange e => e.Relative,
            _ => null,
        };
        return (relative, change) switch
        {
            ({ } r, _) when !double.IsFinite(r) || r > MaxRelative => "relative is at most 100 (+10000%)",
            (_, WinRateChange { Absolute: { } a }) when !double.IsFinite(a) => "absolute is −1 to 1 (a change in the win rate, in points)",
            (_, QuotaLiftChange { Share: var share }) when !double.IsFinite(share) => "share is 0 to 1",
            (_, ExpenseChange { MonthlyAmount: { } m }) when Math.Abs(m) > MaxMonthlyAmount => "monthly_amount is at most 1000000000000 either way",
            (_, AddRepsChange { RampMonths: > MaxRampMonths }) => "ramp_months is at most 60",
            _ => null,
        };
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if there is one.</summary>
    public static void ThrowIfInvalid(Scenario scenario)
    {
        var problems = Problems(scenario);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Scenario \"{scenario.Name}\" is not valid: {string.Join("; ", problems)}", nameof(scenario));
        }
    }

    internal static IReadOnlyDictionary<Dimension, string> SliceOf(DriverChange change) =>
        change.Slice.ToDictionary(kv => SnakeCase.Parse<Dimension>(kv.Key), kv => kv.Value);
}
