using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using static Bellwether.Core.Signals.SignalReading;

namespace Bellwether.Core.Signals;

/// <summary>
/// The President's new-business signals for the context's period: activity against standards, leads and their
/// qualification against the trailing four quarters, pipeline against what the plan requires, new pipeline against
/// what flows out, sales velocity against its trailing level, when to hire, and which reps to coach. Deal figures read
/// the new-business bookings plan's slice for the period (the demo's <c>type=new_business</c>), or new-business deals
/// when there is no plan; activity and leads are the company's (they carry no deal type).
/// </summary>
public static class NewBusinessSignals
{
    private const Pillar NewBusiness = Pillar.NewBusiness;

    public static IReadOnlyList<Signal> Of(SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deals = DealSlice(context);
        return
        [
            Activity(context),
            Leads(context),
            Qualification(context),
            PipelineAgainstRequired(context),
            NewPipelineAgainstBurn(context, deals),
            Velocity(context, deals),
            HiringSignal.Of(context),
            CoachingSignal.Of(context),
        ];
    }

    /// <summary>The deals the pillar watches: its bookings plan's slice for the period, else the new-business deals.</summary>
    private static IReadOnlyDictionary<Dimension, string> DealSlice(SignalContext c) =>
        Plan(c, NewBusiness, "bookings", c.Period) is { } plan
            ? FilterOf(plan)
            : new Dictionary<Dimension, string> { [Dimension.Type] = "new_business" };

    /// <summary>activity_standard_met against its standard (every rep meeting theirs), with the reps below by name.</summary>
    private static Signal Activity(SignalContext c)
    {
        const string Name = "activity_standard_met", Title = "Activity against standards";
        var row = Row(c, Name, c.Period);
        if (row.Value is not { } share || row.Detail is not ActivityStandardDetail detail)
        {
            return Missing(NewBusiness, Name, Title, Unit.Ratio, row.MissingReason ?? "no value");
        }

        var below = detail.BelowStandard
            .GroupBy(r => r.RepId, StringComparer.Ordinal)
            .Select(g => new Attention
            {
                Kind = "rep",
                Id = g.Key,
                Name = g.First().RepName,
                Reason = string.Join("; ", g.Select(Shortfall)),
                Score = g.Max(r => r.ShortfallShare),
            })
            .ToList();
        var named = below.Take(3).Select(a => $"{a.Name} ({a.Reason})").ToList();
        if (below.Count > 3)
        {
            named.Add($"{below.Count - 3} more");
        }

        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = share,
            Unit = Unit.Ratio,
            Reference = 1,
            ReferenceKind = "standard",
            Status = Attainment.Judge(share, 1, lowerIsBetter: false),
            Summary = $"{detail.RepsMeeting} of {detail.RepsWithStandard} reps meet their activity standards {During(c, c.Period)}"
                + (below.Count == 0 ? "." : $"; below: {Listed(named)}."),
            NeedsAttention = below,
        };
    }

    private static string Shortfall(RepShortfall r)
    {
        var what = r.ActivityType == "other" ? "other activities" : r.ActivityType + "s";
        var trailing = r.TrailingAverage is { } t ? $" (before: {Readable.Count(Math.Round(t, 1))})" : "";
        return $"{what} {Readable.Count(Math.Round(r.Actual, 1))} a {r.Per} against {Readable.Count(r.Minimum)}{trailing}";
    }

    /// <summary>Leads created in the period so far against the trailing four fiscal quarters' daily pace over the same days.</summary>
    private static Signal Leads(SignalContext c)
    {
        const string Name = "leads", Title = "Leads against their trailing pace";
        var row = Row(c, Name, c.Period);
        if (row.Value is not { } leads)
        {
            return Missing(NewBusiness, Name, Title, Unit.Count, row.MissingReason ?? "no value");
        }

        var (first, last) = TrailingQuarters(c, c.Period.Start);
        var trailing = Quarters(c, first, last).Select(q => Row(c, Name, q)).ToList();
        if (trailing.FirstOrDefault(r => r.Value is null) is { } gap)
        {
            return Missing(NewBusiness, Name, Title, Unit.Count, $"no trailing pace: {gap.Period} {gap.MissingReason}");
        }

        var elapsed = (decimal)((c.AsOf < c.Period.EndInstant ? c.AsOf : c.Period.EndInstant) - c.Period.StartInstant).TotalDays;
        var pace = trailing.Sum(r => r.Value!.Value) / (last.End.DayNumber - first.Start.DayNumber) * elapsed;
        var days = c.AsOf < c.Period.EndInstant ? $" ({Readable.Count(Math.Round(elapsed))} of {c.Period.Days} days)" : "";
        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = leads,
            Unit = Unit.Count,
            Reference = Math.Round(pace),
            ReferenceKind = "benchmark",
            Status = Attainment.Judge(leads, pace, lowerIsBetter: false),
            Summary = $"{Readable.Count(leads)} leads {During(c, c.Period)}{days}, against {Readable.Count(Math.Round(pace))} at the pace of {first.Label} to {last.Label}.",
        };
    }

    /// <summary>
    /// lead_qualification_rate of the latest quarter whose leads have all had the qualification window (a younger
    /// cohort reads low only because its leads have not had the time), against the four quarters before it pooled.
    /// </summary>
    private static Signal Qualification(SignalContext c)
    {
        const string Name = "lead_qualification_rate", Title = "Lead qualification";
        var calendar = c.Engine.Dataset.Settings.Calendar;
        var window = c.Engine.Dataset.Settings.QualificationWindowDays;
        var quarter = calendar.Containing(c.Period.End.AddDays(-1), Grain.Quarter);
        IndicatorRow? row = null;
        string? latestReason = null;
        for (var k = 0; k < 8 && row is null; k++, quarter = calendar.Previous(quarter))
        {
            // A quarter not begun is missing and one whose window is open provisional: look further back.
            var candidate = Row(c, Name, quarter);
            if (candidate.Value is not null && !candidate.Provisional)
            {
                row = candidate;
            }

            latestReason ??= candidate.MissingReason;
        }

        if (row is null)
        {
            return Missing(NewBusiness, Name, Title, Unit.Ratio, latestReason is not null && !latestReason.Contains("not begun", StringComparison.Ordinal)
                ? latestReason
                : $"no quarter of the last two years has leads that have all had the {window}-day qualification window");
        }

        quarter = calendar.Next(quarter);
        var (first, last) = TrailingQuarters(c, quarter.Start);
        var trailing = Quarters(c, first, last).Select(q => (Rate: Row(c, Name, q).Value, Leads: Row(c, "leads", q).Value)).ToList();
        var leads = trailing.Where(t => t.Rate is not null && t.Leads is not null).Sum(t => t.Leads!.Value);
        decimal? pooled = leads == 0 ? null : trailing.Where(t => t.Rate is not null && t.Leads is not null).Sum(t => t.Rate!.Value * t.Leads!.Value) / leads;
        var against = pooled is { } p ? $", against {Readable.Percent(p)} over {first.Label} to {last.Label}" : "; no earlier quarter to compare with";
        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = row.Value,
            Unit = Unit.Ratio,
            Reference = pooled,
            ReferenceKind = pooled is null ? null : "benchmark",
            Status = pooled is { } reference ? Attainment.Judge(row.Value!.Value, reference, lowerIsBetter: false) : null,
            Summary = $"{Readable.Percent(row.Value!.Value)} of {quarter.Label}'s leads qualified within {window} days (the latest quarter whose leads have all had them){against}.",
        };
    }

    /// <summary>The pipeline that can still close in the period against the pipeline its plan requires (required_pipeline).</summary>
    private static Signal PipelineAgainstRequired(SignalContext c)
    {
        const string Name = "pipeline_against_required", Title = "Pipeline against required";
        if (Plan(c, NewBusiness, "bookings", c.Period) is not { } plan)
        {
            return Missing(NewBusiness, Name, Title, Unit.Money, $"no new-business bookings plan for {c.Period.Label}");
        }

        var required = Row(c, "required_pipeline", c.Period, FilterOf(plan));
        var coverage = Row(c, "pipeline_coverage", c.Period, FilterOf(plan));
        var currency = c.Currency;
        if (coverage.Detail is TargetDetail { Remaining: 0 } met)
        {
            return new Signal
            {
                Pillar = NewBusiness,
                Name = Name,
                Title = Title,
                Value = met.ClosableAmount,
                Unit = Unit.Money,
                Reference = 0,
                ReferenceKind = "required",
                Status = SignalStatus.OnTrack,
                Summary = $"The {c.Period.Label} plan of {Readable.MoneyShort(met.Target, currency)} is booked already ({Readable.MoneyShort(met.BookedSoFar, currency)}): no pipeline is required.",
            };
        }

        if (required.Value is not { } need || required.Detail is not TargetDetail detail || coverage.Detail is not TargetDetail { ClosableAmount: { } closable })
        {
            return Missing(NewBusiness, Name, Title, Unit.Money, required.MissingReason ?? coverage.MissingReason ?? "no value");
        }

        var times = coverage.Value is { } v ? $" ({Readable.Count(Math.Round(v, 1))}× the remaining target)" : "";
        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = closable,
            Unit = Unit.Money,
            Reference = Math.Round(need, 2),
            ReferenceKind = "required",
            Status = Attainment.Judge(closable, need, lowerIsBetter: false),
            Summary = $"{Readable.MoneyShort(closable, currency)} of pipeline can close in {c.Period.Label}{times}, against {Readable.MoneyShort(need, currency)} required: "
                + $"{Readable.MoneyShort(detail.Remaining, currency)} of the {Readable.MoneyShort(detail.Target, currency)} plan is still to book, at a {Readable.Percent(detail.WinRate ?? 0, 0)} win rate.",
        };
    }

    /// <summary>new_pipeline against pipeline_outflow in the period (their difference is net_pipeline_change).</summary>
    private static Signal NewPipelineAgainstBurn(SignalContext c, IReadOnlyDictionary<Dimension, string> deals)
    {
        const string Name = "new_pipeline_against_burn", Title = "New pipeline against burn";
        var created = Row(c, "new_pipeline", c.Period, deals);
        var outflow = Row(c, "pipeline_outflow", c.Period, deals);
        if (created.Value is not { } made || outflow.Value is not { } burnt)
        {
            return Missing(NewBusiness, Name, Title, Unit.Money, created.MissingReason ?? outflow.MissingReason ?? "no value");
        }

        var currency = c.Currency;
        var change = made - burnt;
        var direction = change >= 0 ? "grew" : "shrank";
        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = made,
            Unit = Unit.Money,
            Reference = burnt,
            ReferenceKind = "burn",
            Status = Attainment.Judge(made, burnt, lowerIsBetter: false),
            Summary = $"{Readable.MoneyShort(made, currency)} of new pipeline {During(c, c.Period)} against {Readable.MoneyShort(burnt, currency)} closed won or lost: "
                + $"the pipeline {direction} by {Readable.MoneyShort(Math.Abs(change), currency)}.",
        };
    }

    /// <summary>sales_velocity now against its mean at the ends of the four fiscal quarters before the period.</summary>
    private static Signal Velocity(SignalContext c, IReadOnlyDictionary<Dimension, string> deals)
    {
        const string Name = "sales_velocity", Title = "Sales velocity";
        var row = Row(c, Name, c.Period, deals);
        if (row.Value is not { } velocity)
        {
            return Missing(NewBusiness, Name, Title, Unit.MoneyPerDay, row.MissingReason ?? "no value");
        }

        var (first, last) = TrailingQuarters(c, c.Period.Start);
        var earlier = Quarters(c, first, last).Select(q => Row(c, Name, q, deals).Value).OfType<decimal>().ToList();
        decimal? level = earlier.Count == 0 ? null : Math.Round(earlier.Average(), 2);
        var currency = c.Currency;
        var against = level is { } l
            ? $"against {Readable.Money(l, currency)}/day on average at the ends of {first.Label} to {last.Label}"
            : "with no earlier quarter to compare with";
        return new Signal
        {
            Pillar = NewBusiness,
            Name = Name,
            Title = Title,
            Value = velocity,
            Unit = Unit.MoneyPerDay,
            Reference = level,
            ReferenceKind = level is null ? null : "benchmark",
            Status = level is { } reference ? Attainment.Judge(velocity, reference, lowerIsBetter: false) : null,
            Summary = $"Sales velocity {Readable.Money(velocity, currency)}/day (open deals × win rate × deal size / cycle), {against}.",
        };
    }

    /// <summary>The four fiscal quarters that end at or before a day.</summary>
    internal static (Period First, Period Last) TrailingQuarters(SignalContext c, DateOnly before)
    {
        var calendar = c.Engine.Dataset.Settings.Calendar;
        var last = calendar.Containing(before.AddDays(-1), Grain.Quarter);
        return (calendar.Shift(last, -3), last);
    }

    internal static IEnumerable<Period> Quarters(SignalContext c, Period first, Period last)
    {
        var calendar = c.Engine.Dataset.Settings.Calendar;
        for (var q = first; q.Start <= last.Start; q = calendar.Next(q))
        {
            yield return q;
        }
    }
}
