using System.Collections.Concurrent;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// The part of a projection no scenario changes unless it changes cycle length, computed once per horizon and shared:
/// the quarter phase of each day, each open (or pending) deal's profile factors and chance of being won in each month
/// at the learned pace, the calendar-aware curves of new deals, and won-by-age curves. A scenario copies and re-weights
/// these, so recomputing one is cheap.
/// </summary>
internal sealed class Dynamics
{
    /// <summary>
    /// Days a won-by-age curve runs at least, whatever the horizon: long enough that its last value is a new deal's
    /// eventual chance of winning (which weighs the lines' amounts), not its chance of winning before the horizon ends.
    /// </summary>
    private const int EventualDays = 730;

    /// <summary>Days of recently created deals whose verticals are a new deal's mix.</summary>
    private const int MixDays = 180;

    /// <summary>Days between the points at which a drifted chance of winning is computed (and interpolated between).</summary>
    private const int GridStep = 15;

    private readonly FittedParts _model;
    private readonly ConcurrentDictionary<(int Type, int Source, int Line), Lazy<CalendarCurve>> _curves = new();
    private readonly ConcurrentDictionary<string, Lazy<double[]>> _byAge = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Lazy<double[]>> _newDealDrift = new();

    public Dynamics(FittedParts model, Horizon horizon)
    {
        _model = model;
        Horizon = horizon;
        var facts = model.Facts;
        PhaseOfDay = new int[horizon.Days];
        for (var d = 0; d < PhaseOfDay.Length; d++)
        {
            PhaseOfDay[d] = model.Covariates.Phase(horizon.Day0 + d);
        }

        OpenDeals = [.. Enumerable.Range(0, facts.Count).Where(facts.IsOpen)];
        Factor = new double[OpenDeals.Length][];
        Drift = new double[OpenDeals.Length][];
        BaseSlots = new double[OpenDeals.Length][];

        // Pending renewals share a won-by-age curve when they share their factors, but the curves are needed only here
        // (a scenario's pace draws its own): kept for the build, not for the projection's life — one per pending
        // renewal, two years of days each, was half a gigabyte at a million deals.
        var pendingByAge = new ConcurrentDictionary<string, Lazy<double[]>>(StringComparer.Ordinal);
        Parallel.For(0, OpenDeals.Length, k =>
        {
            var levels = model.HazardLevels(OpenDeals[k]);
            Factor[k] = model.Hazards.ProfileFactors(levels);
            Drift[k] = model.Hazards.Drift(levels);
            BaseSlots[k] = Slots(k, 1, pendingByAge);
        });
    }

    public Horizon Horizon { get; }

    public int[] PhaseOfDay { get; }

    /// <summary>Deal indices (into the model's facts) of the deals open at t and the pending renewals.</summary>
    public int[] OpenDeals { get; }

    /// <summary>Per open deal, its profile factor for each event.</summary>
    public double[][] Factor { get; }

    /// <summary>Per open deal, how its hazards drift from t (per event, log rate per year).</summary>
    public double[][] Drift { get; }

    /// <summary>Per open deal, its chance of being won in each slot at the learned pace (before any scenario).</summary>
    public double[][] BaseSlots { get; }

    /// <summary>A deal's chance of being won in each slot with its hazards sped up by <paramref name="pace"/>.</summary>
    public double[] Slots(int k, double pace) => Slots(k, pace, null);

    private double[] Slots(int k, double pace, ConcurrentDictionary<string, Lazy<double[]>>? pendingByAge)
    {
        var facts = _model.Facts;
        var i = OpenDeals[k];
        var slots = new double[Horizon.Slots];
        if (facts.IsVirtual(i))
        {
            var type = facts.Column(Dimension.Type)[i];
            var own = WonByAge(type, Factor[k], pace, pendingByAge);
            var curve = Curve(type, facts.Column(Dimension.Source)[i], facts.Column(Dimension.ServiceLine)[i]);
            Accumulate(_model.CreationChance(i), [(1.0, curve, own)], slots, int.MinValue);
        }
        else
        {
            var expected = facts.HistCount[i] > 0 ? facts.Expected[i] : DealFacts.NoDay;
            var daily = _model.Hazards.WonDaily(facts.Column(Dimension.Type)[i], _model.HazardStage(i), Horizon.Day0 - facts.CreatedDay[i], expected, Factor[k], Drift[k], pace, Horizon.Day0, Horizon.Days, PhaseOfDay);
            for (var d = 0; d < daily.Length; d++)
            {
                slots[Horizon.SlotOfDay[d]] += daily[d];
            }
        }

        return slots;
    }

    /// <summary>
    /// Won-by-age of a new deal of the type with the factors (to the horizon or <see cref="EventualDays"/>, the longer;
    /// the last value is the eventual chance), kept when at the learned pace.
    /// </summary>
    public double[] WonByAge(int type, double[] factor, double pace) => WonByAge(type, factor, pace, _byAge);

    /// <summary><see cref="WonByAge(int, double[], double)"/>, kept in <paramref name="kept"/> when at the learned pace (not kept without one).</summary>
    private double[] WonByAge(int type, double[] factor, double pace, ConcurrentDictionary<string, Lazy<double[]>>? kept)
    {
        var hazards = _model.Hazards;
        var days = Math.Max(Horizon.Days, EventualDays);
        if (pace != 1 || kept is null)
        {
            return hazards.WonByAge(type, hazards.Entry(type), factor, pace, days);
        }

        var key = $"{type}:{factor[0]:R}:{factor[1]:R}:{factor[2]:R}";
        return kept.GetOrAdd(key, _ => new Lazy<double[]>(() => hazards.WonByAge(type, hazards.Entry(type), factor, 1, days))).Value;
    }

    /// <summary>
    /// Per creation day from t, how often a new deal of the type is won relative to the model's average deal (whose
    /// vertical is unknown, so its factor is the training window's average): the verticals of the type's deals created
    /// in the last <see cref="MixDays"/> days, each with its factors drifted to the time the deal would be won (its
    /// creation day plus the vertical's mean days to a win, up to <see cref="HazardModel.DriftYears"/>). Markets that buy
    /// more readily, and grow their share of new deals, raise it; a stalling one lowers it.
    /// </summary>
    public double[] NewDealDrift(int type) => _newDealDrift.GetOrAdd(type, key => new Lazy<double[]>(() => ComputeNewDealDrift(key))).Value;

    /// <summary>The calendar-aware won-by-slot-end of new deals of a type, source and service line (average rep and size).</summary>
    public CalendarCurve Curve(int type, int source, int line) => _curves.GetOrAdd((type, source, line), key => new Lazy<CalendarCurve>(() =>
    {
        var levels = _model.HazardLevels([-1, -1, -1, key.Line, key.Type, key.Source, -1]);
        var factor = _model.Hazards.ProfileFactors(levels);
        var entry = _model.Hazards.Entry(key.Type);
        return new CalendarCurve(_model.Hazards.WonBySlotEnd(key.Type, entry, factor, Horizon, PhaseOfDay), WonByAge(key.Type, factor, 1));
    })).Value;

    private double[] ComputeNewDealDrift(int type)
    {
        var facts = _model.Facts;
        var hazards = _model.Hazards;
        var result = new double[Horizon.Days];
        Array.Fill(result, 1.0);
        var typeOf = facts.Column(Dimension.Type);
        var verticalOf = facts.Column(Dimension.Vertical);
        var mix = new Dictionary<int, double>();
        for (var i = 0; i < facts.RealCount; i++)
        {
            if (typeOf[i] == type && facts.CreatedDay[i] >= Horizon.Day0 - MixDays && facts.CreatedDay[i] < Horizon.Day0 && verticalOf[i] >= 0)
            {
                mix[verticalOf[i]] = mix.GetValueOrDefault(verticalOf[i]) + 1;
            }
        }

        var total = mix.Values.Sum();
        var entry = hazards.Entry(type);
        var reference = hazards.WonByAge(type, entry, hazards.ProfileFactors([-1, -1, -1, -1, type, -1, -1]), 1, EventualDays)[^1];
        if (total == 0 || reference <= 0)
        {
            return result;
        }

        var gridDays = (int)(HazardModel.DriftYears * 365.25);
        var points = (gridDays / GridStep) + 1;
        Array.Clear(result);
        foreach (var (vertical, count) in mix)
        {
            var levels = _model.HazardLevels([-1, -1, vertical, -1, type, -1, -1]);
            var factor = hazards.ProfileFactors(levels);
            var drift = hazards.Drift(levels);
            var now = hazards.WonByAge(type, entry, factor, 1, EventualDays);
            var eventual = now[^1];
            var meanAge = 0.0;
            for (var n = 1; n < now.Length && eventual > 0; n++)
            {
                meanAge += (n - 0.5) * (now[n] - now[n - 1]) / eventual;
            }

            var atGrid = new double[points];
            for (var g = 0; g < points; g++)
            {
                var years = g * GridStep / 365.25;
                var moved = factor.Select((f, e) => f * Math.Exp(drift[e] * years)).ToArray();
                atGrid[g] = drift.All(d => d == 0) ? eventual : hazards.WonByAge(type, entry, moved, 1, EventualDays)[^1];
            }

            var weight = count / total / reference;
            for (var x = 0; x < result.Length; x++)
            {
                var at = Math.Min(x + meanAge, gridDays) / GridStep;
                var g = Math.Min((int)at, points - 2);
                var frac = at - g;
                result[x] += weight * ((atGrid[g] * (1 - frac)) + (atGrid[g + 1] * frac));
            }
        }

        return result;
    }

    /// <summary>
    /// Adds to each slot the expected wins in it of deals created on day 0, 1, 2… (<paramref name="created"/>: chances
    /// or rates per day from day 0). A deal created on day x is won by the end of slot s with the calendar-aware chance
    /// of its kind (<see cref="CalendarCurve.BySlotEnd"/>) times its own won-by-age over its kind's (its rep, size and
    /// pace, at that age); a mix weighs several kinds. Wins before <paramref name="firstWinDay"/> land on that day.
    /// </summary>
    public void Accumulate(double[] created, IReadOnlyList<(double Share, CalendarCurve Curve, double[] Own)> mix, double[] slots, int firstWinDay)
    {
        var horizon = Horizon;
        for (var x = 0; x < created.Length && x < horizon.Days; x++)
        {
            var chance = created[x];
            if (chance <= 0)
            {
                continue;
            }

            var c = horizon.Day0 + x;
            var before = 0.0;
            for (var s = horizon.SlotOfDay[x]; s < horizon.Slots; s++)
            {
                var to = s + 1 < horizon.Slots ? horizon.SlotStart[s + 1] : horizon.End;
                var by = 0.0;
                if (to > firstWinDay)
                {
                    var age = to - c;
                    foreach (var (share, curve, own) in mix)
                    {
                        var kind = curve.ByAge[Math.Min(age, curve.ByAge.Length - 1)];
                        var mine = own[Math.Min(age, own.Length - 1)];
                        by += share * curve.BySlotEnd[x][s] * (kind > 0 ? mine / kind : 1);
                    }

                }

                slots[s] += chance * (by - before);
                before = by;
            }
        }
    }
}

/// <summary>New deals of one kind: won by each slot's end per creation day (actual calendar), and won by age (average calendar).</summary>
internal sealed record CalendarCurve(double[][] BySlotEnd, double[] ByAge);
