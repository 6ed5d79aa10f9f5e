using Bellwether.Core.Data;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// What the revenue ledger teaches: how a won deal turns into recognised revenue, and what the book will bring without
/// new deals. The lag and shape are learned per service line and deal type by non-negative least squares over each
/// account's and line's months: revenue in month m = Σ over lags L of shape(L) × the amount won on that account and
/// line in month m − L (lags 0–<see cref="MaxLag"/>). The existing book is the learned shape applied to every deal won
/// before t, plus what the ledger shows beyond it (the last known month's residual, fading at the rate residuals
/// persist). What the months will cost is the <see cref="Costs"/> model's.
/// </summary>
internal sealed class RevenueModel
{
    public const int MaxLag = 15;

    private const int Types = 3;
    private const int Width = Types * (MaxLag + 1);

    private readonly Dictionary<(int Account, int Line), Dictionary<int, double>> _known = [];
    /// <summary>Per account and line, what its wins booked: month, type, amount, newest month first (types in order).</summary>
    private readonly Dictionary<(int Account, int Line), Booking[]> _booked = [];
    private readonly Dictionary<int, double[]> _shape = [];
    private readonly double[] _pooledShape = new double[MaxLag + 1];
    private readonly Dictionary<(int Account, int Line), double> _residual = [];

    public RevenueModel(Dataset view, DealFacts facts, int day0)
    {
        var accounts = facts.LevelsOf(Dimension.Account);
        var lines = facts.LevelsOf(Dimension.ServiceLine);
        FirstFutureMonth = MonthIndex.Of(DateOnly.FromDayNumber(day0));
        Available = view.Revenue.Count > 0;
        if (!Available)
        {
            return;
        }

        foreach (var row in view.Revenue)
        {
            Add(_known, (accounts.Code(row.AccountId), lines.Code(row.ServiceLine)), MonthIndex.Of(row.Month), (double)row.Revenue);
        }

        LastKnownMonth = _known.Values.SelectMany(m => m.Keys).DefaultIfEmpty(FirstFutureMonth - 1).Max();
        var type = facts.Column(Dimension.Type);
        var booked = new Dictionary<(int, int), Dictionary<int, double>>();
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.Status[i] == OpportunityStatus.Won && type[i] < Types)
            {
                var key = (facts.Column(Dimension.Account)[i], facts.Column(Dimension.ServiceLine)[i]);
                Add(booked, key, (MonthIndex.Of(DateOnly.FromDayNumber(facts.ClosedDay[i])) * Types) + type[i], (double)facts.Amount[i]);
            }
        }

        // A stream has a few wins: walking them beats looking up every (lag, type) of a window, and in this order
        // (lag ascending, then type) the sums are the same as the window's, to the last bit.
        foreach (var (key, months) in booked)
        {
            _booked[key] = [.. months
                .Select(kv => new Booking(kv.Key / Types, kv.Key % Types, kv.Value))
                .OrderByDescending(b => b.Month)
                .ThenBy(b => b.Type)];
        }

        FitShapes(facts);
        FitResiduals();
        Costs = new CostModel(CostHistory.Of(view, facts, LastKnownMonth, DateOnly.FromDayNumber(day0)));
    }

    /// <summary>Whether the company has a revenue ledger.</summary>
    public bool Available { get; }

    /// <summary>The month of t: the first whose revenue is not known.</summary>
    public int FirstFutureMonth { get; }

    /// <summary>The last month with revenue in the ledger.</summary>
    public int LastKnownMonth { get; }

    /// <summary>Persistence per month of revenue the learned shapes do not explain.</summary>
    public double ResidualPersistence { get; private set; }

    public IEnumerable<(int Account, int Line)> Streams => _known.Keys.Union(_booked.Keys);

    /// <summary>Known revenue of an account and line in a month (0 when none).</summary>
    public double Known(int account, int line, int month) =>
        _known.TryGetValue((account, line), out var months) ? months.GetValueOrDefault(month) : 0;

    /// <summary>The share of a deal's amount recognised <paramref name="lag"/> months after the month it was won.</summary>
    public double Shape(int line, int type, int lag)
    {
        if (lag is < 0 or > MaxLag)
        {
            return 0;
        }

        return _shape.TryGetValue((line * Types) + Math.Clamp(type, 0, Types - 1), out var shape) ? shape[lag] : _pooledShape[lag];
    }

    /// <summary>
    /// What the book known at t brings an account and line in a future month: the shapes of deals won before t plus the
    /// fading residual. <paramref name="churn"/> scales how fast the residual fades (1 + the churn change).
    /// </summary>
    public double ExistingBook(int account, int line, int month, double churn = 1)
    {
        var value = Fitted((account, line), month);
        if (_residual.TryGetValue((account, line), out var residual))
        {
            var persistence = Math.Clamp(1 - ((1 - ResidualPersistence) * churn), 0, 1);
            value += residual * Math.Pow(persistence, month - LastKnownMonth);
        }

        return Math.Max(0, value);
    }

    /// <summary>What the company's months cost: cogs and operating expenses (null without a revenue ledger).</summary>
    public CostModel? Costs { get; }

    private static void Add(Dictionary<(int, int), Dictionary<int, double>> table, (int, int) key, int month, double value)
    {
        if (!table.TryGetValue(key, out var months))
        {
            months = [];
            table[key] = months;
        }

        months[month] = months.GetValueOrDefault(month) + value;
    }

    private double Fitted((int Account, int Line) key, int month)
    {
        if (!_booked.TryGetValue(key, out var booked))
        {
            return 0;
        }

        var value = 0.0;
        foreach (var b in booked)
        {
            var lag = month - b.Month;
            if (lag is >= 0 and <= MaxLag)
            {
                value += b.Amount * Shape(key.Line, b.Type, lag);
            }
        }

        return value;
    }

    private void FitShapes(DealFacts facts)
    {
        var first = _booked.Values.SelectMany(m => m).Select(b => b.Month).DefaultIfEmpty(0).Min();
        var from = Math.Min(first + MaxLag, LastKnownMonth - 6);
        var lineCount = facts.LevelsOf(Dimension.ServiceLine).Count;
        var gram = new double[lineCount][];
        var moment = new double[lineCount][];
        var pooledGram = new double[(MaxLag + 1) * (MaxLag + 1)];
        var pooledMoment = new double[MaxLag + 1];
        var deals = new int[lineCount * Types];
        var x = new double[Width];
        var pooled = new double[MaxLag + 1];
        foreach (var (key, booked) in _booked)
        {
            gram[key.Line] ??= new double[Width * Width];
            moment[key.Line] ??= new double[Width];
            foreach (var b in booked)
            {
                deals[(key.Line * Types) + b.Type]++;
            }

            for (var month = Math.Max(from, first); month <= LastKnownMonth; month++)
            {
                Array.Clear(x);
                Array.Clear(pooled);
                var any = false;
                foreach (var b in booked)
                {
                    var lag = month - b.Month;
                    if (lag is >= 0 and <= MaxLag)
                    {
                        x[(b.Type * (MaxLag + 1)) + lag] = b.Amount;
                        pooled[lag] += b.Amount;
                        any = true;
                    }
                }

                if (!any)
                {
                    continue;
                }

                var y = Known(key.Account, key.Line, month);
                LeastSquares.Accumulate(gram[key.Line], moment[key.Line], x, y);
                LeastSquares.Accumulate(pooledGram, pooledMoment, pooled, y);
            }
        }

        var pooledShape = LeastSquares.Nnls(pooledGram, pooledMoment, MaxLag + 1);
        Array.Copy(pooledShape, _pooledShape, _pooledShape.Length);
        for (var line = 0; line < lineCount; line++)
        {
            if (gram[line] is null)
            {
                continue;
            }

            var beta = LeastSquares.Nnls(gram[line], moment[line], Width);
            for (var type = 0; type < Types; type++)
            {
                // A type seen on fewer than ten deals of the line recognises as the line's other deals do.
                if (deals[(line * Types) + type] >= 10)
                {
                    _shape[(line * Types) + type] = beta[(type * (MaxLag + 1))..((type + 1) * (MaxLag + 1))];
                }
            }

            for (var type = 0; type < Types; type++)
            {
                if (!_shape.ContainsKey((line * Types) + type))
                {
                    var seen = Enumerable.Range(0, Types).Where(t => _shape.ContainsKey((line * Types) + t)).ToList();
                    if (seen.Count > 0)
                    {
                        _shape[(line * Types) + type] = [.. Enumerable.Range(0, MaxLag + 1).Select(l => seen.Average(t => _shape[(line * Types) + t][l]))];
                    }
                }
            }
        }
    }

    /// <summary>Residuals (actual − fitted) of the last known month, and how much of a residual survives a month.</summary>
    private void FitResiduals()
    {
        // Each stream's actual and fitted revenue over the last seven known months, read once.
        const int Window = 7;
        var first = LastKnownMonth - (Window - 1);
        var streams = Streams.ToArray();
        var known = new double[streams.Length][];
        var fitted = new double[streams.Length][];
        for (var k = 0; k < streams.Length; k++)
        {
            var months = _known.GetValueOrDefault(streams[k]);
            known[k] = new double[Window];
            fitted[k] = new double[Window];
            for (var j = 0; j < Window; j++)
            {
                known[k][j] = months?.GetValueOrDefault(first + j) ?? 0;
                fitted[k][j] = Fitted(streams[k], first + j);
            }
        }

        double cross = 0, square = 0;
        for (var k = 0; k < streams.Length; k++)
        {
            var previous = double.NaN;
            for (var j = 0; j < Window; j++)
            {
                var residual = known[k][j] - fitted[k][j];
                if (!double.IsNaN(previous))
                {
                    cross += residual * previous;
                    square += previous * previous;
                }

                previous = residual;
            }

            if (Math.Abs(previous) > 0.005)
            {
                _residual[streams[k]] = previous;
            }
        }

        ResidualPersistence = square > 0 ? Math.Clamp(cross / square, 0, 1) : 0;

        // Each stream's forecast of each of these months made a month ahead, as the book makes it: the shapes plus the
        // month before's residual, faded.
        var ahead = new double[streams.Length][];
        for (var k = 0; k < streams.Length; k++)
        {
            ahead[k] = new double[Window];
            for (var j = 1; j < Window; j++)
            {
                ahead[k][j] = Math.Max(0, fitted[k][j] + ((known[k][j - 1] - fitted[k][j - 1]) * ResidualPersistence));
            }
        }

        // How far the one-month-ahead forecast of the company's revenue missed over the last six months (the mean square
        // of the relative errors, bias included): the spread of the common shock to the existing book.
        var errors = new List<double>();
        for (var j = 1; j < Window; j++)
        {
            double actual = 0, predicted = 0;
            for (var k = 0; k < streams.Length; k++)
            {
                actual += known[k][j];
                predicted += ahead[k][j];
            }

            if (actual > 0 && predicted > 0)
            {
                errors.Add(Math.Log(actual / predicted));
            }
        }

        BookShockVariance = errors.Count > 0 ? Math.Min(0.05, errors.Average(e => e * e)) : 0.001;

        // The same forecasts, stream by stream, for the retention figures' own misses.
        Retention = RetentionMisses.Of(Enumerable.Range(1, Window - 1).Select(j => Enumerable.Range(0, streams.Length).Select(k => (known[k][j - 1], known[k][j], ahead[k][j]))));
    }

    /// <summary>The variance of the common shock to the existing book, from its recent one-month-ahead errors.</summary>
    public double BookShockVariance { get; private set; }

    /// <summary>The book's one-month-ahead misses of grr and nrr over the same months.</summary>
    public RetentionMisses Retention { get; private set; } = RetentionMisses.None;

    /// <summary>What a stream's wins of one month and type booked.</summary>
    private readonly record struct Booking(int Month, int Type, double Amount);
}
