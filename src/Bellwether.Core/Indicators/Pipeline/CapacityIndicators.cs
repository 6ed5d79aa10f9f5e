using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// Pipeline capacity and hiring: what a ramped selling rep produces per month (pipeline and bookings), how much new
/// pipeline the next period P+1 still needs and in which days it must be created (<see cref="PipelineNeed"/>), and
/// whether the current reps will create it or N more must start by a date. The next period's target is its plan's or
/// the query's explicit target. A deal-only filter (a plan's <c>type=new_business</c>) narrows the deals and weights
/// each rep by the share of their role's deals in it (<see cref="SellingRoles"/>).
/// </summary>
internal sealed class CapacityIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } =
        ["new_pipeline_needed", "pipeline_per_ramped_rep", "bookings_per_ramped_rep", "hiring_signal"];

    public override Source SourceOf(string name) => Source.Reps;

    public override Timing TimingOf(string name) => name.EndsWith("_per_ramped_rep", StringComparison.Ordinal) ? Timing.State : Timing.Forward;

    public override bool FiltersWhereCarried(string name) => true;

    public override Outcome[] Compute(string name, Scope s) => name switch
    {
        "pipeline_per_ramped_rep" => PerRampedRep(s, s.Reference, bookings: false),
        "bookings_per_ramped_rep" => PerRampedRep(s, s.Reference, bookings: true),
        "new_pipeline_needed" => s.Each(g => PipelineNeed.For(s, s.Calendar.Next(s.Period), g) switch
        {
            ({ } need, _) => need.PerMonth(s, g),
            (_, var lacking) => lacking,
        }),
        "hiring_signal" => Hiring(s),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>
    /// Trailing 2 fiscal quarters before the instant: the slice's deals created (or booked) by reps while past ramp / the
    /// ramped rep-months of the slice's reps in the window, each weighted by their role's share of the slice.
    /// </summary>
    private static Outcome[] PerRampedRep(Scope s, long at, bool bookings) => s.Memo($"per_ramped:{at}:{bookings}", () =>
    {
        var window = Window.Trailing(s.Calendar, at, Grain.Quarter, 2);
        var deals = s.Data.Deals;
        var reps = s.Data.Reps;
        var roles = SellingRoles.At(s, at);
        var dealOf = s.Space.Map(Source.Deals).Of;
        var repOf = s.Space.Map(Source.Reps).Of;
        var total = new decimal[s.Groups];
        void Credit(int i, long when, decimal amount)
        {
            if (dealOf[i] >= 0 && RepMonths.IsRamped(reps, deals.Rep[i], Window.Day(when)))
            {
                total[dealOf[i]] += amount;
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
            if (repOf[rep] >= 0)
            {
                months[repOf[rep]] += roles.Of(reps, rep) * RepMonths.Ramped(reps, rep, Window.Day(window.From), Window.Day(window.To));
            }
        }

        var shares = Enum.GetValues<Core.Reps.RepRole>().ToDictionary(r => Text.SnakeCase.Name(r), r => Num.Of(Math.Round(roles.Share(r), 6)));
        return s.Each(g =>
        {
            var detail = new RampedRepDetail { Window = window.Label, Total = total[g], RampedRepMonths = Num.Of(Math.Round(months[g], 6)), RoleShares = shares };
            return months[g] <= 0
                ? Outcome.Lacking(roles.DealFilter.Count == 0
                    ? $"no ramped rep-months in {window.Label}"
                    : $"no ramped rep-months in {window.Label} of a role that sells {Slicing.SliceText.Format(roles.DealFilter.ToDictionary(f => Text.SnakeCase.Name(f.Key), f => f.Value))} ({roles.Basis})", detail)
                : Outcome.Of(Num.Money(total[g] / (decimal)months[g]), detail);
        });
    });

    /// <summary>
    /// hiring_signal: the new pipeline P+1 still needs (in its creation window) against what the reps active at t create
    /// in the window (pipeline_per_ramped_rep × their ramp-weighted rep-months × their role's share). A shortfall gives
    /// the reps of the selling role to add if they started on t's day — each adding ramp-weighted months in the window
    /// — and the latest start date at which that many still cover it. The need never exceeds P+1's required pipeline,
    /// so the reps asked for never exceed what the plan could need with no pipeline and no reps at all.
    /// </summary>
    private static Outcome[] Hiring(Scope s)
    {
        var perRep = PerRampedRep(s, s.T, bookings: false);
        var reps = s.Data.Reps;
        var roles = SellingRoles.At(s, s.T);
        var hireRole = roles.HireRole;
        var hireShare = roles.Share(hireRole);
        var ramp = s.Data.Settings.RampMonths;
        var of = s.Space.Map(Source.Reps).Of;
        var today = Window.Day(s.T);
        var next = s.Calendar.Next(s.Period);
        return s.Each(g =>
        {
            var (need, lacking) = PipelineNeed.For(s, next, g);
            if (need is null)
            {
                return lacking with { Detail = null };
            }

            if (perRep[g].Missing is { } noRate || perRep[g].Value is not { } rate || rate <= 0)
            {
                return Outcome.Lacking(perRep[g].Missing ?? "ramped reps produced no pipeline in the trailing 2 fiscal quarters");
            }

            var capacityMonths = 0.0;
            for (var rep = 0; rep < reps.Count; rep++)
            {
                // A rep active at t is taken to stay: an end date after t was not known at t.
                if (of[rep] == g && reps.StartDay[rep] <= today && reps.EndDay[rep] >= today)
                {
                    capacityMonths += roles.Of(reps, rep) * RepMonths.RampWeighted(reps.StartDay[rep], need.To, need.From, ramp);
                }
            }

            var capacity = Num.Money(rate * (decimal)capacityMonths);
            var shortfall = need.Gap - capacity;
            double HireMonths(int startDay) => hireShare * RepMonths.RampWeighted(startDay, need.To, need.From, ramp);
            var detail = new HiringDetail
            {
                RepsToAdd = 0,
                TargetPeriod = next.Label,
                HireRole = Text.SnakeCase.Name(hireRole),
                Needed = need.Gap,
                CurrentCapacity = capacity,
                Shortfall = Math.Max(0, shortfall),
                PipelinePerRampedRep = rate,
                HireMonths = Num.Of(Math.Round(HireMonths(today), 6)),
                WindowStart = DateOnly.FromDayNumber(need.From),
                WindowEnd = DateOnly.FromDayNumber(need.To),
            };
            if (shortfall <= 0)
            {
                return Outcome.Of(0, detail);
            }

            if (HireMonths(today) <= 0)
            {
                return Outcome.Lacking($"a rep hired now adds nothing before {TargetDetail.Day(DateOnly.FromDayNumber(need.To))}, after which pipeline closes too late for {next.Label}", detail);
            }

            var add = (int)Math.Ceiling((double)shortfall / ((double)rate * HireMonths(today)));
            bool Covers(int day) => add * (double)rate * HireMonths(day) >= (double)shortfall;
            int lo = today, hi = need.To - 1;
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
