using System.Globalization;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Clients;

/// <summary>
/// One input of a client model: how it is read from a client's facts (NaN where there is nothing on record, which the
/// model reads as the average client), and how it is said when it is a reason ("no QBR in 210 days").
/// </summary>
internal sealed record ClientFeature(string Name, Func<ClientFacts, double> Value, Func<ClientFacts, string, string?> Reason)
{
    /// <summary>Longest gap counted, in days: a year without a QBR is as bad as it gets.</summary>
    private const int MaxGapDays = 365;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static readonly ClientFeature QbrGap = new(
        "qbr_gap",
        f => Math.Min(f.DaysSinceQbr ?? f.DaysKnown, MaxGapDays),
        (f, _) => f.DaysSinceQbr is { } d ? $"no QBR in {d:#,0} days" : "no QBR on record");

    public static readonly ClientFeature MeetingGap = new(
        "meeting_gap",
        f => Math.Min(f.DaysSinceMeeting ?? f.DaysKnown, MaxGapDays),
        (f, _) => f.DaysSinceMeeting is { } d ? $"no meeting in {d:#,0} days" : "no meeting on record");

    public static readonly ClientFeature Nps = new("nps", f => f.NpsLatest ?? double.NaN, (f, _) => NpsText(f));

    /// <summary>How far the latest NPS answer fell from the one before (positive: it fell).</summary>
    public static readonly ClientFeature NpsDrop = new(
        "nps_drop",
        f => f.NpsLatest is { } now && f.NpsPrevious is { } before ? before - now : double.NaN,
        (f, _) => NpsText(f));

    public static readonly ClientFeature Csat = new(
        "csat",
        f => f.Csat3 ?? double.NaN,
        (f, _) => f.Csat3 is { } c ? string.Create(Invariant, $"CSAT {c:0.0} over 3 months") : null);

    public static readonly ClientFeature Tickets = new(
        "tickets",
        f => Math.Log(1 + f.Tickets3),
        (f, _) => f.Tickets3 == 1 ? "1 support ticket in 3 months" : $"{f.Tickets3:#,0} support tickets in 3 months");

    /// <summary>The log of usage now over usage three months earlier (−0.43 for −35%).</summary>
    public static readonly ClientFeature UsageTrend = new(
        "usage_trend",
        f => f.UsageChange is { } c ? Math.Log(Math.Max(1 + c, 0.05)) : double.NaN,
        (f, _) => f.UsageChange is { } c ? $"usage {Signed(c)} over 3 months" : null);

    /// <summary>The log of the last three months' revenue over the three before (undefined for a client new since).</summary>
    public static readonly ClientFeature RevenueTrend = new(
        "revenue_trend",
        f => f.RevenuePrior3 > 0 && f.Revenue3 > 0 ? Math.Clamp(Math.Log(f.Revenue3 / f.RevenuePrior3), -3, 3) : double.NaN,
        (f, _) => f.RevenuePrior3 > 0 ? $"revenue {Signed((f.Revenue3 / f.RevenuePrior3) - 1)} on the 3 months before" : null);

    /// <summary>The last month's revenue against the three months' average: work winding down shows here first.</summary>
    public static readonly ClientFeature LastMonth = new(
        "last_month",
        f => f.Revenue3 > 0 ? Math.Min(3 * f.RevenueLastMonth / f.Revenue3, 3) : double.NaN,
        (f, _) => f.RevenueLastMonth <= 0 ? "no revenue in the last month" : $"last month's revenue {Signed((3 * f.RevenueLastMonth / f.Revenue3) - 1)} against the 3 months' average");

    public static readonly ClientFeature Services = new(
        "services",
        f => f.LineCount,
        (f, _) => f.LineCount == 1 ? "one service line" : $"{f.LineCount} service lines");

    /// <summary>The log of the last three months' revenue.</summary>
    public static readonly ClientFeature Size = new(
        "size",
        f => Math.Log(1 + f.Revenue3),
        (f, currency) => $"{Readable.MoneyShort((decimal)f.Revenue3, currency)} of revenue in 3 months");

    public static readonly ClientFeature Tenure = new(
        "tenure",
        f => Math.Min(f.TenureMonths, 36),
        (f, _) => f.TenureMonths == 1 ? "a client for 1 month" : $"a client for {f.TenureMonths} months");

    /// <summary>Service lines the client had before but not in the last three months: it has bought more than one thing.</summary>
    public static readonly ClientFeature FormerLines = new(
        "former_lines",
        f => ClientBook.LineCount(f.LinesEver & ~f.Lines3),
        (f, _) => ClientBook.LineCount(f.LinesEver & ~f.Lines3) switch
        {
            0 => "never bought another service line",
            1 => "bought another service line before",
            var n => $"bought {n} other service lines before",
        });

    /// <summary>Whether the client has a deal open for a line it does not buy: a second line already in the pipeline.</summary>
    public static ClientFeature OpenDeal(ClientBook book) => new(
        "open_deal",
        f => f.OpenDealLines != 0 ? 1 : 0,
        (f, _) => f.OpenDealLines == 0
            ? "no deal open for another line"
            : "an open deal for " + string.Join(" and ", Bits(f.OpenDealLines).Select(book.LineName)));

    /// <summary>The bits set in a set of lines, lowest first.</summary>
    public static IEnumerable<int> Bits(ulong lines)
    {
        for (; lines != 0; lines &= lines - 1)
        {
            yield return System.Numerics.BitOperations.TrailingZeroCount(lines);
        }
    }

    /// <summary>Whether the client's revenue of the last three months includes a given service line (by its bit).</summary>
    public static ClientFeature Line(string name, int bit) => new(
        "line:" + name,
        f => (f.Lines3 & (1UL << bit)) != 0 ? 1 : 0,
        (f, _) => (f.Lines3 & (1UL << bit)) != 0 ? $"buys {name}" : $"does not buy {name}");

    /// <summary>A contribution (in log-odds) below which a feature is not worth naming as a reason.</summary>
    private const double MinReason = 0.1;

    private const int MaxReasons = 4;

    /// <summary>
    /// A client's reasons: the features whose contributions raise its log-odds most (at least 0.1 each, four at most),
    /// said in words; a phrase once, where two features share one (NPS and its fall).
    /// </summary>
    public static IReadOnlyList<string> Reasons(IReadOnlyList<ClientFeature> features, ClientFacts facts, double[] contributions, string currency) =>
    [
        .. contributions.Select((c, j) => (Contribution: c, Feature: features[j]))
            .Where(x => x.Contribution >= MinReason)
            .OrderByDescending(x => x.Contribution)
            .Select(x => x.Feature.Reason(facts, currency))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(MaxReasons),
    ];

    /// <summary>A change as a whole signed percentage: +12%, −35%.</summary>
    public static string Signed(double change)
    {
        var text = Readable.Percent((decimal)change, 0);
        return change > 0 && text != "0%" ? "+" + text : text;
    }

    private static string? NpsText(ClientFacts f) => f.NpsLatest switch
    {
        null => null,
        { } now when f.NpsPrevious is { } before => string.Create(Invariant, $"NPS {now:0.#} (was {before:0.#})"),
        { } now => string.Create(Invariant, $"NPS {now:0.#}"),
    };
}
