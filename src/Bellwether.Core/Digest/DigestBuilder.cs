using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Variance;

namespace Bellwether.Core.Digest;

/// <summary>
/// Puts an owner's digest together from the readings the commands make — plan status with its week-earlier reading,
/// the headline plans' explanations, and the pillars' signals — choosing what leads and writing the headline. Pure:
/// it reads what it is given and computes nothing of its own but the order and the sentence.
/// </summary>
public static class DigestBuilder
{
    /// <summary>How many moved signals and people needing attention a digest lists: a page, not a report.</summary>
    public const int MostListed = 8;

    /// <summary>
    /// The plan each pillar is read by this week: the quarter's plan of the pillar's most planned metric, over its
    /// widest slice (new-business bookings overall, not one vertical's).
    /// </summary>
    public static IReadOnlyList<PlanStatusRow> Headlines(IReadOnlyList<PlanStatusRow> plans, string quarter)
    {
        ArgumentNullException.ThrowIfNull(plans);
        return
        [
            .. plans.Where(r => r.Target is not null)
                .GroupBy(r => r.Pillar)
                .Select(pillar =>
                {
                    var metric = pillar.GroupBy(r => r.Metric).OrderByDescending(m => m.Count()).ThenBy(m => m.Key, StringComparer.Ordinal).First().Key;
                    return pillar.Where(r => r.Metric == metric && r.Period == quarter).OrderBy(r => r.Slice.Count).FirstOrDefault();
                })
                .OfType<PlanStatusRow>()
                .OrderBy(r => r.Pillar),
        ];
    }

    public static OwnerDigest Build(string owner, PlanReport report, IReadOnlyList<PlanStatusRow> headlines, IReadOnlyList<Explanation> explanations, IReadOnlyList<Signal> signals, string currency)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(headlines);
        ArgumentNullException.ThrowIfNull(signals);
        var pillars = report.Rows.Select(r => r.Pillar).Distinct().Order().ToList();
        var moved = signals
            .Where(s => s.ChangeSinceLastWeek is { } c && c != 0 && s.Value is not null)
            .OrderByDescending(s => Relative(s.ChangeSinceLastWeek!.Value, s.Value!.Value - s.ChangeSinceLastWeek!.Value))
            .Take(MostListed)
            .ToList();
        var attention = signals
            .SelectMany(s => s.NeedsAttention.Select((a, i) => (Rank: i, Item: new DigestAttention { Pillar = s.Pillar, Signal = s.Title, Item = a })))
            .OrderBy(x => x.Rank)
            .Select(x => x.Item)
            .DistinctBy(x => (x.Item.Kind, x.Item.Id))
            .Take(MostListed)
            .ToList();
        return new OwnerDigest
        {
            Owner = owner,
            Pillars = pillars,
            AsOf = report.AsOf,
            WeekEarlier = report.WeekEarlierAsOf ?? report.AsOf - PlanReport.Week,
            Currency = currency,
            Headline = headlines.Count == 0
                ? $"No plan of {owner}'s has a target for the quarter."
                : string.Join(" ", headlines.Select(h => Sentence(h, currency))),
            Plans = report.Rows,
            Explanations = explanations,
            Signals = signals,
            Moved = moved,
            Attention = attention,
        };
    }

    /// <summary>"Bookings (new business) for 2026-Q4: projected $5,571,160 against a plan of $4,628,000, on track (was at risk a week earlier)."</summary>
    public static string Sentence(PlanStatusRow row, string currency)
    {
        ArgumentNullException.ThrowIfNull(row);
        var subject = $"{MetricNames.Of(row.Metric)}{SliceWords(row.Slice)} for {row.Period}";
        if (row.Projected is not { } projected || row.Target is not { } target)
        {
            return $"{subject}: {row.MissingReason ?? "no projection"}.";
        }

        var how = row.Basis == PlanBasis.Actual ? "closed at" : "projected at";
        var status = row.Status is { } s ? DigestText.Status(s) : "no status";
        var before = row.WeekEarlier is { Status: { } then } && then != row.Status ? $" (was {DigestText.Status(then)} a week earlier)" : "";
        var moved = row.WeekEarlier?.ProjectedChange is { } change && change != 0 ? $"; the projection moved {DigestText.Change(change, row.Unit, currency)} in the week" : "";
        return $"{subject}: {how} {DigestText.Value(projected, row.Unit, currency)} against a plan of {DigestText.Value(target, row.Unit, currency)}, {status}{before}{moved}.";
    }

    /// <summary>" (new business)", " (finance, new business)"; empty for the whole company.</summary>
    public static string SliceWords(IReadOnlyDictionary<string, string> slice) =>
        slice.Count == 0 ? "" : $" ({string.Join(", ", slice.Values.Select(v => v.Replace('_', ' ')))})";

    private static decimal Relative(decimal change, decimal before) => Math.Abs(change) / Math.Max(Math.Abs(before), 1e-9m);
}
