using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Reps;
using Bellwether.Core.Text;

namespace Bellwether.Core.Indicators.Activity;

/// <summary>
/// activity_standard_met: for every rep and activity type with a standard (a rep's own standards.csv row overrides
/// their role's), the rep meets it in P when activities per active working day (× 5 for a weekly standard) reach the
/// minimum. The value is the share of reps (with a standard and a working day in P) meeting every standard of the
/// slice; the detail lists each standard missed, worst first by shortfall relative to the minimum, beside the rep's own
/// rate over the 3 periods of equal grain before P.
/// </summary>
internal sealed class StandardIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["activity_standard_met"];

    public override Source SourceOf(string name) => Source.Activities;

    public override Outcome[] Compute(string name, Scope s)
    {
        var reps = s.Data.Reps;
        var keyGroup = s.Space.Map(Source.Activities).Of;
        var (from, to) = ActivityCounts.KnownDays(s, s.Window);
        var counts = ActivityCounts.PerKey(s, from, to);
        var before = Window.Of(s.Calendar.Shift(s.Period, -3), s.Calendar.Previous(s.Period));
        var (trailingFrom, trailingTo) = ActivityCounts.KnownDays(s, before);
        var trailingCounts = ActivityCounts.PerKey(s, trailingFrom, trailingTo);

        var withStandard = new int[s.Groups];
        var meeting = new int[s.Groups];
        var below = new List<RepShortfall>[s.Groups];
        var lastRep = new int[s.Groups];
        var failed = new bool[s.Groups];
        Array.Fill(lastRep, -1);
        for (var rep = 0; rep < reps.ListedCount; rep++)
        {
            var workingDays = ActivityCounts.WorkingDays(reps, rep, from, to);
            if (workingDays == 0)
            {
                continue;
            }

            var trailingDays = ActivityCounts.WorkingDays(reps, rep, trailingFrom, trailingTo);
            var touched = new List<int>();
            foreach (var standard in StandardsOf(s.Data.Data.Standards, reps.Rep[rep]!))
            {
                var key = ActivityTable.Key(rep, (int)standard.Type);
                var g = keyGroup[key];
                if (g < 0)
                {
                    continue;
                }

                if (lastRep[g] != rep)
                {
                    lastRep[g] = rep;
                    failed[g] = false;
                    withStandard[g]++;
                    touched.Add(g);
                }

                var scale = standard.Per == StandardPer.Week ? 5m : 1m;
                var actual = Math.Round(counts[key] * scale / workingDays, 6);
                if (actual >= standard.Minimum)
                {
                    continue;
                }

                failed[g] = true;
                var shortfall = standard.Minimum - actual;
                (below[g] ??= []).Add(new RepShortfall
                {
                    Rank = 0,
                    RepId = reps.Rep[rep]!.RepId,
                    RepName = reps.Rep[rep]!.Name,
                    ActivityType = SnakeCase.Name(standard.Type),
                    Per = SnakeCase.Name(standard.Per),
                    Minimum = standard.Minimum,
                    Actual = actual,
                    Shortfall = shortfall,
                    ShortfallShare = standard.Minimum == 0 ? 0 : Num.Ratio(shortfall, standard.Minimum),
                    TrailingAverage = trailingDays == 0 ? null : Math.Round(trailingCounts[key] * scale / trailingDays, 6),
                });
            }

            foreach (var g in touched)
            {
                if (!failed[g])
                {
                    meeting[g]++;
                }
            }
        }

        return s.Each(g =>
        {
            var ranked = (below[g] ?? [])
                .OrderByDescending(r => r.ShortfallShare).ThenByDescending(r => r.Shortfall).ThenBy(r => r.RepId, StringComparer.Ordinal)
                .Select((r, i) => r with { Rank = i + 1 }).ToList();
            var detail = new ActivityStandardDetail { RepsWithStandard = withStandard[g], RepsMeeting = meeting[g], BelowStandard = ranked };
            return withStandard[g] == 0
                ? Outcome.Lacking($"no rep of the slice has an activity standard and a working day in {s.Period.Label}")
                : Outcome.Of(Num.Ratio(meeting[g], withStandard[g]), detail);
        });
    }

    /// <summary>The standards that apply to a rep: their own rows, and their role's for the types they have no own row for.</summary>
    private static IEnumerable<ActivityStandard> StandardsOf(IReadOnlyList<ActivityStandard> standards, Rep rep)
    {
        var own = standards.Where(x => string.Equals(x.Role, rep.RepId, StringComparison.Ordinal)).ToList();
        var role = SnakeCase.Name(rep.Role);
        return own.Concat(standards.Where(x =>
            string.Equals(x.Role, role, StringComparison.OrdinalIgnoreCase) && !own.Any(o => o.Type == x.Type)));
    }
}
