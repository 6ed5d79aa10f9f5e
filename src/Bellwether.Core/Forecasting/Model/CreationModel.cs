using Bellwether.Core.Reps;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// Pipeline not yet created at t: how many deals of each stream (type × source) the company creates per day — a
/// <see cref="SeasonalRate"/> fitted to the stream's monthly counts since its deal flow became steady, spread over the
/// days of the week as deals were — how that flow is shared among the reps active at t (each rep's own recent rate,
/// shrunk toward their role's), and which service lines it brings (the stream's recent mix). A stream's share for one
/// rep is an "atom", the finest unit the simulation draws new deals for.
/// </summary>
internal sealed class CreationModel
{
    /// <summary>Months of history the rates are fitted to, at most.</summary>
    private const int FitMonths = 36;

    /// <summary>Months a refit needs before it forecasts a month, when the creation model's own error is read.</summary>
    private const int MinimumFitMonths = 12;

    /// <summary>Months ahead for which the creation rates' out-of-sample error is measured apart.</summary>
    public const int ShockLeads = 4;

    /// <summary>Weekday-weighted days a month needs to be scored (not the partial month of t).</summary>
    private const double MinimumTestExposure = 20;

    /// <summary>Days of history each rep's share and each stream's service-line mix are read from.</summary>
    private const int ShareWindowDays = 182;

    /// <summary>Days of history the weekday profile of creation is read from.</summary>
    private const int WeekdayWindowDays = 365;

    /// <summary>Prior strength, in active days at the role's rate, of a rep's own creation rate.</summary>
    private const double RepPriorDays = 30;

    private const double DaysPerYear = 365.25;

    private readonly Dictionary<CreationStream, SeasonalRate> _rates = [];
    private readonly double[] _weekday;

    /// <param name="facts">The deals; only the real ones count.</param>
    /// <param name="day0">The as-of day.</param>
    /// <param name="reps">The reps known at t.</param>
    /// <param name="explained">
    /// Deals whose like come from elsewhere (renewals the renewal book matched to a predecessor: their successors are its
    /// pending renewals), left out of their stream's counts; a stream may be left with the renewals the book cannot explain.
    /// </param>
    public CreationModel(DealFacts facts, int day0, IReadOnlyList<Rep> reps, IReadOnlySet<string> explained)
    {
        Day0 = day0;
        var type = facts.Column(Dimension.Type);
        var source = facts.Column(Dimension.Source);
        var first = facts.RealCount > 0 ? facts.CreatedDay.Take(facts.RealCount).Min() : day0;
        FirstDay = first;
        _weekday = WeekdayProfile(facts, day0);
        var firstDate = DateOnly.FromDayNumber(first);
        var firstMonth = new DateOnly(firstDate.Year, firstDate.Month, 1);
        var months = Math.Max(0, MonthsBetween(firstMonth, DateOnly.FromDayNumber(day0 - 1)) + 1);
        var totals = new double[months];
        var counts = new Dictionary<(int Type, int Source), double[]>();
        for (var i = 0; i < facts.RealCount; i++)
        {
            var m = MonthsBetween(firstMonth, DateOnly.FromDayNumber(facts.CreatedDay[i]));
            if (m < 0 || m >= months || type[i] >= 3)
            {
                continue;
            }

            totals[m]++;
            if (!explained.Contains(facts.Id[i]))
            {
                var key = (type[i], source[i]);
                if (!counts.TryGetValue(key, out var row))
                {
                    row = new double[months];
                    counts[key] = row;
                }

                row[m]++;
            }
        }

        var steady = SteadyStart(totals);
        var from = Math.Max(steady, months - FitMonths);
        var exposure = new double[months];
        var years = new double[months];
        for (var m = from; m < months; m++)
        {
            var monthStart = firstMonth.AddMonths(m);
            var start = Math.Max(monthStart.DayNumber, first);
            var end = Math.Min(monthStart.AddMonths(1).DayNumber, day0);
            for (var d = start; d < end; d++)
            {
                exposure[m] += Weekday(d);
            }

            years[m] = (((start + end) / 2.0) - day0) / DaysPerYear;
        }

        var monthCounts = new Dictionary<CreationStream, MonthCount[]>();
        foreach (var ((ty, so), row) in counts.OrderBy(kv => kv.Key))
        {
            var data = Enumerable.Range(from, months - from)
                .Where(m => exposure[m] > 0)
                .Select(m => new MonthCount(firstMonth.AddMonths(m).Month - 1, row[m], exposure[m], years[m]))
                .ToArray();
            var rate = SeasonalRate.Fit(data);
            var stream = new CreationStream(ty, so, rate.LogLevel > double.NegativeInfinity ? rate.Level : 0);
            Streams.Add(stream);
            _rates[stream] = rate;
            monthCounts[stream] = data;
        }

        // Per lead, running up: an estimate a month further out that came out narrower is noise, not knowledge.
        RateShockVariances = new double[ShockLeads];
        var refits = new Dictionary<(CreationStream, int), SeasonalRate>();
        for (var lead = 1; lead <= ShockLeads; lead++)
        {
            RateShockVariances[lead - 1] = Math.Max(lead > 1 ? RateShockVariances[lead - 2] : 0, ShockVariance(monthCounts, lead, refits));
        }

        Atoms = ShareAmongReps(facts, day0, reps, type, source);
    }

    public int Day0 { get; }

    /// <summary>The first day any deal was created.</summary>
    public int FirstDay { get; }

    public List<CreationStream> Streams { get; } = [];

    /// <summary>
    /// The variance of the common shock to creation rates (mean 1) beyond Poisson noise, per lead: index 0 for the
    /// month of t, 1 for the month after, and so on up to <see cref="ShockLeads"/> months (later months use the last).
    /// </summary>
    public double[] RateShockVariances { get; }

    public IReadOnlyList<CreationAtom> Atoms { get; }

    /// <summary>Deals of a stream a rep of the role created per active day over the last half year.</summary>
    public Dictionary<(CreationStream Stream, RepRole Role), double> RoleRates { get; } = [];

    /// <summary>Per stream, the service lines (codes) its recent deals were created in, as shares.</summary>
    public Dictionary<CreationStream, (int Line, double Share)[]> LineMix { get; } = [];

    /// <summary>The fitted rate of a stream (for diagnostics and tests).</summary>
    public SeasonalRate RateOf(CreationStream stream) => _rates[stream];

    /// <summary>Deals of the stream expected to be created on the day (before any scenario).</summary>
    public double Rate(CreationStream stream, int day) =>
        _rates.TryGetValue(stream, out var rate) && stream.BaseRate > 0
            ? rate.PerDay(DateOnly.FromDayNumber(day).Month - 1, (day - Day0) / DaysPerYear) * Weekday(day)
            : 0;

    /// <summary>A day's weight for its weekday: 7 × that weekday's share of the deals created in the last year.</summary>
    public double Weekday(int day) => _weekday[(int)DateOnly.FromDayNumber(day).DayOfWeek];

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    /// <summary>Each weekday's share of deals created in the last year, times 7 (one added deal per weekday as a prior).</summary>
    private static double[] WeekdayProfile(DealFacts facts, int day0)
    {
        var counts = Enumerable.Repeat(1.0, 7).ToArray();
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (facts.CreatedDay[i] >= day0 - WeekdayWindowDays && facts.CreatedDay[i] < day0)
            {
                counts[(int)DateOnly.FromDayNumber(facts.CreatedDay[i]).DayOfWeek]++;
            }
        }

        var total = counts.Sum();
        return [.. counts.Select(c => 7 * c / total)];
    }

    /// <summary>
    /// The first month from which the company's deal flow is its real one: a full month (never month 0, which history
    /// starts inside) whose deals, all types together, reach three quarters of the median month's. A CRM's history often begins with
    /// a thin tail — deals migrated when it was adopted, open ones only — which would read as a deep seasonal trough.
    /// </summary>
    private static int SteadyStart(double[] totals)
    {
        var months = totals.Length;
        if (months < 3)
        {
            return Math.Min(1, months);
        }

        var sorted = totals.Skip(1).Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var m0 = 1;
        while (m0 < months - 1 && totals[m0] < 0.75 * median)
        {
            m0++;
        }

        return m0;
    }

    /// <summary>
    /// How far a month's deals stray from the model's own forecast of them beyond Poisson noise, as a gamma variance:
    /// over the last 12 full months, each forecast <paramref name="lead"/> months ahead by the rates refitted on the
    /// months before (at least 12), all streams together. Read out of sample, it holds what the fit misses — a slump, a
    /// turn in growth — not only noise, and a forecast made further ahead misses more. The refits are kept by stream and
    /// cut month in <paramref name="refits"/> and shared between leads (month k at lead L and month k + 1 at lead L + 1
    /// are forecast by the same refit): the four leads need about 15 refits per stream instead of 48.
    /// </summary>
    private static double ShockVariance(Dictionary<CreationStream, MonthCount[]> monthCounts, int lead, Dictionary<(CreationStream, int), SeasonalRate> refits)
    {
        var length = monthCounts.Values.Select(m => m.Length).DefaultIfEmpty(0).Max();
        double numerator = 0, denominator = 0;
        for (var k = Math.Max(MinimumFitMonths + lead - 1, length - 12); k < length; k++)
        {
            double actual = 0, predicted = 0;
            foreach (var (stream, months) in monthCounts)
            {
                var target = months[k];
                if (months.Length != length || target.Exposure < MinimumTestExposure)
                {
                    continue;
                }

                // Refitted on the months before k − lead + 1, as of that month's middle (for lead 1, the target's own), so
                // that month k lies lead − 1 months beyond the fit's t, as a forecast's lead-th month does.
                var cut = k - lead + 1;
                var origin = months[cut].Years;
                if (!refits.TryGetValue((stream, cut), out var rate))
                {
                    rate = SeasonalRate.Fit([.. months.Take(cut).Select(m => m with { Years = m.Years - origin })]);
                    refits[(stream, cut)] = rate;
                }

                actual += target.Count;
                predicted += rate.LogLevel > double.NegativeInfinity ? rate.PerDay(target.Month, target.Years - origin) * target.Exposure : 0;
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

/// <summary>A flow of new deals: one type and one source, at its rate of deals per day at t in an average month and week.</summary>
internal sealed record CreationStream(int Type, int Source, double BaseRate);

/// <summary>One rep's share of a stream (rep code −1 and no rep when no active rep can be named).</summary>
internal sealed record CreationAtom(CreationStream Stream, int RepCode, Rep? Rep, double Share);
