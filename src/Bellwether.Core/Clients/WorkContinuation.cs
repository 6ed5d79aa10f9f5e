namespace Bellwether.Core.Clients;

/// <summary>
/// How long each kind of work goes on: per service line and run (the months in a row the line has billed a client up
/// to a cut), how often the line billed the client again in the three months after. A services firm's projects run a
/// typical length and stop, so a client whose only work is a project near its usual end is about to have no revenue;
/// this learns those lengths from the company's own history instead of assuming them. Rates are shrunk toward the
/// line's overall rate (a few runs of a rare length say little).
/// </summary>
internal sealed class WorkContinuation
{
    /// <summary>Runs of this many months or more are one bucket: recurring work, which goes on.</summary>
    private const int MaxRun = 12;

    /// <summary>Pseudo-runs of the line's overall rate each bucket's rate is shrunk with.</summary>
    private const double Prior = 5;

    private readonly double[,] _rate;

    private WorkContinuation(double[,] rate) => _rate = rate;

    /// <summary>Learns the rates from the clients of the given snapshots (the rows a model learns from).</summary>
    public static WorkContinuation Learn(ClientBook book, IReadOnlyList<int> cuts, Func<int, int, bool> kept)
    {
        ArgumentNullException.ThrowIfNull(book);
        var went = new double[64, MaxRun + 1];
        var all = new double[64, MaxRun + 1];
        foreach (var m in cuts)
        {
            foreach (var a in book.WithData)
            {
                if (!kept(a, m))
                {
                    continue;
                }

                var after = book.Lines(a, m, m + ChurnRiskModel.Horizon);
                for (var lines = book.Lines(a, m - 3, m); lines != 0; lines &= lines - 1)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(lines);
                    var run = Math.Min(Run(book, a, bit, m), MaxRun);
                    all[bit, run]++;
                    went[bit, run] += (after & (1UL << bit)) != 0 ? 1 : 0;
                }
            }
        }

        var rate = new double[64, MaxRun + 1];
        for (var bit = 0; bit < 64; bit++)
        {
            double lineWent = 0, lineAll = 0;
            for (var run = 0; run <= MaxRun; run++)
            {
                lineWent += went[bit, run];
                lineAll += all[bit, run];
            }

            var overall = (lineWent + 0.5) / (lineAll + 1);
            for (var run = 0; run <= MaxRun; run++)
            {
                rate[bit, run] = (went[bit, run] + (Prior * overall)) / (all[bit, run] + Prior);
            }
        }

        return new WorkContinuation(rate);
    }

    /// <summary>Months in a row, up to the month before <paramref name="month"/>, the line billed the account; 0 when it did not bill that month.</summary>
    public static int Run(ClientBook book, int account, int bit, int month)
    {
        var cells = book.CellsIn(account, int.MinValue, month);
        var run = 0;
        for (var i = cells.Count - 1; i >= 0 && (book.Cells.Lines[cells[i]] & (1UL << bit)) != 0; i--)
        {
            run++;
        }

        // The cells end at the account's last month with data, which may be before the month before the cut.
        return cells.Count > 0 && cells[cells.Count - 1] == book.Cell(account, month - 1) ? run : 0;
    }

    /// <summary>The chance that work of the line on a run of <paramref name="run"/> months bills again within three months.</summary>
    public double Continues(int bit, int run) => _rate[bit, Math.Min(run, MaxRun)];

    /// <summary>
    /// The feature: the log-odds that none of the client's lines of the last three months bills again (lines taken as
    /// independent), with the line most likely to stop as its reason.
    /// </summary>
    public ClientFeature Feature(ClientBook book) => new(
        "work_ending",
        f =>
        {
            var ending = f.LineRuns.Aggregate(1.0, (p, r) => p * (1 - Continues(r.Bit, r.Run)));
            ending = Math.Clamp(ending, 1e-4, 1 - 1e-4);
            return Math.Log(ending / (1 - ending));
        },
        (f, _) =>
        {
            if (f.LineRuns.Count == 0)
            {
                return null;
            }

            var (bit, run) = f.LineRuns.MinBy(r => Continues(r.Bit, r.Run));
            var share = Reporting.Readable.Percent((decimal)Continues(bit, run), 0);
            return run == 0
                ? $"{book.LineName(bit)} work stopped last month (went on within 3 months in {share} of cases)"
                : $"{book.LineName(bit)} work {run} month{(run == 1 ? "" : "s")} in (such work went on in {share} of cases)";
        });
}
