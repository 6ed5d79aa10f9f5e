using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Verticals;

/// <summary>
/// pipeline_by_service_line, always by service_line (within the query's filter): open pipeline at the end of P (or at
/// t), new pipeline, bookings and win rate in P. The value is the open pipeline.
/// </summary>
internal sealed class ServiceLineIndicator : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } = ["pipeline_by_service_line"];

    public override IReadOnlyList<Dimension>? FixedBy(string name) => [Dimension.ServiceLine];

    public override Outcome[] Compute(string name, Scope s)
    {
        var open = DealStats.Open(s, s.Reference);
        var created = DealStats.Created(s, s.Window);
        var closed = DealStats.Closed(s, s.Window);
        return s.Each(g =>
        {
            var decided = closed.WonCount[g] + closed.LostCount[g];
            return Outcome.Of(open.Amount[g], new ServiceLineDetail
            {
                OpenPipeline = open.Amount[g],
                NewPipeline = created.Amount[g],
                Bookings = closed.WonAmount[g],
                WinRate = decided == 0 ? null : Num.Ratio(closed.WonCount[g], decided),
            });
        });
    }
}
