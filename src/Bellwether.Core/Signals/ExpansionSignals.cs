using System.Globalization;
using Bellwether.Core.Clients;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Signals;

/// <summary>
/// The President's expansion signals: expansion revenue and services per client of the latest period over against
/// the expansion plan (else the four periods before), and the single-line clients that look most like those that went
/// on to buy a second line (<see cref="SecondLine"/>): the top tenth of the ranking, by name, with the line each would
/// most likely add and why.
/// </summary>
public static class ExpansionSignals
{
    public static IReadOnlyList<Signal> Of(SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            LedgerSignal.Of(context, Pillar.Expansion, "expansion_revenue", "Expansion revenue"),
            LedgerSignal.Of(context, Pillar.Expansion, "services_per_client", "Services per client"),
            SecondLineCandidates(context),
        ];
    }

    private static Signal SecondLineCandidates(SignalContext c)
    {
        const string Name = "second_line_candidates";
        const string Title = "Clients likely to buy a second service line";
        var reading = SecondLine.Read(c.Engine.Dataset, c.AsOf);
        if (reading.MissingReason is { } why)
        {
            return SignalReading.Missing(Pillar.Expansion, Name, Title, Unit.Count, why);
        }

        if (reading.Clients.Count == 0)
        {
            return SignalReading.Missing(Pillar.Expansion, Name, Title, Unit.Count, "no client bought from a single service line in the last 3 months over");
        }

        var top = reading.TopTenth;
        var withDeals = top.Count(x => x.OpenDealLines.Count > 0);
        var named = top.Count > RetentionSignals.MaxNamed ? $"; the {RetentionSignals.MaxNamed} likeliest are named" : "";
        var deals = withDeals == 0 ? "" : $" ({withDeals} with a deal open for another line)";
        return new Signal
        {
            Pillar = Pillar.Expansion,
            Name = Name,
            Title = Title,
            Value = top.Count,
            Unit = Unit.Count,
            Summary = $"{Readable.Count(top.Count)} of {Readable.Count(reading.Clients.Count)} single-line clients look most like those that bought a second line{deals}, "
                + $"against {Readable.Percent((decimal)reading.BaseRate)} of single-line clients adding a line within 3 months before{named}.",
            NeedsAttention = [.. top.Take(RetentionSignals.MaxNamed).Select(x => Attention(x, reading.BaseRate))],
        };
    }

    private static Attention Attention(ExpansionCandidate x, double baseRate)
    {
        var times = baseRate > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({x.Propensity / baseRate:0.0}× the average)") : "";
        var next = x.LikelyNextLine is not { } line ? ""
            : x.LikelyNextShare is { } share ? $"; likely next: {line} ({Readable.Percent((decimal)share, 0)} of {x.CurrentLine} clients that added a line chose it)"
            : $"; likely next: {line}";
        var reasons = x.Reasons.Count == 0 ? "" : " — " + string.Join("; ", x.Reasons);
        return new Attention
        {
            Kind = "account",
            Id = x.AccountId,
            Name = x.Name,
            Reason = $"buys {x.CurrentLine}; chance of a second line within 3 months {Readable.Percent((decimal)x.Propensity, 0)}{times}{next}{reasons}",
            Score = Math.Round((decimal)x.Propensity, 4),
        };
    }
}
