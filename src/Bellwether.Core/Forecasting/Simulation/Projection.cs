using System.Collections.Concurrent;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Scenarios;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// The fitted model run forward under one scenario to a horizon: for each deal open at t (and each pending renewal), its chance of being won in
/// each month and what it would book; for each creation atom, the expected wins per month from deals not yet created
/// and what each books. This is the part a scenario recomputes; the simulation then draws futures from it.
/// </summary>
internal sealed class Projection
{
    public Projection(FittedParts model, Horizon horizon, ScenarioEffects effects)
    {
        Horizon = horizon;
        var facts = model.Facts;
        OpenDeals = [.. Enumerable.Range(0, facts.Count).Where(facts.IsOpen)];
        SlotWin = new double[OpenDeals.Length][];
        NotYetCreated = [.. OpenDeals.Select(facts.IsVirtual)];
        WonAmount = new double[OpenDeals.Length];
        var phaseOfDay = new int[horizon.Days];
        for (var d = 0; d < phaseOfDay.Length; d++)
        {
            phaseOfDay[d] = model.Covariates.Phase(horizon.Day0 + d);
        }

        _phaseOfDay = phaseOfDay;
        Parallel.For(0, OpenDeals.Length, k =>
        {
            var i = OpenDeals[k];
            var levels = DealProfile.Of(facts, i, model.SizeEdges);
            var factor = new double[HazardCells.Events];
            for (var e = 0; e < factor.Length; e++)
            {
                factor[e] = model.Hazards.ProfileFactor(e, levels);
            }

            var slots = new double[horizon.Slots];
            if (facts.IsVirtual(i))
            {
                var type = facts.Column(Slicing.Dimension.Type)[i];
                var own = model.Hazards.WonByAge(model.Hazards.Entry(type), factor, effects.Pace(facts, i), horizon.Days);
                var curve = Curve(model, type, facts.Column(Slicing.Dimension.Source)[i], facts.Column(Slicing.Dimension.ServiceLine)[i]);
                Accumulate(model.CreationChance(i), [(1.0, curve, own)], slots, int.MinValue);
            }
            else
            {
                var expected = facts.HistCount[i] > 0 ? facts.Expected[i] : DealFacts.NoDay;
                model.Hazards.Project(facts.Stage[i], horizon.Day0 - facts.CreatedDay[i], expected, factor, effects.Pace(facts, i), horizon, phaseOfDay, slots);
            }

            effects.AdjustWins(facts, i, slots, horizon.SlotMonth);
            SlotWin[k] = slots;
            WonAmount[k] = model.Amounts.OpenDeal(facts.Amount[i], facts.Stage[i]) * effects.AmountFactor(facts, i);
        });

        var atoms = model.Creation.Atoms.Select(a => AtomPlan.Of(model.Facts, a)).Concat(effects.Hires(model)).ToList();
        Atoms = [.. atoms];
        AtomWins = new double[Atoms.Length][];
        AtomMean = new double[Atoms.Length];
        AtomSd = new double[Atoms.Length];
        Parallel.For(0, Atoms.Length, a => Plan(model, horizon, effects, a));
        WinShockVariance = model.Hazards.WinShockVariance;
        RateShockVariance = model.Creation.RateShockVariance;
    }

    private readonly ConcurrentDictionary<(int Type, int Source, int Line), Lazy<CalendarCurve>> _curves = new();
    private readonly int[] _phaseOfDay;

    public Horizon Horizon { get; }

    /// <summary>Deal indices (into the model's facts) of the deals open at t.</summary>
    public int[] OpenDeals { get; }

    /// <summary>Per open deal, the chance of its being won in each slot (summing to at most 1).</summary>
    public double[][] SlotWin { get; }

    /// <summary>Per open deal, whether it is virtual: expected but not yet created (a pending renewal).</summary>
    public bool[] NotYetCreated { get; }

    /// <summary>Per open deal, what it books if won.</summary>
    public double[] WonAmount { get; }

    public AtomPlan[] Atoms { get; }

    /// <summary>Per atom, the expected number of deals created after t and won in each slot.</summary>
    public double[][] AtomWins { get; }

    public double[] AtomMean { get; }

    public double[] AtomSd { get; }

    public double WinShockVariance { get; }

    public double RateShockVariance { get; }

    /// <summary>
    /// Adds to each slot the expected wins in it of deals created on day 0, 1, 2… (<paramref name="created"/>: chances
    /// or rates per day from day 0). A deal created on day x is won by the end of slot s with the calendar-aware chance
    /// of its kind (<see cref="CalendarCurve.BySlotEnd"/>) times its own won-by-age over its kind's (its rep, size and
    /// pace, at that age); a mix weighs several kinds. Wins before <paramref name="firstWinDay"/> land on that day.
    /// </summary>
    private void Accumulate(double[] created, IReadOnlyList<(double Share, CalendarCurve Curve, double[] Own)> mix, double[] slots, int firstWinDay)
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

    /// <summary>The calendar-aware won-by-slot-end of new deals of a type, source and service line (average rep and size), computed once.</summary>
    private CalendarCurve Curve(FittedParts model, int type, int source, int line) => _curves.GetOrAdd((type, source, line), key => new Lazy<CalendarCurve>(() =>
    {
        int[] levels = [-1, -1, -1, key.Line, key.Type, key.Source, -1];
        var factor = new double[HazardCells.Events];
        for (var e = 0; e < factor.Length; e++)
        {
            factor[e] = model.Hazards.ProfileFactor(e, levels);
        }

        var entry = model.Hazards.Entry(key.Type);
        return new CalendarCurve(model.Hazards.WonBySlotEnd(entry, factor, Horizon, _phaseOfDay), model.Hazards.WonByAge(entry, factor, 1, Horizon.Days));
    })).Value;

    private void Plan(FittedParts model, Horizon horizon, ScenarioEffects effects, int a)
    {
        var plan = Atoms[a];
        var atom = plan.Atom;
        var stream = atom.Stream;
        var pace = effects.Pace(plan);

        // New deals are won as a mix of the service lines the stream brings, each at its own speed.
        var mix = model.Creation.LineMix.GetValueOrDefault(stream) ?? [];
        if (mix.Length == 0)
        {
            mix = [(-1, 1.0)];
        }

        var kinds = new List<(double Share, CalendarCurve Curve, double[] Own)>();
        foreach (var (line, share) in mix)
        {
            int[] levels = [atom.RepCode, model.TeamCodeOf(atom.Rep), -1, line, stream.Type, stream.Source, -1];
            var factor = new double[HazardCells.Events];
            for (var e = 0; e < factor.Length; e++)
            {
                factor[e] = model.Hazards.ProfileFactor(e, levels);
            }

            var own = model.Hazards.WonByAge(model.Hazards.Entry(stream.Type), factor, pace, horizon.Days);
            kinds.Add((share, Curve(model, stream.Type, stream.Source, line), own));
        }

        var rates = new double[horizon.Days];
        for (var x = 0; x < rates.Length; x++)
        {
            var c = horizon.Day0 + x;
            rates[x] = model.Creation.Rate(stream, c) * atom.Share * effects.RateFactor(plan, c);
        }

        var wins = new double[horizon.Slots];
        Accumulate(rates, kinds, wins, plan.Hire?.FirstWinDay ?? int.MinValue);
        for (var s = 0; s < wins.Length; s++)
        {
            wins[s] *= effects.WinFactor(plan, horizon.SlotMonth[s]);
        }

        AtomWins[a] = wins;
        var (mean, sd) = model.Amounts.NewDeal(stream.Type, atom.RepCode);
        var amount = effects.AmountFactor(plan);
        AtomMean[a] = mean * amount;
        AtomSd[a] = sd * amount;
    }
}

/// <summary>New deals of one kind: won by each slot's end per creation day (actual calendar), and won by age (average calendar).</summary>
internal sealed record CalendarCurve(double[][] BySlotEnd, double[] ByAge);
