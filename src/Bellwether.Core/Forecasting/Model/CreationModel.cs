using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Pipeline not yet created at t: how many deals of each stream (type × source) the company creates per day, learned
/// from the trailing quarter, put back into season with a monthly index learned from earlier years, and carried forward
/// with the year-on-year growth of the last half year; how that flow is shared among the reps active at t (each rep's
/// own recent rate, shrunk toward their role's); and which service lines it brings (the stream's recent mix). A
/// stream's share for one rep is an "atom", the finest unit the simulation draws new deals for.
/// </summary>
internal sealed class CreationModel
{
    /// <summary>Days of recent history the company's creation rate is read from, with a seasonal index to correct it.</summary>
    private const int RateWindowDays = 91;

    /// <summary>The same where the short window's months have no seasonal index yet: long enough to average out a season.</summary>
    private const int UnseasonedWindowDays = 182;

    /// <summary>Days of history each rep's share and each stream's service-line mix are read from.</summary>
    private const int ShareWindowDays = 182;

    /// <summary>Prior strength, in active days at the role's rate, of a rep's own creation rate.</summary>
    private const double RepPriorDays = 30;

    private readonly double[] _dailyGrowth = [1, 1, 1];
    private readonly int _rateMidDay;

    /// <param name="facts">The deals; only the real ones count.</param>
    /// <param name="day0">The as-of day.</param>
    /// <param name="reps">The reps known at t.</param>
    /// <param name="booked">Types whose future deals come from elsewhere (renewals, from the book): no stream of theirs.</param>
    public CreationModel(DealFacts facts, int day0, IReadOnlyList<Rep> reps, IReadOnlySet<int> booked)
    {
        Day0 = day0;
        var type = facts.Column(Dimension.Type);
        var source = facts.Column(Dimension.Source);
        var first = facts.RealCount > 0 ? facts.CreatedDay.Take(facts.RealCount).Min() : day0;
        FirstDay = first;
        var monthly = MonthlyCounts(facts, first, day0);
        var firstMonth = DateOnly.FromDayNumber(first);
        Season = new double[3][];
        var seen = new bool[3][];
        var steady = SteadyStart(monthly);
        for (var ty = 0; ty < 3; ty++)
        {
            (Season[ty], seen[ty]) = SeasonalIndex(monthly[ty], firstMonth, steady);
            _dailyGrowth[ty] = DailyGrowth(monthly[ty], firstMonth, Season[ty], steady);
        }

        // The short window is deseasonalised only if each of its months has an index learned for every type.
        var seasoned = Enumerable.Range(day0 - RateWindowDays, RateWindowDays)
            .Select(d => DateOnly.FromDayNumber(d).Month - 1)
            .All(month => seen.All(s => s[month]));
        var rateFrom = Math.Max(first, day0 - (seasoned ? RateWindowDays : UnseasonedWindowDays));
        _rateMidDay = (rateFrom + day0) / 2;
        var seasonDays = new double[3];
        for (var d = rateFrom; d < day0; d++)
        {
            for (var ty = 0; ty < 3; ty++)
            {
                seasonDays[ty] += Season[ty][DateOnly.FromDayNumber(d).Month - 1] * Math.Pow(_dailyGrowth[ty], d - _rateMidDay);
            }
        }

        var counts = new Dictionary<(int Type, int Source), double>();
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.CreatedDay[i] >= rateFrom && type[i] < 3 && !booked.Contains(type[i]))
            {
                var key = (type[i], source[i]);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var ((ty, so), count) in counts.OrderBy(kv => kv.Key))
        {
            Streams.Add(new CreationStream(ty, so, seasonDays[ty] > 0 ? count / seasonDays[ty] : 0));
        }

        RateShockVariance = ShockVariance(monthly);
        Atoms = ShareAmongReps(facts, day0, reps, type, source);
    }

    public int Day0 { get; }

    /// <summary>The first day any deal was created.</summary>
    public int FirstDay { get; }

    public List<CreationStream> Streams { get; } = [];

    /// <summary>Per type (0–2), the creation index of each calendar month (January first), averaging 1.</summary>
    public double[][] Season { get; }

    /// <summary>The variance of the common shock to creation rates (gamma, mean 1) beyond Poisson noise.</summary>
    public double RateShockVariance { get; }

    public IReadOnlyList<CreationAtom> Atoms { get; }

    /// <summary>Deals of a stream a rep of the role created per active day over the last half year.</summary>
    public Dictionary<(CreationStream Stream, RepRole Role), double> RoleRates { get; } = [];

    /// <summary>Per stream, the service lines (codes) its recent deals were created in, as shares.</summary>
    public Dictionary<CreationStream, (int Line, double Share)[]> LineMix { get; } = [];

    /// <summary>Deals of the stream expected to be created on the day (before any scenario).</summary>
    public double Rate(CreationStream stream, int day) =>
        stream.BaseRate * Season[stream.Type][DateOnly.FromDayNumber(day).Month - 1] * Math.Pow(_dailyGrowth[stream.Type], day - _rateMidDay);

    private static double[][] MonthlyCounts(DealFacts facts, int first, int day0)
    {
        var start = DateOnly.FromDayNumber(first);
        var end = DateOnly.FromDayNumber(day0);
        var months = Math.Max(0, ((end.Year - start.Year) * 12) + end.Month - start.Month);
        var result = new double[3][];
        for (var ty = 0; ty < 3; ty++)
        {
            result[ty] = new double[months];
        }

        var type = facts.Column(Dimension.Type);
        for (var i = 0; i < facts.RealCount; i++)
        {
            var d = DateOnly.FromDayNumber(facts.CreatedDay[i]);
            var m = ((d.Year - start.Year) * 12) + d.Month - start.Month;
            if (m < months && type[i] < 3)
            {
                result[type[i]][m]++;
            }
        }

        return result;
    }

    /// <summary>
    /// The first month from which the company's deal flow is its real one: a full month (never month 0, which history
    /// starts inside) whose deals, all types together, reach half the median month's. A CRM's history often begins with
    /// a thin tail — deals migrated when it was adopted, open ones only — which would read as a deep seasonal trough.
    /// </summary>
    private static int SteadyStart(double[][] monthly)
    {
        var months = monthly[0].Length;
        var totals = Enumerable.Range(0, months).Select(m => monthly.Sum(counts => counts[m])).ToArray();
        if (months < 3)
        {
            return Math.Min(1, months);
        }

        var sorted = totals.Skip(1).Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var m0 = 1;
        while (m0 < months - 1 && totals[m0] < 0.5 * median)
        {
            m0++;
        }

        return m0;
    }

    /// <summary>
    /// Monthly index from full months after the first: each month over its centred 12-month average, averaged per
    /// calendar month and shrunk toward 1 by the number of years seen (n / (n + 1)). A calendar month needs six full
    /// months on each side, so 13 months of history give the first indices and 24 give all twelve; a month not yet
    /// seen stays at 1. Companies are seasonal, and the first autumn already shows how much (the backtests of a
    /// demo company's first Q4 were 5–8% low when the index waited for two full years).
    /// </summary>
    private static (double[] Index, bool[] Seen) SeasonalIndex(double[] counts, DateOnly firstMonth, int steady)
    {
        var index = Enumerable.Repeat(1.0, 12).ToArray();
        var sums = new double[12];
        var seen = new int[12];

        // Month 0 is partial (history starts inside it); full months are 1..Length−1.
        for (var m = steady + 6; m + 6 < counts.Length; m++)
        {
            var average = (0.5 * counts[m - 6]) + (0.5 * counts[m + 6]);
            for (var k = m - 5; k <= m + 5; k++)
            {
                average += counts[k];
            }

            average /= 12;
            if (average <= 0)
            {
                continue;
            }

            var month = firstMonth.AddMonths(m).Month - 1;
            sums[month] += counts[m] / average;
            seen[month]++;
        }

        for (var j = 0; j < 12; j++)
        {
            if (seen[j] > 0)
            {
                var raw = sums[j] / seen[j];
                index[j] = 1 + ((raw - 1) * seen[j] / (seen[j] + 1.0));
            }
        }

        // Each index is already relative to its year's average; only a complete set is renormalised to average 1.
        var complete = seen.All(n => n > 0);
        var mean = complete ? index.Average() : 1;
        return ([.. index.Select(x => x / mean)], [.. seen.Select(n => n > 0)]);
    }

    /// <summary>
    /// Growth per day from the deseasonalised deals of the last six full months against the same months a year
    /// earlier (1 without 18 months of steady history), with the yearly growth held within 0.7–1.5.
    /// </summary>
    private static double DailyGrowth(double[] counts, DateOnly firstMonth, double[] season, int steady)
    {
        var months = counts.Length;
        if (months - 18 < steady)
        {
            return 1;
        }

        double recent = 0, earlier = 0;
        for (var k = 1; k <= 6; k++)
        {
            var m = months - k;
            var factor = season[firstMonth.AddMonths(m).Month - 1];
            recent += counts[m] / factor;
            earlier += counts[m - 12] / factor;
        }

        if (recent <= 0 || earlier <= 0)
        {
            return 1;
        }

        return Math.Pow(Math.Clamp(recent / earlier, 0.7, 1.5), 1 / 365.25);
    }

    /// <summary>
    /// The creation model's own one-month-ahead error over the last 12 months: each month's deals against the
    /// deseasonalised rate of the three months before it, as a gamma variance beyond Poisson noise.
    /// </summary>
    private double ShockVariance(double[][] monthly)
    {
        var start = DateOnly.FromDayNumber(FirstDay);
        var months = monthly[0].Length;
        double numerator = 0, denominator = 0;
        for (var m = Math.Max(4, months - 12); m < months; m++)
        {
            double actual = 0, predicted = 0;
            for (var ty = 0; ty < 3; ty++)
            {
                var level = 0.0;
                for (var k = m - 3; k < m; k++)
                {
                    level += monthly[ty][k] / Season[ty][start.AddMonths(k).Month - 1];
                }

                actual += monthly[ty][m];
                predicted += level / 3 * Season[ty][start.AddMonths(m).Month - 1];
            }

            if (predicted < 5)
            {
                continue;
            }

            var gap = actual - predicted;
            numerator += (gap * gap) - predicted;
            denominator += predicted * predicted;
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, 0.25) : 0.02;
    }

    private List<CreationAtom> ShareAmongReps(DealFacts facts, int day0, IReadOnlyList<Rep> reps, int[] type, int[] source)
    {
        var windowFrom = Math.Max(FirstDay, day0 - ShareWindowDays);
        var repLevels = facts.LevelsOf(Dimension.Rep);
        var repOf = facts.Column(Dimension.Rep);
        var lineOf = facts.Column(Dimension.ServiceLine);
        var active = reps.Where(r => r.EndDate is null || r.EndDate.Value.DayNumber >= day0).ToList();
        var activeDays = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rep in active)
        {
            var from = Math.Max(windowFrom, rep.StartDate?.DayNumber ?? windowFrom);
            activeDays[rep.RepId] = Math.Max(0, day0 - from);
        }

        var atoms = new List<CreationAtom>();
        foreach (var stream in Streams)
        {
            var byRep = new Dictionary<string, double>(StringComparer.Ordinal);
            var lines = new Dictionary<int, double>();
            for (var i = 0; i < facts.RealCount; i++)
            {
                if (facts.CreatedDay[i] >= windowFrom && type[i] == stream.Type && source[i] == stream.Source)
                {
                    var id = repLevels.Value(repOf[i]);
                    byRep[id] = byRep.GetValueOrDefault(id) + 1;
                    lines[lineOf[i]] = lines.GetValueOrDefault(lineOf[i]) + 1;
                }
            }

            var lineTotal = lines.Values.Sum();
            LineMix[stream] = [.. lines.OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value / lineTotal))];

            // The role's rate per active day: what a rep of the role with no record of their own is taken to create.
            var roleRate = active.GroupBy(r => r.Role).ToDictionary(
                g => g.Key,
                g =>
                {
                    var days = g.Sum(r => activeDays[r.RepId]);
                    return days > 0 ? g.Sum(r => byRep.GetValueOrDefault(r.RepId)) / days : 0;
                });
            foreach (var (role, rate) in roleRate)
            {
                RoleRates[(stream, role)] = rate;
            }

            var rates = active
                .Select(r => (Rep: r, Rate: (byRep.GetValueOrDefault(r.RepId) + (RepPriorDays * roleRate[r.Role])) / (activeDays[r.RepId] + RepPriorDays)))
                .Where(x => x.Rate > 0)
                .ToList();
            var total = rates.Sum(x => x.Rate);
            if (total <= 0)
            {
                atoms.Add(new CreationAtom(stream, -1, null, 1));
                continue;
            }

            foreach (var (rep, rate) in rates)
            {
                atoms.Add(new CreationAtom(stream, repLevels.Code(rep.RepId), rep, rate / total));
            }
        }

        return atoms;
    }
}

/// <summary>A flow of new deals: one type and one source, at a deseasonalised rate of deals per day (at the rate window's middle).</summary>
internal sealed record CreationStream(int Type, int Source, double BaseRate);

/// <summary>One rep's share of a stream (rep code −1 and no rep when no active rep can be named).</summary>
internal sealed record CreationAtom(CreationStream Stream, int RepCode, Rep? Rep, double Share);
