using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Time;

namespace Bellwether.Core.Indicators.Pipeline;

/// <summary>
/// For a bookings target T for P (plans.csv or the query's), as of t inside or before P: the pipeline still required
/// (max(0, T − booked so far) / trailing win rate) and the coverage of what remains by closable deals.
/// </summary>
internal sealed class TargetIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["required_pipeline", "pipeline_coverage"];

    public override Timing TimingOf(string name) => Timing.Forward;

    public override Outcome[] Compute(string name, Scope s)
    {
        if (s.T >= s.End)
        {
            return s.Each(_ => Outcome.Lacking($"{s.Period.Label} is over as of {Instants.Format(s.AsOf)}"));
        }

        var booked = DealStats.Closed(s, s.Window);
        return s.Each(g =>
        {
            if (Targets.For(s, s.Period, g) is not { } target)
            {
                return Outcome.Lacking(Targets.NoTarget(s, s.Period, g));
            }

            var remaining = Math.Max(0, target.Amount - booked.WonAmount[g]);
            var detail = new TargetDetail
            {
                Target = target.Amount,
                TargetSource = target.Source,
                TargetPeriod = s.Period.Label,
                BookedSoFar = booked.WonAmount[g],
                Remaining = remaining,
            };
            return name == "required_pipeline" ? Required(s, g, remaining, detail) : Coverage(s, g, remaining, detail);
        });
    }

    private static Outcome Required(Scope s, int g, decimal remaining, TargetDetail detail)
    {
        var (rate, missing) = Targets.TrailingWinRate(s, g);
        if (missing is not null)
        {
            return Outcome.Lacking(missing, detail);
        }

        var required = Num.Money(remaining / (decimal)rate);
        return Outcome.Of(required, detail with { WinRate = Num.Of(rate), RequiredPipeline = required });
    }

    private static Outcome Coverage(Scope s, int g, decimal remaining, TargetDetail detail)
    {
        var closable = Closable.In(s, s.Period);
        detail = detail with { ClosableAmount = closable.Amount[g], ClosableDeals = closable.Count[g] };
        return remaining <= 0
            ? Outcome.Lacking("target met", detail)
            : Outcome.Of(Num.Ratio(closable.Amount[g], remaining), detail, Closable.UnjudgedReason(closable, g));
    }
}
