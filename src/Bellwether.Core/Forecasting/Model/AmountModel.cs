using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// What a deal books when it is won. An open deal books its amount at t times the ratio won deals showed between their
/// booked value and their amount while at the same stage (needs history; 1 without). A new deal books the mean won
/// amount of its type and service line over the trailing year (shrunk toward the type's), times its rep's own level
/// against the type's (shrunk toward 1): lines differ in size and in speed, so which lines win inside a period matters.
/// </summary>
internal sealed class AmountModel
{
    private const int WindowDays = 365;

    /// <summary>Won deals worth of weight the type's mean has against a rep's own.</summary>
    private const double RepPrior = 5;

    /// <summary>Won deals worth of weight a ratio of 1 has against a stage's own ratio.</summary>
    private const double StagePrior = 20;

    private readonly double[] _stageRatio;
    private readonly double[] _typeMean = new double[3];
    private readonly double[] _typeSd = new double[3];
    private readonly Dictionary<(int Type, int Rep), (double Sum, double Expected)> _repWon = [];
    private readonly Dictionary<(int Type, int Line), (double Sum, double Squares, int Count)> _lineWon = [];

    public AmountModel(DealFacts facts, int day0)
    {
        var type = facts.Column(Dimension.Type);
        var rep = facts.Column(Dimension.Rep);
        var sums = new double[3];
        var squares = new double[3];
        var counts = new int[3];
        var final = new double[facts.Stages.Count];
        var atStage = new double[facts.Stages.Count];
        var deals = new int[facts.Stages.Count];
        var lastAt = new decimal[facts.Stages.Count];
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.Status[i] != OpportunityStatus.Won)
            {
                continue;
            }

            var amount = (double)facts.Amount[i];
            if (facts.ClosedDay[i] >= day0 - WindowDays && type[i] < 3)
            {
                sums[type[i]] += amount;
                squares[type[i]] += amount * amount;
                counts[type[i]]++;
                var lineKey = (type[i], facts.Column(Dimension.ServiceLine)[i]);
                var (ls, lq, ln) = _lineWon.GetValueOrDefault(lineKey);
                _lineWon[lineKey] = (ls + amount, lq + (amount * amount), ln + 1);
            }

            Array.Fill(lastAt, -1m);
            for (var r = facts.HistStart[i]; r < facts.HistStart[i] + facts.HistCount[i]; r++)
            {
                var row = facts.History[r];
                if (row.Status == OpportunityStatus.Open)
                {
                    lastAt[row.Stage] = row.Amount;
                }
            }

            for (var s = 0; s < lastAt.Length; s++)
            {
                if (lastAt[s] > 0)
                {
                    final[s] += amount;
                    atStage[s] += (double)lastAt[s];
                    deals[s]++;
                }
            }
        }

        var all = counts.Sum() > 0 ? sums.Sum() / counts.Sum() : 0;

        // A rep's level is what their wins booked against what wins of the same type and lines book on average, so that
        // a rep who sells the dear lines is not counted twice (once by the lines, once by the rep).
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.Status[i] == OpportunityStatus.Won && facts.ClosedDay[i] >= day0 - WindowDays && type[i] < 3)
            {
                var key = (type[i], rep[i]);
                var (s, e) = _repWon.GetValueOrDefault(key);
                _repWon[key] = (s + (double)facts.Amount[i], e + LineMean(type[i], facts.Column(Dimension.ServiceLine)[i], sums, counts, all));
            }
        }
        for (var ty = 0; ty < 3; ty++)
        {
            _typeMean[ty] = counts[ty] > 0 ? (sums[ty] + (RepPrior * all)) / (counts[ty] + RepPrior) : all;
            var variance = counts[ty] > 1 ? (squares[ty] / counts[ty]) - Math.Pow(sums[ty] / counts[ty], 2) : Math.Pow(_typeMean[ty], 2);
            _typeSd[ty] = Math.Sqrt(Math.Max(0, variance));
        }

        _stageRatio = new double[facts.Stages.Count];
        for (var s = 0; s < _stageRatio.Length; s++)
        {
            var raw = atStage[s] > 0 ? final[s] / atStage[s] : 1;
            _stageRatio[s] = 1 + ((raw - 1) * deals[s] / (deals[s] + StagePrior));
        }
    }

    /// <summary>The mean won amount of a type and line, shrunk toward the type's (worth <see cref="RepPrior"/> deals).</summary>
    private double LineMean(int type, int line, double[] sums, int[] counts, double all)
    {
        var typeMean = counts[type] > 0 ? (sums[type] + (RepPrior * all)) / (counts[type] + RepPrior) : all;
        var (lineSum, _, lineCount) = _lineWon.GetValueOrDefault((type, line));
        return (lineSum + (RepPrior * typeMean)) / (lineCount + RepPrior);
    }

    /// <summary>What an open deal is expected to book if won.</summary>
    public double OpenDeal(decimal amountAtT, int stage) =>
        (double)amountAtT * (stage >= 0 && stage < _stageRatio.Length ? _stageRatio[stage] : 1);

    /// <summary>
    /// Mean and standard deviation of a new won deal of the type and service line (code, or −1 for any), for the rep
    /// (code, or −1 for no rep).
    /// </summary>
    public (double Mean, double Sd) NewDeal(int type, int rep, int line = -1)
    {
        var t = Math.Clamp(type, 0, 2);
        var (sum, expected) = _repWon.GetValueOrDefault((t, rep));
        var repLevel = (sum + (RepPrior * _typeMean[t])) / (expected + (RepPrior * _typeMean[t]));
        var (lineSum, lineSquares, lineCount) = _lineWon.GetValueOrDefault((t, line));
        var mean = (lineSum + (RepPrior * _typeMean[t])) / (lineCount + RepPrior);
        var sd = lineCount > 1 ? Math.Sqrt(Math.Max(0, (lineSquares / lineCount) - Math.Pow(lineSum / lineCount, 2))) : _typeSd[t];
        return (mean * repLevel, sd * repLevel);
    }
}
