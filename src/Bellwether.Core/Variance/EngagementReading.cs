using Bellwether.Core.Accounts;
using Bellwether.Core.Reporting;

namespace Bellwether.Core.Variance;

/// <summary>
/// Reads a client's engagement events before an instant into the signs an owner looks for before a churn. The
/// thresholds that make a sign worth saying (no QBR for over 120 days, an NPS of 6 or less on the 0–10 scale, a mean
/// CSAT of 3 or less, more tickets than in the 90 days before, usage down a tenth) are the usual customer-success rules
/// of thumb; the figures themselves are always kept.
/// </summary>
internal static class EngagementReading
{
    private const int QuietQbrDays = 120;
    private const int QuietMeetingDays = 90;

    public static EngagementSigns? Signs(IReadOnlyList<EngagementSignal> events, DateTimeOffset at)
    {
        var before = events.Where(e => e.OccurredAt < at).OrderBy(e => e.OccurredAt).ToList();
        if (before.Count == 0)
        {
            return null;
        }

        int? DaysSince(EngagementKind kind) =>
            before.LastOrDefault(e => e.Kind == kind) is { } last ? (int)Math.Floor((at - last.OccurredAt).TotalDays) : null;

        var nps = before.LastOrDefault(e => e.Kind == EngagementKind.Nps && e.Value is not null)?.Value;
        var csat = before.Where(e => e.Kind == EngagementKind.Csat && e.Value is not null && e.OccurredAt >= at.AddDays(-180)).Select(e => e.Value!.Value).ToList();
        var tickets = before.Count(e => e.Kind == EngagementKind.SupportTicket && e.OccurredAt >= at.AddDays(-90));
        var ticketsBefore = before.Count(e => e.Kind == EngagementKind.SupportTicket && e.OccurredAt >= at.AddDays(-180) && e.OccurredAt < at.AddDays(-90));
        var usage = before.Where(e => e.Kind == EngagementKind.Usage && e.Value is not null).ToList();
        decimal? usageChange = null;
        if (usage.Count > 0 && usage.LastOrDefault(u => u.OccurredAt <= usage[^1].OccurredAt.AddDays(-80)) is { Value: > 0 } earlier)
        {
            usageChange = Math.Round((usage[^1].Value!.Value - earlier.Value!.Value) / earlier.Value.Value, 4);
        }

        var signs = new EngagementSigns
        {
            DaysSinceQbr = DaysSince(EngagementKind.Qbr),
            DaysSinceMeeting = DaysSince(EngagementKind.Meeting),
            LastNps = nps,
            AverageCsat = csat.Count == 0 ? null : Math.Round(csat.Average(), 2),
            TicketsLast90Days = tickets,
            TicketsPrevious90Days = ticketsBefore,
            UsageChange = usageChange,
            Words = "",
        };
        return signs with { Words = Words(signs) };
    }

    private static string Words(EngagementSigns s)
    {
        var words = new List<string>();
        if (s.DaysSinceQbr is { } qbr && qbr > QuietQbrDays)
        {
            words.Add($"no QBR for {Readable.Count(qbr)} days");
        }
        else if (s.DaysSinceQbr is null)
        {
            words.Add("no QBR on record");
        }

        if (s.LastNps is { } nps && nps is >= 0 and <= 6)
        {
            words.Add($"NPS {Readable.Count(nps)}");
        }

        if (s.AverageCsat is { } csat && csat <= 3)
        {
            words.Add($"CSAT {Readable.Count(csat)}");
        }

        if (s.TicketsLast90Days > s.TicketsPrevious90Days)
        {
            words.Add($"tickets up ({Readable.Count(s.TicketsLast90Days)} against {Readable.Count(s.TicketsPrevious90Days)})");
        }

        if (s.UsageChange is { } usage && usage <= -0.1m)
        {
            words.Add($"usage {Readable.Percent(usage)}");
        }

        if (s.DaysSinceMeeting is { } meeting && meeting > QuietMeetingDays)
        {
            words.Add($"no meeting for {Readable.Count(meeting)} days");
        }

        return words.Count == 0 ? "no warning signs in engagement" : string.Join(", ", words);
    }
}
