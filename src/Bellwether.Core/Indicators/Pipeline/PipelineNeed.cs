using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// The new pipeline a target period Q still needs, as of t, and the days in which it must be created. Q's required
/// pipeline (its remaining target / the trailing win rate) less the open pipeline closable in Q (due in Q, not earlier)
/// is the gap; pipeline created on day d closes, on the slice's mean won cycle c, on d + c, so only pipeline created in
/// [max(today, Q's start − c), Q's end − c) lands in Q. The burn — the pipeline that closes won or lost before Q — is not
/// added on top: what closes before Q was never counted as Q's (closable leaves out deals due earlier), and what is lost
/// is already paid for by dividing by the win rate. See the Indicators README.
/// </summary>
internal sealed record PipelineNeed
{
    /// <summary>Average days in a month, for windows and cycles written in months.</summary>
    public const double DaysPerMonth = 365.2425 / 12;

    public required Period Target { get; init; }

    /// <summary>The gap, in money, never below 0 and never above <see cref="Required"/>.</summary>
    public required decimal Gap { get; init; }

    public required decimal Required { get; init; }

    /// <summary>First day of the creation window.</summary>
    public required int From { get; init; }

    /// <summary>First day after the creation window.</summary>
    public required int To { get; init; }

    /// <summary>Calendar months in the window.</summary>
    public required double Months { get; init; }

    public required TargetDetail Detail { get; init; }

    /// <summary>The need of a slice (group) for a target period, or the reason it cannot be said (as a lacking outcome).</summary>
    public static (PipelineNeed? Need, Outcome Lacking) For(Scope s, Period target, int g)
    {
        var asOf = Instants.Format(s.AsOf);
        if (s.T >= target.StartInstant.UtcTicks)
        {
            return (null, Outcome.Lacking($"{target.Label} has begun as of {asOf}"));
        }

        if (Targets.For(s, target, g) is not { } goal)
        {
            return (null, Outcome.Lacking(Targets.NoTarget(s, target, g)));
        }

        var targetScope = s.ForPeriod(target);
        var booked = DealStats.Closed(targetScope, targetScope.Window).WonAmount[g];
        var remaining = Math.Max(0, goal.Amount - booked);
        var detail = new TargetDetail
        {
            Target = goal.Amount,
            TargetSource = goal.Source,
            TargetPeriod = target.Label,
            BookedSoFar = booked,
            Remaining = remaining,
        };
        var (rate, missing) = Targets.TrailingWinRate(s, g);
        if (missing is not null)
        {
            return (null, Outcome.Lacking(missing, detail));
        }

        // The trailing win rate exists, so the trailing window has a won deal to take the mean cycle from.
        var trailing = DealStats.Closed(s, Window.Trailing(s.Calendar, s.T, Grain.Quarter, 4));
        var cycle = trailing.CycleDays[g] / trailing.WonCount[g];
        var cycleDays = (int)Math.Round(cycle, MidpointRounding.AwayFromZero);
        var today = Window.Day(s.T);
        var from = Math.Max(today, target.Start.DayNumber - cycleDays);
        var to = target.End.DayNumber - cycleDays;
        var required = Num.Money(remaining / (decimal)rate);
        var closable = Closable.In(targetScope, target, excludeEarlier: true);
        var outflow = DealStats.Closed(s, Window.Trailing(s.Calendar, s.T, Grain.Month, 3));
        detail = detail with
        {
            WinRate = Num.Of(rate),
            RequiredPipeline = required,
            ClosableAmount = closable.Amount[g],
            ClosableDeals = closable.Count[g],
            CycleDays = Num.Of(Math.Round(cycle, 6)),
            MonthlyOutflow = Num.Money((outflow.WonAmount[g] + outflow.LostAmount[g]) / 3),
        };
        if (from >= to)
        {
            return (null, Outcome.Lacking(
                $"too late for {target.Label}: pipeline created from {Day(today)} closes after {target.Label} ends, on the slice's mean won cycle of {Reporting.Readable.Days((decimal)cycle)}",
                detail));
        }

        var months = RepMonths.Calendar(from, to);
        var need = new PipelineNeed
        {
            Target = target,
            Gap = Math.Max(0, required - closable.Amount[g]),
            Required = required,
            From = from,
            To = to,
            Months = months,
            Detail = detail with
            {
                WindowStart = DateOnly.FromDayNumber(from),
                WindowEnd = DateOnly.FromDayNumber(to),
                MonthsLeft = Num.Of(Math.Round(months, 6)),
            },
        };
        return (need, default);
    }

    /// <summary>new_pipeline_needed: the gap per calendar month of the window.</summary>
    public Outcome PerMonth(Scope s, int g) =>
        Outcome.Of(Num.Money(Gap / (decimal)Months), Detail, Closable.UnjudgedReason(Closable.In(s.ForPeriod(Target), Target, excludeEarlier: true), g));

    private static string Day(int day) => DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
