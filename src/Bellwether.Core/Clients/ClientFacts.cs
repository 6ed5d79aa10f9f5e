namespace Bellwether.Core.Clients;

/// <summary>
/// An instant at which clients are read: revenue of the months before <see cref="RevenueEnd"/>, events of the months
/// before <see cref="EventEnd"/>, and "days since" counted to <see cref="Day"/>. A past month's first instant (a
/// training snapshot) has both ends at that month; the book's own instant may fall inside a month, whose events so far
/// then count while its revenue is not yet known.
/// </summary>
internal readonly record struct Cut(int RevenueEnd, int EventEnd, int Day)
{
    /// <summary>The first instant of a month (index): the month's own data is not yet known.</summary>
    public static Cut AtMonth(int month) => new(month, month, Time.MonthIndex.Start(month).DayNumber);

    /// <summary>The book's own instant.</summary>
    public static Cut Of(ClientBook book) => new(book.RevenueEnd, book.EventEnd, Time.Instants.DayOf(book.AsOf).DayNumber);
}

/// <summary>
/// What a person would look at to judge one client at a cut, in their own units: revenue of the last three months over
/// and of the three before, service lines, tenure, days since the last QBR and meeting, the latest NPS answers, CSAT,
/// tickets and the usage trend. Null where there is nothing on record. The models' features and the reasons they give
/// are both read from these, so a reason always quotes the figure its feature used.
/// </summary>
internal sealed record ClientFacts
{
    /// <summary>Revenue of the last three months over.</summary>
    public required double Revenue3 { get; init; }

    /// <summary>Revenue of the three months before those.</summary>
    public required double RevenuePrior3 { get; init; }

    /// <summary>Revenue of the last month over.</summary>
    public required double RevenueLastMonth { get; init; }

    /// <summary>The service lines (bits of <see cref="ClientBook.LineNames"/> codes) with revenue in the last three months.</summary>
    public required ulong Lines3 { get; init; }

    /// <summary>Each line of <see cref="Lines3"/> with its run: the months in a row it billed up to the last month over (0 if it did not bill then).</summary>
    public required IReadOnlyList<(int Bit, int Run)> LineRuns { get; init; }

    /// <summary>Every service line the account ever had revenue from before the cut.</summary>
    public required ulong LinesEver { get; init; }

    /// <summary>Lines other than <see cref="Lines3"/> with a new-business or expansion deal open at the cut.</summary>
    public required ulong OpenDealLines { get; init; }

    /// <summary>Whole months from the account's first month with revenue to the cut; 0 before any revenue.</summary>
    public required int TenureMonths { get; init; }

    /// <summary>Days from the account's first data (revenue or event) to the cut: how long it could have had a QBR.</summary>
    public required int DaysKnown { get; init; }

    public int? DaysSinceQbr { get; init; }

    public int? DaysSinceMeeting { get; init; }

    /// <summary>The mean NPS answer (0–10) of the latest month with answers, within the last twelve months.</summary>
    public double? NpsLatest { get; init; }

    /// <summary>The mean answer of the month with answers before that one, within the twelve months before it.</summary>
    public double? NpsPrevious { get; init; }

    /// <summary>Mean CSAT (1–5) over the last three months.</summary>
    public double? Csat3 { get; init; }

    /// <summary>Support tickets in the last three months.</summary>
    public required int Tickets3 { get; init; }

    /// <summary>Mean usage reading of the latest month with one (of the last two).</summary>
    public double? UsageNow { get; init; }

    /// <summary>Mean usage reading three months before <see cref="UsageNow"/>'s month.</summary>
    public double? UsageThen { get; init; }

    /// <summary>How far back a won deal counts as recent (bought, not yet billing): a quarter.</summary>
    public const int RecentDays = 92;

    public int LineCount => ClientBook.LineCount(Lines3);

    /// <summary>The usage change over three months as a fraction (−0.35 for −35%), or null without both readings.</summary>
    public double? UsageChange => UsageNow is { } now && UsageThen is { } then && then > 0 ? (now / then) - 1 : null;

    /// <summary>The facts of one account at a cut, read in one pass back through its months (this runs for every client of every snapshot).</summary>
    public static ClientFacts Of(ClientBook book, int account, Cut cut)
    {
        ArgumentNullException.ThrowIfNull(book);
        var c = book.Cells;
        int r = cut.RevenueEnd, e = cut.EventEnd, first = book.FirstMonth(account);
        double revenue3 = 0, prior3 = 0, lastMonth = 0, csatSum = 0;
        ulong lines3 = 0, ever = 0, running = 0;
        int firstRevenue = -1, tickets = 0, csatCount = 0, qbr = -1, meeting = -1, nps = -1, npsBefore = -1, usage = -1;
        Span<int> runs = stackalloc int[64];
        var cells = book.CellsIn(account, int.MinValue, Math.Max(r, e));
        for (var i = cells.Count - 1; i >= 0; i--)
        {
            var cell = cells[i];
            var month = first + i;
            if (month < r)
            {
                var lines = c.Lines[cell];
                revenue3 += month >= r - 3 ? c.Revenue[cell] : 0;
                prior3 += month >= r - 6 && month < r - 3 ? c.Revenue[cell] : 0;
                lastMonth += month == r - 1 ? c.Revenue[cell] : 0;
                lines3 |= month >= r - 3 ? lines : 0;
                ever |= lines;
                firstRevenue = c.Revenue[cell] > 0 ? month : firstRevenue;

                // A line's run: the months in a row it billed, back from the last month over.
                running = month == r - 1 ? lines : running & lines;
                for (var on = running; on != 0; on &= on - 1)
                {
                    runs[System.Numerics.BitOperations.TrailingZeroCount(on)]++;
                }
            }

            if (month < e)
            {
                qbr = qbr < 0 ? c.LastQbrDay[cell] : qbr;
                meeting = meeting < 0 ? c.LastMeetingDay[cell] : meeting;
                if (c.NpsCount[cell] > 0)
                {
                    if (nps < 0 && month >= e - 12)
                    {
                        nps = cell;
                    }
                    else if (nps >= 0 && npsBefore < 0 && month >= first + (nps - cells.Start) - 12)
                    {
                        npsBefore = cell;
                    }
                }

                usage = usage < 0 && month >= e - 2 && c.UsageCount[cell] > 0 ? cell : usage;
                if (month >= e - 3)
                {
                    tickets += c.Tickets[cell];
                    csatSum += c.CsatSum[cell];
                    csatCount += c.CsatCount[cell];
                }
            }
        }

        var usageThen = usage - 3 >= cells.Start && c.UsageCount[usage - 3] > 0 ? usage - 3 : -1;
        var firstDay = first == int.MaxValue ? cut.Day : Time.MonthIndex.Start(first).DayNumber;
        var lineRuns = new List<(int Bit, int Run)>();
        for (var on = lines3; on != 0; on &= on - 1)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(on);
            lineRuns.Add((bit, runs[bit]));
        }

        return new ClientFacts
        {
            Revenue3 = revenue3,
            RevenuePrior3 = prior3,
            RevenueLastMonth = lastMonth,
            Lines3 = lines3,
            LineRuns = lineRuns,
            LinesEver = ever,
            OpenDealLines = book.Deals.OpenOn(account, cut.Day) & ~lines3,
            TenureMonths = firstRevenue < 0 ? 0 : r - firstRevenue,
            DaysKnown = Math.Max(0, cut.Day - firstDay),
            DaysSinceQbr = qbr < 0 ? null : cut.Day - qbr,
            DaysSinceMeeting = meeting < 0 ? null : cut.Day - meeting,
            NpsLatest = nps < 0 ? null : c.NpsSum[nps] / (double)c.NpsCount[nps],
            NpsPrevious = npsBefore < 0 ? null : c.NpsSum[npsBefore] / (double)c.NpsCount[npsBefore],
            Csat3 = csatCount == 0 ? null : csatSum / csatCount,
            Tickets3 = tickets,
            UsageNow = usage < 0 ? null : c.UsageSum[usage] / (double)c.UsageCount[usage],
            UsageThen = usage < 0 || usageThen < 0 ? null : c.UsageSum[usageThen] / (double)c.UsageCount[usageThen],
        };
    }
}
