using Bellwether.Core.Digest;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Core.Signals;
using Bellwether.Core.Time;

namespace Bellwether.Core.Tests.Digest;

public sealed class DigestBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    private static PlanStatusRow Row(string period, decimal target, decimal projected, SignalStatus status, IReadOnlyDictionary<string, string>? slice = null, string metric = "bookings", Pillar pillar = Pillar.NewBusiness) => new()
    {
        Pillar = pillar,
        Owner = "President",
        Metric = metric,
        Period = period,
        Slice = slice ?? new Dictionary<string, string> { ["type"] = "new_business" },
        Unit = "money",
        Target = target,
        Projected = projected,
        Basis = PlanBasis.Forecast,
        Status = status,
        AsOf = Now,
    };

    [Fact]
    public void Headlines_TakeEachPillarsQuarterPlan_OverItsWidestSlice()
    {
        var rows = new[]
        {
            Row("2026-11", 1_000_000, 900_000, SignalStatus.AtRisk),
            Row("2026-Q4", 3_000_000, 3_300_000, SignalStatus.OnTrack, new Dictionary<string, string> { ["vertical"] = "finance", ["type"] = "new_business" }),
            Row("2026-Q4", 9_000_000, 8_000_000, SignalStatus.AtRisk),
            Row("2026", 30_000_000, 29_000_000, SignalStatus.AtRisk),
            Row("2026-Q4", 500_000, 450_000, SignalStatus.AtRisk, new Dictionary<string, string>(), "expansion_revenue", Pillar.Expansion),
        };

        var headlines = DigestBuilder.Headlines(rows, "2026-Q4");

        Assert.Equal([(Pillar.NewBusiness, 9_000_000m), (Pillar.Expansion, 500_000m)], headlines.Select(h => (h.Pillar, h.Target!.Value)));
    }

    [Fact]
    public void Sentence_SaysWhereThePlanIsHeading_AndWhatMovedInTheWeek()
    {
        var row = Row("2026-Q4", 4_628_000, 5_571_160, SignalStatus.OnTrack) with
        {
            WeekEarlier = new PlanWeekEarlier { AsOf = Now.AddDays(-7), Planned = true, Status = SignalStatus.AtRisk, ProjectedChange = -77_523 },
        };

        Assert.Equal(
            "Bookings (new business) for 2026-Q4: projected at $5,571,160 against a plan of $4,628,000, on track (was at risk a week earlier); the projection moved −$77,523 in the week.",
            DigestBuilder.Sentence(row, "USD"));
    }

    [Fact]
    public void Build_ListsTheSignalsThatMovedMost_AndEachPersonOnce()
    {
        Signal Signal(string name, decimal value, decimal? change, params Attention[] attention) => new()
        {
            Pillar = Pillar.NewBusiness,
            Name = name,
            Title = name,
            Value = value,
            Unit = Unit.Money,
            ChangeSinceLastWeek = change,
            Summary = name,
            NeedsAttention = attention,
        };
        var rita = new Attention { Kind = "rep", Id = "R1", Name = "Rita Rep", Reason = "calls 1.2 a day against 1.5" };
        var signals = new[]
        {
            Signal("small", 1_000, 10, rita), // +1% (from 990)
            Signal("still", 500, 0),
            Signal("big", 1_500, 500, rita with { Reason = "win rate 10% against 40%" }), // +50% (from 1,000)
            Signal("none", 200, null),
        };
        var report = new PlanReport { Scope = PlanScope.Around(Now, FiscalCalendar.Default), AsOf = Now, WeekEarlierAsOf = Now.AddDays(-7), Rows = [Row("2026-Q4", 1, 1, SignalStatus.OnTrack)] };

        var digest = DigestBuilder.Build("President", report, [], [], signals, "USD");

        Assert.Equal(["big", "small"], digest.Moved.Select(s => s.Name));
        var person = Assert.Single(digest.Attention);
        Assert.Equal("small", person.Signal);
        Assert.Equal([Pillar.NewBusiness], digest.Pillars);
    }

    [Fact]
    public void Renderers_WriteNamesFromTheFilesAsText()
    {
        var report = new PlanReport { Scope = PlanScope.Around(Now, FiscalCalendar.Default), AsOf = Now, WeekEarlierAsOf = Now.AddDays(-7), Rows = [Row("2026-Q4", 1, 1, SignalStatus.OnTrack)] };
        var evil = new Attention { Kind = "account", Id = "A1", Name = "<script>alert(1)</script> | *Acme*", Reason = "no QBR in 200 days" };
        var signal = new Signal { Pillar = Pillar.Retention, Name = "risk", Title = "Revenue at risk", Value = 1, Unit = Unit.Money, Summary = "1 client", NeedsAttention = [evil] };

        var digest = DigestBuilder.Build("COO", report, [], [], [signal], "USD");
        var html = DigestHtml.Write(digest);
        var markdown = DigestMarkdown.Write(digest);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; | *Acme*", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("**\\<script\\>alert(1)\\</script\\> \\| \\*Acme\\***", markdown, StringComparison.Ordinal);
    }
}
