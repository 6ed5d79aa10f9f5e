using Bellwether.Core.Indicators.Engine;
using Bellwether.Core.Leads;
using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Indicators.Leads;

/// <summary>
/// The top of the funnel: leads created in P (before t), the inbound/outbound mix, and two cohort rates over the leads
/// created in P — qualified within the qualification window, and turned into a won deal — both provisional while the
/// cohort can still change.
/// </summary>
internal sealed class LeadIndicators : IndicatorFamily
{
    public override IReadOnlyList<string> Names { get; } =
        ["leads", "inbound_share", "outbound_to_inbound_ratio", "lead_qualification_rate", "lead_to_win_rate"];

    public override Source SourceOf(string name) => Source.Leads;

    public override Outcome[] Compute(string name, Scope s)
    {
        var c = Cohort.Of(s);
        var label = s.Period.Label;
        switch (name)
        {
            case "leads":
                return s.Each(g => Outcome.Of(c.Count[g]));
            case "inbound_share":
                return s.Each(g => Outcome.Ratio(c.Inbound[g], c.Count[g], $"no leads created in {label}"));
            case "outbound_to_inbound_ratio":
                return s.Each(g => Outcome.Ratio(c.Count[g] - c.Inbound[g], c.Inbound[g], $"no inbound leads created in {label}"));
            case "lead_qualification_rate":
                var days = s.Data.Settings.QualificationWindowDays;
                var windowEnd = s.End + (days * TimeSpan.TicksPerDay);
                var open = s.T < windowEnd
                    ? $"the {days}-day qualification window of leads created in {label} is open until {Window.Format(windowEnd)}"
                    : null;
                return s.Each(g =>
                {
                    var o = Outcome.Ratio(c.Qualified[g], c.Count[g], $"no leads created in {label}");
                    return open is null ? o : o.WithProvisional(open);
                });
            case "lead_to_win_rate":
                return s.Each(g =>
                {
                    var o = Outcome.Ratio(c.Won[g], c.Count[g], $"no leads created in {label}");
                    return c.StillOpen[g] == 0 ? o : o.WithProvisional($"{c.StillOpen[g]} of the cohort's opportunities are still open");
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private sealed class Cohort
    {
        private Cohort(int groups)
        {
            Count = new int[groups];
            Inbound = new int[groups];
            Qualified = new int[groups];
            Won = new int[groups];
            StillOpen = new int[groups];
        }

        public int[] Count { get; }

        public int[] Inbound { get; }

        /// <summary>Qualified before t and within the qualification window of creation.</summary>
        public int[] Qualified { get; }

        /// <summary>Whose opportunity was won before t.</summary>
        public int[] Won { get; }

        /// <summary>Whose opportunity was still open at t.</summary>
        public int[] StillOpen { get; }

        public static Cohort Of(Scope s) => s.Memo($"leads:{s.Start}:{s.End}", () =>
        {
            var leads = s.Data.Leads;
            var deals = s.Data.Deals;
            var of = s.Space.Map(Source.Leads).Of;
            var window = s.Data.Settings.QualificationWindowDays * TimeSpan.TicksPerDay;
            var c = new Cohort(s.Groups);
            var a = Sorted.LowerBound(leads.Created, s.Start);
            var b = Sorted.LowerBound(leads.Created, Math.Max(s.Start, Math.Min(s.End, s.T)));
            for (var i = a; i < b; i++)
            {
                var g = of[i];
                if (g < 0)
                {
                    continue;
                }

                c.Count[g]++;
                if (leads.Source[i] == (int)LeadSource.Inbound)
                {
                    c.Inbound[g]++;
                }

                if (leads.Qualified[i] < s.T && leads.Qualified[i] - leads.Created[i] <= window)
                {
                    c.Qualified[g]++;
                }

                var d = leads.Deal[i];
                if (d >= 0 && deals.Created[d] < s.T)
                {
                    if (deals.Closed[d] < s.T)
                    {
                        c.Won[g] += deals.Status[d] == OpportunityStatus.Won ? 1 : 0;
                    }
                    else
                    {
                        c.StillOpen[g]++;
                    }
                }
            }

            return c;
        });
    }
}
