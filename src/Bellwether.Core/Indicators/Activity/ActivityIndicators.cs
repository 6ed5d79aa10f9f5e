using Bellwether.Core.Indicators.Engine;

namespace Bellwether.Core.Indicators.Activity;

/// <summary>
/// Activity volume: activities in P (sliceable by activity_type and the rep dimensions) and activities per active
/// working day of the slice's reps.
/// </summary>
internal sealed class ActivityIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["activities", "activities_per_rep_day"];

    public override Source SourceOf(string name) => Source.Activities;

    public override Outcome[] Compute(string name, Scope s)
    {
        var (from, to) = ActivityCounts.KnownDays(s, s.Window);
        var perKey = ActivityCounts.PerKey(s, from, to);
        var keyGroup = s.Space.Map(Source.Activities).Of;
        var activities = new long[s.Groups];
        for (var k = 0; k < perKey.Length; k++)
        {
            if (keyGroup[k] >= 0)
            {
                activities[keyGroup[k]] += perKey[k];
            }
        }

        if (name == "activities")
        {
            return s.Each(g => Outcome.Of(activities[g]));
        }

        var days = RepDays(s, keyGroup, from, to);
        return s.Each(g => Outcome.Ratio(activities[g], days[g], $"no rep of the slice had an active working day in {s.Period.Label}"));
    }

    /// <summary>Per group, Σ active working days of the reps whose activities fall in it.</summary>
    internal static long[] RepDays(Scope s, int[] keyGroup, int from, int to)
    {
        var reps = s.Data.Reps;
        var days = new long[s.Groups];
        var countedFor = new int[s.Groups];
        Array.Fill(countedFor, -1);
        for (var rep = 0; rep < reps.Count; rep++)
        {
            var workingDays = ActivityCounts.WorkingDays(reps, rep, from, to);
            for (var type = 0; type < ActivityTable.TypeCount; type++)
            {
                var g = keyGroup[ActivityTable.Key(rep, type)];
                if (g >= 0 && countedFor[g] != rep)
                {
                    countedFor[g] = rep;
                    days[g] += workingDays;
                }
            }
        }

        return days;
    }
}
