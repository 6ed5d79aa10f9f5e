using Bellwether.Core.Activities;
using Bellwether.Core.Data;
using Bellwether.Core.Indicators;
using Bellwether.Core.Leads;
using Bellwether.Core.Plans;
using Bellwether.Core.Reps;
using Bellwether.Core.Signals;
using static Bellwether.Core.Tests.Indicators.Fixture;

namespace Bellwether.Core.Tests.Signals;

public sealed class NewBusinessSignalsTests
{
    // 16 May 2017, in 2017-Q2 (1 April to 1 July): 45 of its 91 days are over.
    private static readonly DateTimeOffset AsOf = At("2017-05-16");

    private static PlanLine Bookings(string period, decimal target) => new()
    {
        Pillar = Pillar.NewBusiness,
        Metric = "bookings",
        Period = period,
        Target = target,
        Owner = "President",
        Slice = new Dictionary<string, string> { ["type"] = "new_business" },
    };

    private static Lead Lead(int k, DateTimeOffset created, bool qualified) => new()
    {
        LeadId = $"l{k}",
        CreatedAt = created,
        Source = LeadSource.Inbound,
        QualifiedAt = qualified ? created.AddDays(10) : null,
    };

    /// <summary>
    /// Leads every 5 days from 1 April 2016 (73 up to 27 March 2017: 0.2 a day over the 365 days of 2016-Q2..2017-Q1),
    /// every other one qualified in 2016-Q2 and Q3 (10 of 19, 9 of 18) and all 18 of 2016-Q4; then 12 on 2 to 13 April
    /// 2017 and one on 12 May.
    /// </summary>
    private static IEnumerable<Lead> Leads()
    {
        for (var k = 0; k <= 72; k++)
        {
            var created = At("2016-04-01").AddDays(5 * k);
            yield return Lead(k, created, k % 2 == 0 || (created >= At("2016-10-01") && created < At("2017-01-01")));
        }

        for (var d = 0; d < 12; d++)
        {
            yield return Lead(100 + d, At("2017-04-02").AddDays(d), qualified: false);
        }

        yield return Lead(200, At("2017-05-12"), qualified: false);
    }

    // Trailing 4 quarters (2016-Q2..2017-Q1): w1 won, l1 and l2 lost → win rate 1/3. In 2017-Q2 so far: w2 won 400,
    // l3 lost; l3, o1 and o2 created (50 + 600 + 900). o1 is due in Q2, o2 in Q3.
    private static Dataset Company { get; } = Bellwether.Core.Tests.Indicators.Fixture.Company(
        Won("w1", 200, "2016-10-01", "2016-11-01"),
        Lost("l1", 100, "2016-10-05", "2016-12-01"),
        Lost("l2", 300, "2017-01-10", "2017-02-10"),
        Won("w2", 400, "2017-03-01", "2017-04-20"),
        Lost("l3", 50, "2017-04-02", "2017-05-02"),
        Deal("o1", 600, "2017-04-10", expected: "2017-06-15"),
        Deal("o2", 900, "2017-05-01", expected: "2017-08-01")) with
    {
        Reps = [Rep("r1", "east")],
        Plans = [Bookings("2017-Q2", 1000)],
        Leads = [.. Leads()],
        Standards = [new ActivityStandard { Role = "ae", Type = ActivityType.Call, Per = StandardPer.Day, Minimum = 1 }],
        ActivityDays = [Acts("r1", "2017-04-03", ActivityType.Call, 10)],
    };

    private static IReadOnlyList<Signal> Signals(Dataset data, DateTimeOffset? asOf = null)
    {
        var engine = new IndicatorEngine(data);
        var now = new SignalContext { Engine = engine, AsOf = asOf ?? AsOf, Period = data.Settings.Calendar.Parse("2017-Q2"), Plans = data.Plans };
        return PillarSignals.Of(now, now with { AsOf = now.AsOf.AddDays(-7) }, Pillar.NewBusiness);
    }

    private static Signal Named(IReadOnlyList<Signal> signals, string name) => Assert.Single(signals, s => s.Name == name);

    [Fact]
    public void PipelineAgainstRequired_ClosablePipelineAgainstTheRemainingTargetOverTheWinRate()
    {
        // Remaining 1000 − 400 = 600; required 600 / (1/3) = 1800; closable in Q2: o1 (600). 600 / 1800 → off track.
        var s = Named(Signals(Company), "pipeline_against_required");

        Assert.Equal(600m, s.Value);
        Near(1800m, s.Reference, 0.01m);
        Assert.Equal("required", s.ReferenceKind);
        Assert.Equal(SignalStatus.OffTrack, s.Status);
        Assert.Equal("$600 of pipeline can close in 2017-Q2 (1× the remaining target), against $1.8k required: $600 of the $1.0k plan is still to book, at a 33% win rate.", s.Summary);
    }

    [Fact]
    public void PipelineAgainstRequired_NoPlan_SaysSo()
    {
        var s = Named(Signals(Company with { Plans = [] }), "pipeline_against_required");

        Assert.Null(s.Value);
        Assert.Equal("no new-business bookings plan for 2017-Q2", s.MissingReason);
        Assert.Null(s.Status);
    }

    [Fact]
    public void NewPipelineAgainstBurn_CreatedAgainstClosedInThePeriodSoFar()
    {
        var s = Named(Signals(Company), "new_pipeline_against_burn");

        // Created 50 + 600 + 900 = 1550; closed w2 400 + l3 50 = 450.
        Assert.Equal(1550m, s.Value);
        Assert.Equal(450m, s.Reference);
        Assert.Equal(SignalStatus.OnTrack, s.Status);
        Assert.Equal("$1.55k of new pipeline in 2017-Q2 so far against $450 closed won or lost: the pipeline grew by $1.1k.", s.Summary);
    }

    [Fact]
    public void Leads_AgainstTheTrailingFourQuartersPace_WithTheChangeSinceAWeekEarlier()
    {
        var s = Named(Signals(Company), "leads");

        // 13 leads in 45 days; the trailing pace 73 / 365 × 45 = 9. A week earlier the 12 May lead was not yet in.
        Assert.Equal(13m, s.Value);
        Assert.Equal(9m, s.Reference);
        Assert.Equal(SignalStatus.OnTrack, s.Status);
        Assert.Equal(1m, s.ChangeSinceLastWeek);
        Assert.Equal("13 leads in 2017-Q2 so far (45 of 91 days), against 9 at the pace of 2016-Q2 to 2017-Q1.", s.Summary);
    }

    [Fact]
    public void Qualification_TheLatestQuarterWhoseWindowHasPassed_AgainstTheFourBefore()
    {
        // 2017-Q1's leads have not all had 60 days by 16 May (31 March + 60 days is 30 May); 2016-Q4's have: 18 of 18.
        // The four quarters before it: only 2016-Q2 (10 of 19) and Q3 (9 of 18) had leads: 19 / 37.
        var s = Named(Signals(Company), "lead_qualification_rate");

        Assert.Equal(1m, s.Value);
        Near(19m / 37m, s.Reference, 0.0000001m);
        Assert.StartsWith("100.0% of 2016-Q4's leads qualified within 60 days", s.Summary, StringComparison.Ordinal);
        Assert.EndsWith("against 51.4% over 2015-Q4 to 2016-Q3.", s.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_RepsBelowStandard_ByName()
    {
        // r1: 10 calls over the 31 working days from 3 April to 15 May, 0.32 a day against 1.
        var s = Named(Signals(Company), "activity_standard_met");

        Assert.Equal(0m, s.Value);
        Assert.Equal(SignalStatus.OffTrack, s.Status);
        var rep = Assert.Single(s.NeedsAttention);
        Assert.Equal(("rep", "r1", "Rep r1"), (rep.Kind, rep.Id, rep.Name));
        Assert.StartsWith("calls 0.3 a day against 1", rep.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hiring_HireNRepsByDateToMakeTheNextPlannedQuarter()
    {
        // The capacity tests' company (worked by hand there): 2017-Q3 needs 1600 of new pipeline in its window; r1
        // creates 750 in it; 2 hires by the latest date that still covers 850. No plan after 2017-Q3.
        var data = Bellwether.Core.Tests.Indicators.Fixture.Company(
            Won("w1", 100, "2017-01-01", "2017-01-11"),
            Lost("l1", 300, "2017-01-05", "2017-02-05"),
            Won("w2", 200, "2017-04-01", "2017-04-10"),
            Deal("o1", 400, "2017-03-01", expected: "2017-08-01"),
            Deal("o2", 700, "2017-03-01", expected: "2017-06-01")) with
        {
            Reps = [Rep("r1")],
            Plans = [Bookings("2017-Q3", 1000)],
        };
        var hires = new IndicatorEngine(data).Run(new IndicatorQuery
        {
            Indicators = ["hiring_signal"],
            Period = data.Settings.Calendar.Parse("2017-Q2"),
            AsOf = At("2017-05-01"),
            Filter = new Dictionary<Slicing.Dimension, string> { [Slicing.Dimension.Type] = "new_business" },
        })[0].Detail as HiringDetail;

        var s = Named(Signals(data, At("2017-05-01")), "hiring_signal");

        Assert.Equal(2m, s.Value);
        Assert.Equal(SignalStatus.OffTrack, s.Status); // 750 / 1600
        Assert.Equal($"Hire 2 AEs by {TargetDetail.Day(hires!.StartBy)} to make 2017-Q3: current reps create $750 of the $1.6k of new pipeline 2017-Q3 still needs.", s.Summary);
    }

    [Fact]
    public void Coaching_TheRepsToCoach_ByNameWithTheReason()
    {
        // Coaching tests' team: X at 4 of 40 against the team's 68 of 203.
        var reps = new[] { ("a", 16), ("b", 16), ("c", 16), ("d", 16), ("x", 4) };
        var data = new Dataset
        {
            Reps = [.. reps.Select(r => Rep(r.Item1, "east") with { Name = "Rep " + r.Item1.ToUpperInvariant() }), Rep("y", "east") with { Name = "Rep Y" }],
            Opportunities =
            [
                .. reps.SelectMany(r => Enumerable.Range(0, 40).Select(i => i < r.Item2
                    ? Won($"{r.Item1}{i}", 100, "2017-01-01", "2017-02-01", rep: r.Item1)
                    : Lost($"{r.Item1}{i}", 100, "2017-01-01", "2017-02-01", rep: r.Item1))),
                .. Enumerable.Range(0, 3).Select(i => Lost($"y{i}", 100, "2017-01-01", "2017-02-01", rep: "y")),
            ],
        };

        var s = Named(Signals(data), "coaching");

        Assert.Equal(1m, s.Value);
        Assert.Null(s.Status);
        var rep = Assert.Single(s.NeedsAttention);
        Assert.Equal("Rep X", rep.Name);
        Assert.Equal("win rate 10% against the team's 33%, over 40 deals", rep.Reason);
    }
}
