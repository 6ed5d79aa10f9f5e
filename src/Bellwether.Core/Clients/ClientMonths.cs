using Bellwether.Core.Accounts;

namespace Bellwether.Core.Clients;

/// <summary>
/// The columns of <see cref="ClientBook"/>: one entry per account and month. Revenue is in the reporting currency;
/// NPS answers are on the 0–10 scale (a score given on −100..100 is mapped onto it); CSAT is 1–5; usage is in the
/// company's own units; last days are <see cref="DateOnly.DayNumber"/>s, −1 when the month has none.
/// </summary>
internal sealed class ClientMonths
{
    public ClientMonths(int cells)
    {
        Revenue = new double[cells];
        Lines = new ulong[cells];
        Meetings = new int[cells];
        Qbrs = new int[cells];
        Tickets = new int[cells];
        NpsSum = new float[cells];
        NpsCount = new int[cells];
        CsatSum = new float[cells];
        CsatCount = new int[cells];
        UsageSum = new double[cells];
        UsageCount = new int[cells];
        LastQbrDay = new int[cells];
        LastMeetingDay = new int[cells];
        Array.Fill(LastQbrDay, -1);
        Array.Fill(LastMeetingDay, -1);
    }

    public double[] Revenue { get; }

    /// <summary>Bits of the service lines with revenue in the month (codes of <see cref="ClientBook.LineNames"/>).</summary>
    public ulong[] Lines { get; }

    public int[] Meetings { get; }

    public int[] Qbrs { get; }

    public int[] Tickets { get; }

    public float[] NpsSum { get; }

    public int[] NpsCount { get; }

    public float[] CsatSum { get; }

    public int[] CsatCount { get; }

    public double[] UsageSum { get; }

    public int[] UsageCount { get; }

    public int[] LastQbrDay { get; }

    public int[] LastMeetingDay { get; }

    /// <summary>
    /// An NPS answer on the 0–10 scale. engagement.csv allows a 0–10 answer or a −100..100 score; a value outside 0–10
    /// can only be a score, and is mapped linearly onto 0–10 (−100 → 0, 100 → 10). A score that happens to lie within
    /// 0–10 is read as an answer: the file does not say which scale it uses.
    /// </summary>
    public static double NpsAnswer(decimal value) => value is >= 0 and <= 10 ? (double)value : Math.Clamp(((double)value + 100) / 20, 0, 10);

    /// <summary>Adds one event to a month. Scores without a value (an NPS row with none) count as nothing.</summary>
    public void Add(int cell, EngagementKind kind, decimal? value, int day)
    {
        switch (kind)
        {
            case EngagementKind.Meeting:
                Meetings[cell]++;
                LastMeetingDay[cell] = Math.Max(LastMeetingDay[cell], day);
                break;
            case EngagementKind.Qbr:
                Qbrs[cell]++;
                LastQbrDay[cell] = Math.Max(LastQbrDay[cell], day);
                break;
            case EngagementKind.SupportTicket:
                Tickets[cell]++;
                break;
            case EngagementKind.Nps when value is { } nps:
                NpsSum[cell] += (float)NpsAnswer(nps);
                NpsCount[cell]++;
                break;
            case EngagementKind.Csat when value is { } csat:
                CsatSum[cell] += (float)csat;
                CsatCount[cell]++;
                break;
            case EngagementKind.Usage when value is { } usage:
                UsageSum[cell] += (double)usage;
                UsageCount[cell]++;
                break;
            default:
                break;
        }
    }
}
