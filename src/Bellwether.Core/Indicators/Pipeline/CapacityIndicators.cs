using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// Pipeline burn and hiring: what ramped reps produce per month (pipeline and bookings), how much new pipeline each
/// month must bring before the next period P+1 starts to make P+1's target, and whether the current reps can make it
/// or N more must start by a date. The next period's target is its plan's or the query's explicit target.
/// </summary>
internal sealed class CapacityIndicators : IndicatorFamily
{
    /// <summary>Average days in a month, to turn a span of days into months.</summary>
    private const double DaysPerMonth = 365.2425 / 12;

    public override IReadOnlyList<string> Names { get; } =
        ["new_pipeline_needed", "pipeline_per_ramped_rep", "bookings_per_ramped_rep", "hiring_signal"];

    public override Source SourceOf(string name) => Source.Reps;

    public override Timing TimingOf(string name) => name.EndsWith("_per_ramped_rep", StringComparison.Ordinal) ? Timing.State : Timing.Forward;

    public override Outcome[] Compute(string name, Scope s) => name switch
    {
        "pipeline_per_ramped_rep" => PerRampedRep(s, s.Reference, bookings: false),
        "bookings_per_ramped_rep" => PerRampedRep(s, s.Reference, bookings: true),
        "new_pipeline_needed" => s.Each(g => Needed(s, g).Outcome),
        "hiring_signal" => Hiring(s),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>
    /// Trailing 2 fiscal quarters before the instant: amount created (or booked) by reps while past ramp / their ramped
    /// rep-months in the window.
    /// </summary>
    private static Outcome[] PerRampedRep(Scope s, long at, bool bookings) => s.Memo($"per_ramped:{at}:{bookings}", () =>
    {
        var window = Window.Trailing(s.Calendar, at, Grain.Quarter, 2);
        var deals = s.Data.Deals;
        var reps = s.Data.Reps;
        var ramp = s.Data.Settings.RampMonths;
        var of = s.Space.Map(Source.Reps).Of;
        var total = new decimal[s.Groups];
        void Credit(int i, long when, decimal amount)
        {
            var rep = deals.Rep[i];
            if (of[rep] >= 0 && RepMonths.IsRamped(reps, rep, Window.Day(when), ramp))
            {
                total[of[rep]] += amount;
            }
        }

        if (bookings)
        {
            var (a, b) = DealStats.ClosedRange(s, window);
            for (var i = a; i < b; i++)
            {
                if (deals.Status[i] == OpportunityStatus.Won)
                {
                    Credit(i, deals.Closed[i], deals.Amount[i]);
                }
            }
        }
        else
        {
            var a = Sorted.LowerBound(deals.CreatedSorted, window.From);
            var b = Sorted.LowerBound(deals.CreatedSorted, Math.Min(window.To, s.T));
            for (var k = a; k < b; k++)
            {
                Credit(deals.ByCreated[k], deals.Created[deals.ByCreated[k]], deals.FirstAmount[deals.ByCreated[k]]);
            }
        }

        var months = new double[s.Groups];
        for (var rep = 0; rep < reps.Count; rep++)
        {
            if (of[rep] >= 0)
            {
                months[of[rep]] += RepMonths.Ramped(reps, rep, Window.Day(window.From), Window.Day(window.To), ramp);
            }
        }

        return s.Each(g =>
        {
            var detail = new RampedRepDetail { Window = window.Label, Total = total[g], RampedRepMonths = Num.Of(Math.Round(months[g], 6)) };
            return months[g] <= 0
                ? Outcome.Lacking($"no ramped rep-months in {window.Label}", detail)
                : Outcome.Of(Num.Money(total[g] / (decimal)months[g]), detail);
        });
    });

    private sealed record Need(Outcome Outcome, Period Next, decimal PerMonth, double MonthsLeft);

    /// <summary>
    /// new_pipeline_needed for P: P+1's required pipeline (as of t) less the open pipeline that can close in P+1 (and
    /// not already in P), spread over the months from t to P+1's start (at least one), plus the trailing 3 full months'
    /// mean monthly pipeline_outflow.
    /// </summary>
    private static Need Needed(Scope s, int g)
    {
        var next = s.Calendar.Next(s.Period);
        var asOf = Instants.Format(s.AsOf);
        Need Lacking(string reason, TargetDetail? detail = null) => new(Outcome.Lacking(reason, detail), next, 0, 0);
        if (s.T >= next.StartInstant.UtcTicks)
        {
            return Lacking($"{next.Label} has begun as of {asOf}");
        }

        var nextScope = s.ForPeriod(next);
        if (Targets.For(s, next, g) is not { } target)
        {
            return Lacking(Targets.NoTarget(s, next, g));
        }

        var (rate, missing) = Targets.TrailingWinRate(s, g);
        var booked = DealStats.Closed(nextScope, nextScope.Window).WonAmount[g];
        var remaining = Math.Max(0, target.Amount - booked);
        var detail = new TargetDetail
        {
            Target = target.Amount,
            TargetSource = target.Source,
            TargetPeriod = next.Label,
            BookedSoFar = booked,
            Remaining = remaining,
        };
        if (missing is not null)
        {
            return Lacking(missing, detail);
        }

        var required = remaining / (decimal)rate;
        var closable = Closable.In(nextScope, next, excludeEarlier: true);
        var monthsLeft = Math.Max(1, (next.StartInstant.UtcTicks - s.T) / (double)TimeSpan.TicksPerDay / DaysPerMonth);
        var outflowWindow = Window.Trailing(s.Calendar, s.T, Grain.Month, 3);
        var outflow = DealStats.Closed(s, outflowWindow);
        var monthlyOutflow = (outflow.WonAmount[g] + outflow.LostAmount[g]) / 3;
        var perMonth = Num.Money((Math.Max(0, required - closable.Amount[g]) / (decimal)monthsLeft) + monthlyOutflow);
        detail = detail with
        {
            WinRate = Num.Of(rate),
            RequiredPipeline = Num.Money(required),
            ClosableAmount = closable.Amount[g],
            ClosableDeals = closable.Count[g],
            MonthsLeft = Num.Of(Math.Round(monthsLeft, 6)),
            MonthlyOutflow = Num.Money(monthlyOutflow),
        };
        return new(Outcome.Of(perMonth, detail, Closable.UnjudgedReason(closable, g)), next, perMonth, monthsLeft);
    }

    /// <summary>
    /// hiring_signal: the pipeline needed before P+1 starts (per month × months left) against what the reps active at t
    /// produce over those months (pipeline_per_ramped_rep × their ramp-weighted rep-months). A shortfall gives the reps
    /// to add if they started on t's day, each adding ramp-weighted months until P+1 ends, and the latest start date at
    /// which that many still cover it.
    /// </summary>
    private static Outcome[] Hiring(Scope s)
    {
        var perRep = PerRampedRep(s, s.T, bookings: false);
        var reps = s.Data.Reps;
        var ramp = s.Data.Settings.RampMonths;
        var of = s.Space.Map(Source.Reps).Of;
        var today = Window.Day(s.T);
        return s.Each(g =>
        {
            var need = Needed(s, g);
            if (need.Outcome.Missing is not null)
            {
                return need.Outcome with { Detail = null };
            }

            if (perRep[g].Missing is { } noRate || perRep[g].Value is not { } rate || rate <= 0)
            {
                return Outcome.Lacking(perRep[g].Missing ?? "ramped reps produced no pipeline in the trailing 2 fiscal quarters");
            }

            var nextStart = need.Next.Start.DayNumber;
            var capacityMonths = 0.0;
            for (var rep = 0; rep < reps.Count; rep++)
            {
                // A rep active at t is taken to stay: an end date after t was not known at t.
                if (of[rep] == g && reps.StartDay[rep] <= today && reps.EndDay[rep] >= today)
                {
                    capacityMonths += RepMonths.RampWeighted(reps.StartDay[rep], nextStart, today, ramp);
                }
            }

            var needed = Num.Money(need.PerMonth * (decimal)need.MonthsLeft);
            var capacity = Num.Money(rate * (decimal)capacityMonths);
            var shortfall = needed - capacity;
            var end = need.Next.End.DayNumber;
            double HireMonths(int startDay) => RepMonths.RampWeighted(startDay, end, startDay, ramp);
            var detail = new HiringDetail
            {
                RepsToAdd = 0,
                TargetPeriod = need.Next.Label,
                Needed = needed,
                CurrentCapacity = capacity,
                Shortfall = Math.Max(0, shortfall),
                PipelinePerRampedRep = rate,
                HireMonths = Num.Of(Math.Round(HireMonths(today), 6)),
            };
            if (shortfall <= 0)
            {
                return Outcome.Of(0, detail);
            }

            if (HireMonths(today) <= 0)
            {
                return Outcome.Lacking($"a rep hired now adds nothing before {need.Next.Label} ends", detail);
            }

            var add = (int)Math.Ceiling((double)shortfall / ((double)rate * HireMonths(today)));
            bool Covers(int day) => add * (double)rate * HireMonths(day) >= (double)shortfall;
            int lo = today, hi = end - 1;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (Covers(mid))
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return Outcome.Of(add, detail with { RepsToAdd = add, StartBy = DateOnly.FromDayNumber(lo) });
        });
    }
}
