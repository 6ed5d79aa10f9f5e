using System.Globalization;
using Bellwether.Core.Clients;
using Bellwether.Core.Plans;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Signals;

/// <summary>
/// The COO's retention signals: GRR and logo churn of the latest period over against the retention plan (else the
/// four periods before), and, from the client-health model (<see cref="ChurnRisk"/>), the revenue of the clients at
/// risk of churning in the next three months and the health of the book — each against the same readings at the
/// first instants of the four fiscal quarters before — with the clients at risk by name, riskiest first.
/// </summary>
public static class RetentionSignals
{
    /// <summary>Clients named at most; the summary says how many more there are.</summary>
    public const int MaxNamed = 25;

    public static IReadOnlyList<Signal> Of(SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.Engine.Dataset;
        var book = ClientBook.Build(data, context.AsOf);
        var reading = ChurnRisk.Read(data, book, out var model);
        var earlier = model is null ? null : Earlier(context, book, model);
        return
        [
            LedgerSignal.Of(context, Pillar.Retention, "grr", "Gross revenue retention"),
            LedgerSignal.Of(context, Pillar.Retention, "logo_churn", "Logo churn"),
            RevenueAtRisk(context, reading, earlier),
            Health(context, reading, earlier),
        ];
    }

    private static Signal RevenueAtRisk(SignalContext c, ChurnRiskReading reading, EarlierReadings? earlierReadings)
    {
        const string Name = "revenue_at_risk";
        const string Title = "Revenue at risk of churn";
        if (reading.MissingReason is { } why)
        {
            return SignalReading.Missing(Pillar.Retention, Name, Title, Unit.Money, why, lowerIsBetter: true);
        }

        var atRisk = reading.AtRisk.ToList();
        var value = atRisk.Sum(r => r.RevenueAtStake);
        var book3 = reading.Clients.Sum(r => r.RevenueAtStake);
        var earlier = earlierReadings?.Average(clients => clients.Where(x => x.Band == HealthBand.AtRisk).Sum(x => x.RevenueAtStake));
        var currency = c.Currency;
        var share = book3 > 0 ? $" ({Readable.Percent(value / book3)} of the book)" : "";
        var named = atRisk.Count > MaxNamed ? $"; the {MaxNamed} riskiest are named" : "";
        return new Signal
        {
            Pillar = Pillar.Retention,
            Name = Name,
            Title = Title,
            Value = value,
            Unit = Unit.Money,
            LowerIsBetter = true,
            Reference = earlier?.Average,
            ReferenceKind = earlier is null ? null : "benchmark",
            Status = earlier is { } e ? Attainment.Judge(value, e.Average, lowerIsBetter: true) : null,
            Summary = $"{Clients(atRisk.Count)} at risk of churning in the next 3 months, with {Readable.Money(value, currency)} of revenue in the last 3 months{share}, "
                + (earlier is { } b ? $"against {Readable.Money(b.Average, currency)} on average at the starts of {b.From} to {b.To}" : "with no earlier quarter to compare with")
                + $"{named}.",
            NeedsAttention = [.. atRisk.Take(MaxNamed).Select(r => Attention(r, reading.BaseRate, currency))],
        };
    }

    private static Signal Health(SignalContext c, ChurnRiskReading reading, EarlierReadings? earlierReadings)
    {
        const string Name = "client_health";
        const string Title = "Clients at risk";
        if (reading.MissingReason is { } why)
        {
            return SignalReading.Missing(Pillar.Retention, Name, Title, Unit.Ratio, why, lowerIsBetter: true);
        }

        if (reading.Clients.Count == 0)
        {
            return SignalReading.Missing(Pillar.Retention, Name, Title, Unit.Ratio, "no client had revenue in the last 3 months over", lowerIsBetter: true);
        }

        decimal Share(IReadOnlyList<ClientRisk> clients, HealthBand band) =>
            clients.Count == 0 ? 0 : Math.Round(clients.Count(x => x.Band == band) / (decimal)clients.Count, 4);
        var value = Share(reading.Clients, HealthBand.AtRisk);
        var earlier = earlierReadings?.Average(clients => Share(clients, HealthBand.AtRisk));
        return new Signal
        {
            Pillar = Pillar.Retention,
            Name = Name,
            Title = Title,
            Value = value,
            Unit = Unit.Ratio,
            LowerIsBetter = true,
            Reference = earlier?.Average,
            ReferenceKind = earlier is null ? null : "benchmark",
            Status = earlier is { } e ? Attainment.Judge(value, e.Average, lowerIsBetter: true) : null,
            Summary = $"{Readable.Percent(value)} of {Clients(reading.Clients.Count)} at risk of churn (healthy {Readable.Percent(Share(reading.Clients, HealthBand.Healthy))}, "
                + $"watch {Readable.Percent(Share(reading.Clients, HealthBand.Watch))}; at risk means at least twice the average client's {Readable.Percent((decimal)reading.BaseRate)} chance of no revenue in the next 3 months), "
                + (earlier is { } b ? $"against {Readable.Percent(b.Average)} on average at the starts of {b.From} to {b.To}." : "with no earlier quarter to compare with."),
        };
    }

    /// <summary>One client at risk, as the owner reads it: its risk against the average client's, then the reasons.</summary>
    internal static Attention Attention(ClientRisk r, double baseRate, string currency)
    {
        var times = baseRate > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({r.ChurnRisk / baseRate:0.0}× the average client)") : "";
        var reasons = r.Reasons.Count == 0 ? "" : " — " + string.Join("; ", r.Reasons);
        return new Attention
        {
            Kind = "account",
            Id = r.AccountId,
            Name = r.Name,
            Reason = $"churn risk {Readable.Percent((decimal)r.ChurnRisk, 0)}{times}, {Readable.Money(r.RevenueAtStake, currency)} of revenue in the last 3 months{reasons}",
            Score = Math.Round((decimal)r.ChurnRisk, 4),
        };
    }

    /// <summary>
    /// The model's readings at the first instants of the four fiscal quarters before the instant (the same model, each
    /// reading only what was known at its own instant): what the book looked like, to judge today's reading by. Null
    /// when the history does not reach back to any of them.
    /// </summary>
    private static EarlierReadings? Earlier(SignalContext c, ClientBook book, ChurnRiskModel model)
    {
        var calendar = c.Engine.Dataset.Settings.Calendar;
        var current = calendar.Containing(Time.Instants.DayOf(c.AsOf), Time.Grain.Quarter);
        var quarters = Enumerable.Range(1, 4).Select(k => calendar.Shift(current, -k)).Reverse()
            .Where(q => Time.MonthIndex.Of(q.Start) - 3 >= book.FirstRevenueMonth)
            .ToList();
        return quarters.Count == 0
            ? null
            : new EarlierReadings([.. quarters.Select(q => model.Score(book, Cut.AtMonth(Time.MonthIndex.Of(q.Start)), c.Currency))], quarters[0].Label, quarters[^1].Label);
    }

    /// <summary>The clients as the model read them at earlier quarters' starts, from the quarter <see cref="From"/> to <see cref="To"/>.</summary>
    private sealed record EarlierReadings(IReadOnlyList<IReadOnlyList<ClientRisk>> Readings, string From, string To)
    {
        public (decimal Average, string From, string To) Average(Func<IReadOnlyList<ClientRisk>, decimal> figure) =>
            (Math.Round(Readings.Average(figure), 4), From, To);
    }

    private static string Clients(int n) => n == 1 ? "1 client" : $"{Readable.Count(n)} clients";
}
