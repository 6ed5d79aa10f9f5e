using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Scenarios;

/// <summary>Checks a scenario before it is applied: every problem, each naming the change it is in.</summary>
public static class ScenarioCheck
{
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
