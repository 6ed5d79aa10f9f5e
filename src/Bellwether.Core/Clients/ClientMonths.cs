using Bellwether.Core.Accounts;

namespace Bellwether.Core.Clients;

/// <summary>
/// The columns of <see cref="ClientBook"/>: one entry per account and month. Revenue is in the reporting currency;
/// NPS answers are on the 0–10 scale (a score given on −100..100 is mapped onto it); CSAT is 1–5; usage is in the
/// company's own units; last days are <see cref="DateOnly.DayNumber"/>s, −1 when the month has none. Counts are 16-bit
/// (a month's count stops at 65,535) and sums of scores single precision: at a million deals the book holds a few
/// million of these rows, and the features need no more.
/// </summary>
internal sealed class ClientMonths
{
    public ClientMonths(int cells)
    {
        Revenue = new double[cells];
        Lines = new ulong[cells];
        Meetings = new ushort[cells];
        Qbrs = new ushort[cells];
        Tickets = new ushort[cells];
        NpsSum = new float[cells];
        NpsCount = new ushort[cells];
        CsatSum = new float[cells];
        CsatCount = new ushort[cells];
        UsageSum = new float[cells];
        UsageCount = new ushort[cells];
        LastQbrDay = new int[cells];
        LastMeetingDay = new int[cells];
        Array.Fill(LastQbrDay, -1);
        Array.Fill(LastMeetingDay, -1);
    }

    public double[] Revenue { get; }

    /// <summary>Bits of the service lines with revenue in the month (codes of <see cref="ClientBook.LineNames"/>).</summary>
    public ulong[] Lines { get; }

    public ushort[] Meetings { get; }

    public ushort[] Qbrs { get; }

    public ushort[] Tickets { get; }

    public float[] NpsSum { get; }

    public ushort[] NpsCount { get; }

    public float[] CsatSum { get; }

    public ushort[] CsatCount { get; }

    public float[] UsageSum { get; }

    public ushort[] UsageCount { get; }

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
                Meetings[cell] = Saturated(Meetings[cell]);
                LastMeetingDay[cell] = Math.Max(LastMeetingDay[cell], day);
                break;
            case EngagementKind.Qbr:
                Qbrs[cell] = Saturated(Qbrs[cell]);
                LastQbrDay[cell] = Math.Max(LastQbrDay[cell], day);
                break;
            case EngagementKind.SupportTicket:
                Tickets[cell] = Saturated(Tickets[cell]);
                break;
            case EngagementKind.Nps when value is { } nps:
                NpsSum[cell] += (float)NpsAnswer(nps);
                NpsCount[cell] = Saturated(NpsCount[cell]);
                break;
            case EngagementKind.Csat when value is { } csat:
                CsatSum[cell] += (float)csat;
                CsatCount[cell] = Saturated(CsatCount[cell]);
                break;
            case EngagementKind.Usage when value is { } usage:
                UsageSum[cell] += (float)usage;
                UsageCount[cell] = Saturated(UsageCount[cell]);
                break;
            default:
                break;
        }
    }

    private static ushort Saturated(ushort count) => count == ushort.MaxValue ? count : (ushort)(count + 1);
}
