using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Time;

namespace Bellwether.Core.Coaching;

/// <summary>
/// Which reps to coach, as of an instant: reps (active then, not managers) whose activity, win rate, deal size or cycle
/// over the 12 months before it sits on the worse side of their peers' range — peers being the reps of the same role
/// and team, or of the same role company-wide when the team has fewer than three with the figure. Each rep's figure
/// is first shrunk toward the peers by empirical Bayes (<see cref="PeerShrinkage"/>: beta-binomial for the win rate,
/// normal-normal for the rest), so that a rep with 3 deals and no win is not flagged — three losses are common luck —
/// while a rep at 10% over 40 deals against a team at 40% is. The peers' range is their level ± 20%: a rep is flagged
/// when their shrunk figure is a fifth or more worse than the team's and even the hopeful end of what their record
/// allows (the shrunk figure plus 1.28 of its posterior standard deviations: nine chances in ten) is still outside the
/// range — so a new rep with five deals and no win, on a team whose reps vary a lot, is not called out yet. (A range
/// of the peers' spread, level ± z τ, was tried and rejected: the one rep far outside widens τ enough to hide inside
/// it.) Reps still ramping (within the ramp months of their start) are not compared with ramped peers.
/// </summary>
public static class RepCoaching
{
    /// <summary>How far back the figures go.</summary>
    public const int WindowMonths = 12;

    /// <summary>The peers' range: their level ± this share of it.</summary>
    public const double RangeShare = 0.20;

    /// <summary>One-sided z of nine chances in ten.</summary>
    private const double Confidence = 1.2816;

    private const int MinimumPeers = 3;

    /// <summary>The reps to coach and why, the most striking first (by <see cref="CoachingFlag.Score"/>).</summary>
    public static IReadOnlyList<CoachingFlag> Of(Dataset data, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(data);
        var figures = RepFigures.Of(data, asOf.AddMonths(-WindowMonths), asOf, data.Settings.RampMonths);
        var flags = new List<CoachingFlag>();
        foreach (var metric in Enum.GetValues<CoachingMetric>())
        {
            var observed = figures.Where(f => f.Observe(metric) is not null).ToList();
            foreach (var rep in observed)
            {
                var team = observed.Where(f => f.Rep.Role == rep.Rep.Role && string.Equals(f.Rep.Team, rep.Rep.Team, StringComparison.Ordinal)).ToList();
                var withTeam = team.Count >= MinimumPeers;
                var peers = withTeam ? team : [.. observed.Where(f => f.Rep.Role == rep.Rep.Role)];
                if (peers.Count >= MinimumPeers && Judge(metric, rep, peers, withTeam) is { } flag)
                {
                    flags.Add(flag);
                }
            }
        }

        return [.. flags.OrderByDescending(f => f.Score).ThenBy(f => f.RepName, StringComparer.Ordinal)];
    }

    private static CoachingFlag? Judge(CoachingMetric metric, RepFigures rep, List<RepFigures> peers, bool withTeam)
    {
        var mean = Pooled(metric, peers);
        var noise = Noise(metric, peers, mean);
        var observations = peers.Select(p => p.Observe(metric, noise)!.Value).ToList();
        var fit = PeerShrinkage.Fit(mean, observations);
        var own = rep.Observe(metric, noise)!.Value;
        var shrunk = metric == CoachingMetric.WinRate ? fit.ShrunkRate(rep.Won, rep.Closed) : fit.Shrunk(own);
        var hope = Confidence * (metric == CoachingMetric.WinRate ? fit.RateUncertainty(rep.Won, rep.Closed) : fit.Uncertainty(own));
        var half = RangeShare * Math.Abs(mean);
        var worse = metric == CoachingMetric.Cycle ? shrunk - hope > mean + half : shrunk + hope < mean - half;
        if (!worse)
        {
            return null;
        }

        return new CoachingFlag
        {
            RepId = rep.Rep.RepId,
            RepName = rep.Rep.Name,
            Team = rep.Rep.Team,
            Role = rep.Rep.Role,
            Metric = metric,
            RepValue = (decimal)own.Value,
            Shrunk = (decimal)shrunk,
            PeerValue = (decimal)mean,
            RangeLow = (decimal)(mean - half),
            RangeHigh = (decimal)(mean + half),
            Sample = own.Sample,
            ComparedWithTeam = withTeam,
            Score = (decimal)Math.Round(Math.Abs(shrunk - mean) / Math.Abs(mean), 6),
        };
    }

    /// <summary>The peers' level: every deal or day of every peer counted once (not the mean of their figures).</summary>
    private static double Pooled(CoachingMetric metric, List<RepFigures> peers) => metric switch
    {
        CoachingMetric.WinRate => peers.Sum(p => p.Won) / (double)peers.Sum(p => p.Closed),
        CoachingMetric.DealSize => peers.Sum(p => p.WonAmounts.Sum()) / peers.Sum(p => p.WonAmounts.Count),
        CoachingMetric.Cycle => peers.Sum(p => p.WonCycles.Sum()) / peers.Sum(p => p.WonCycles.Count),
        _ => peers.Sum(p => p.Activities) / (double)peers.Sum(p => p.WorkingDays),
    };

    /// <summary>
    /// The per-unit sampling variance a rep's figure is divided from: the team's p(1 − p) for a win rate, the activity
    /// rate itself for activity counts (Poisson), and the peers' pooled within-rep variance of deal sizes or cycles.
    /// </summary>
    private static double Noise(CoachingMetric metric, List<RepFigures> peers, double mean)
    {
        if (metric is CoachingMetric.WinRate)
        {
            return mean * (1 - mean);
        }

        if (metric is CoachingMetric.Activity)
        {
            return mean;
        }

        var values = peers.Select(p => metric == CoachingMetric.DealSize ? p.WonAmounts : p.WonCycles).ToList();
        var degrees = values.Sum(v => v.Count - 1);
        if (degrees > 0)
        {
            return values.Sum(v =>
            {
                var average = v.Average();
                return v.Sum(x => (x - average) * (x - average));
            }) / degrees;
        }

        var all = values.SelectMany(v => v).ToList();
        return all.Count > 1 ? all.Sum(x => (x - mean) * (x - mean)) / (all.Count - 1) : 0;
    }

    /// <summary>One rep's deals and activity in the window.</summary>
    private sealed class RepFigures(Rep rep)
    {
        public Rep Rep { get; } = rep;

        public int Won { get; set; }

        public int Closed { get; set; }

        public List<double> WonAmounts { get; } = [];

        public List<double> WonCycles { get; } = [];

        public long Activities { get; set; }

        public int WorkingDays { get; set; }

        /// <summary>The rep's figure for the metric with its sampling variance (per-unit noise / sample), or null without data.</summary>
        public Observation? Observe(CoachingMetric metric, double unitNoise = 0) => metric switch
        {
            CoachingMetric.WinRate when Closed > 0 => new(Won / (double)Closed, unitNoise / Closed, Closed),
            CoachingMetric.DealSize when WonAmounts.Count > 0 => new(WonAmounts.Average(), unitNoise / WonAmounts.Count, WonAmounts.Count),
            CoachingMetric.Cycle when WonCycles.Count > 0 => new(WonCycles.Average(), unitNoise / WonCycles.Count, WonCycles.Count),
            CoachingMetric.Activity when WorkingDays > 0 => new(Activities / (double)WorkingDays, unitNoise / WorkingDays, WorkingDays),
            _ => null,
        };

        /// <summary>
        /// The figures of the reps active and past ramp at the instant (managers aside) over [from, asOf): deals closed in
        /// it, and activities of the days over by then on their working days (Monday to Friday while employed).
        /// </summary>
        public static List<RepFigures> Of(Dataset data, DateTimeOffset from, DateTimeOffset asOf, int rampMonths)
        {
            var lastDay = Instants.DayOf(asOf.AddTicks(-1));
            var byId = data.Reps
                .Where(r => r.Role != RepRole.Manager && r.IsActiveOn(lastDay) && (r.StartDate is not { } start || start.AddMonths(rampMonths) <= lastDay))
                .ToDictionary(r => r.RepId, r => new RepFigures(r), StringComparer.Ordinal);
            foreach (var deal in data.Opportunities)
            {
                if (deal.ClosedAt is not { } closed || closed < from || closed >= asOf || deal.Status == OpportunityStatus.Open
                    || !byId.TryGetValue(deal.OwnerRepId, out var figures))
                {
                    continue;
                }

                figures.Closed++;
                if (deal.Status == OpportunityStatus.Won)
                {
                    figures.Won++;
                    figures.WonAmounts.Add((double)deal.Amount);
                    figures.WonCycles.Add((closed - deal.CreatedAt).TotalDays);
                }
            }

            // Activities count once their UTC day is over: the days before the as-of instant's own day.
            var firstDay = Instants.DayOf(from);
            var endDay = Instants.DayOf(asOf);
            foreach (var day in data.ActivityDays)
            {
                if (day.Day >= firstDay && day.Day < endDay && byId.TryGetValue(day.RepId, out var figures))
                {
                    figures.Activities += day.Count;
                }
            }

            foreach (var figures in byId.Values)
            {
                figures.WorkingDays = CountWorkingDays(figures.Rep, firstDay, endDay);
            }

            return [.. byId.Values];
        }

        private static int CountWorkingDays(Rep rep, DateOnly from, DateOnly to)
        {
            var count = 0;
            for (var day = from; day < to; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && rep.IsActiveOn(day))
                {
                    count++;
                }
            }

            return count;
        }
    }
}
