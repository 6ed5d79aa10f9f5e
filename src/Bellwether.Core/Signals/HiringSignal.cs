using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;
using Bellwether.Core.Time;
using static Bellwether.Core.Signals.SignalReading;

namespace Bellwether.Core.Signals;

/// <summary>
/// When to hire: hiring_signal for each of the four periods after the context's that has a new-business bookings plan,
/// read with that plan's slice — "hire 3 AEs by 2027-01-25 to make 2027-Q2". The value is the reps the most urgent
/// period asks for (the earliest start-by date), judged by the current reps' pipeline against what it still needs.
/// Each period's count is for that period alone: hires for an earlier one also help the later ones.
/// </summary>
internal static class HiringSignal
{
    private const string Name = "hiring_signal", Title = "When to hire";

    private const int PeriodsAhead = 4;

    public static Signal Of(SignalContext c)
    {
        var calendar = c.Engine.Dataset.Settings.Calendar;
        var found = new List<(Period Target, HiringDetail Detail)>();
        string? firstMissing = null;
        var period = c.Period;
        for (var k = 0; k < PeriodsAhead; k++, period = calendar.Next(period))
        {
            var target = calendar.Next(period);
            if (Plan(c, Pillar.NewBusiness, "bookings", target) is not { } plan)
            {
                firstMissing ??= $"no new-business bookings plan for {target.Label}";
                continue;
            }

            var row = Row(c, Name, period, FilterOf(plan));
            if (row.Value is null || row.Detail is not HiringDetail detail)
            {
                firstMissing ??= $"{target.Label}: {row.MissingReason}";
                continue;
            }

            found.Add((target, detail));
        }

        if (found.Count == 0)
        {
            return Missing(Pillar.NewBusiness, Name, Title, Unit.Count, firstMissing ?? "no period ahead to plan hires for");
        }

        var currency = c.Currency;
        var needing = found.Where(f => f.Detail.RepsToAdd > 0).OrderBy(f => f.Detail.StartBy).ToList();
        var lead = needing.Count > 0 ? needing[0] : found[0];
        var d = lead.Detail;
        var capacity = $"current reps create {Readable.MoneyShort(d.CurrentCapacity, currency)} of the {Readable.MoneyShort(d.Needed, currency)} of new pipeline {lead.Target.Label} still needs";
        string summary;
        if (needing.Count == 0)
        {
            var span = found.Count == 1 ? found[0].Target.Label : $"{found[0].Target.Label} to {found[^1].Target.Label}";
            summary = $"No hire needed for the plans of {span}: {capacity}.";
        }
        else
        {
            var asks = needing.Select((f, i) => i == 0
                ? $"Hire {Reps(f.Detail)} by {TargetDetail.Day(f.Detail.StartBy)} to make {f.Target.Label}"
                : $"{Readable.Count(f.Detail.RepsToAdd)} by {TargetDetail.Day(f.Detail.StartBy)} to make {f.Target.Label}").ToList();
            summary = $"{string.Join("; ", asks)}: {capacity}.";
        }

        return new Signal
        {
            Pillar = Pillar.NewBusiness,
            Name = Name,
            Title = Title,
            Value = d.RepsToAdd,
            Unit = Unit.Count,
            LowerIsBetter = true,
            ReferenceKind = "required",
            Status = d.Needed == 0 ? SignalStatus.OnTrack : Attainment.Judge(d.CurrentCapacity, d.Needed, lowerIsBetter: false),
            Summary = summary,
        };
    }

    private static string Reps(HiringDetail d)
    {
        var one = d.HireRole switch
        {
            "sdr" => "SDR",
            "am" => "account manager",
            "manager" => "manager",
            _ => "AE",
        };
        return $"{Readable.Count(d.RepsToAdd)} {one}{(d.RepsToAdd == 1 ? "" : "s")}";
    }
}
