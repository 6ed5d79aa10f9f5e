using Bellwether.Core.Activities;
using Bellwether.Core.Indicators.Activity;
using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Reps;

/// <summary>Each rep's own figures in P as of t, by rep code: what quotas are measured against and reps are ranked by.</summary>
internal sealed class RepFigures
{
    private RepFigures(int reps)
    {
        WonCount = new int[reps];
        LostCount = new int[reps];
        Bookings = new decimal[reps];
        CycleDays = new double[reps];
        NewDeals = new int[reps];
        NewPipeline = new decimal[reps];
        Meetings = new long[reps];
        Activities = new long[reps];
        WorkingDays = new int[reps];
    }

    public int[] WonCount { get; }

    public int[] LostCount { get; }

    public decimal[] Bookings { get; }

    public double[] CycleDays { get; }

    public int[] NewDeals { get; }

    public decimal[] NewPipeline { get; }

    public long[] Meetings { get; }

    public long[] Activities { get; }

    public int[] WorkingDays { get; }

    public static RepFigures Of(Scope s) => s.Memo($"rep_figures:{s.Start}:{s.End}", () =>
    {
        var deals = s.Data.Deals;
        var reps = s.Data.Reps;
        var f = new RepFigures(reps.Count);
        var (a, b) = DealStats.ClosedRange(s, s.Window);
        for (var i = a; i < b; i++)
        {
            var rep = deals.Rep[i];
            if (deals.Status[i] == OpportunityStatus.Won)
            {
                f.WonCount[rep]++;
                f.Bookings[rep] += deals.Amount[i];
                f.CycleDays[rep] += (deals.Closed[i] - deals.Created[i]) / (double)TimeSpan.TicksPerDay;
            }
            else
            {
                f.LostCount[rep]++;
            }
        }

        var c0 = Sorted.LowerBound(deals.CreatedSorted, s.Start);
        var c1 = Sorted.LowerBound(deals.CreatedSorted, Math.Max(s.Start, Math.Min(s.End, s.T)));
        for (var k = c0; k < c1; k++)
        {
            var i = deals.ByCreated[k];
            f.NewDeals[deals.Rep[i]]++;
            f.NewPipeline[deals.Rep[i]] += deals.FirstAmount[i];
        }

        var (from, to) = ActivityCounts.KnownDays(s, s.Window);
        var perKey = ActivityCounts.PerKey(s, from, to);
        for (var rep = 0; rep < reps.Count; rep++)
        {
            for (var type = 0; type < ActivityTable.TypeCount; type++)
            {
                f.Activities[rep] += perKey[ActivityTable.Key(rep, type)];
            }

            f.Meetings[rep] = perKey[ActivityTable.Key(rep, (int)ActivityType.Meeting)];
            f.WorkingDays[rep] = ActivityCounts.WorkingDays(reps, rep, from, to);
        }

        return f;
    });
}
