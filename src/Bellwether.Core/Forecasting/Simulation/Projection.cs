using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Forecasting.Simulation;

/// <summary>
/// The fitted model run forward under one scenario to a horizon: for each deal open at t (and each pending renewal),
/// its chance of being won in each month and what it would book; for each creation atom, the expected wins per month
/// from deals not yet created and what each books. Built from the horizon's <see cref="Dynamics"/>, re-weighted by the
/// scenario (only a cycle-length change re-runs a deal's stage process); the simulation then draws futures from it.
/// </summary>
internal sealed class Projection
{
    public Projection(FittedParts model, Dynamics dynamics, ScenarioEffects effects)
    {
        Horizon = dynamics.Horizon;
        var facts = model.Facts;
        OpenDeals = dynamics.OpenDeals;
        SlotWin = new double[OpenDeals.Length][];
        NotYetCreated = [.. OpenDeals.Select(facts.IsVirtual)];
        WonAmount = new double[OpenDeals.Length];
        Parallel.For(0, OpenDeals.Length, k =>
        {
            var i = OpenDeals[k];
            var pace = effects.Pace(facts, i);
            var slots = pace == 1 ? (double[])dynamics.BaseSlots[k].Clone() : dynamics.Slots(k, pace);
            effects.AdjustWins(facts, i, slots, Horizon.SlotMonth);
            SlotWin[k] = slots;
            WonAmount[k] = model.Amounts.OpenDeal(facts.Amount[i], facts.Stage[i]) * effects.AmountFactor(facts, i);
        });

        Atoms = [.. model.Creation.Atoms.Select(a => AtomPlan.Of(model.Facts, a)).Concat(effects.Hires(model))];
        AtomWins = new double[Atoms.Length][];
        AtomMean = new double[Atoms.Length][];
        AtomSd = new double[Atoms.Length][];
        AtomLines = new (int, double[])[Atoms.Length][];
        Parallel.For(0, Atoms.Length, a => Plan(model, dynamics, effects, a));
        WinShockVariance = model.Hazards.WinShockVariance;
        RepShockVariance = model.RepShockVariance;
        var repOf = facts.Column(Dimension.Rep);
        RepOfDeal = [.. OpenDeals.Select(i => repOf[i])];
        RepOfAtom = [.. Atoms.Select(a => a.Atom.RepCode)];
        Reps = facts.LevelsOf(Dimension.Rep).Count;
        var byLead = model.Creation.RateShockVariances;
        RateShockVariance = [.. Enumerable.Range(0, Horizon.Slots).Select(slot => byLead.Length == 0 ? 0 : byLead[Math.Min(slot, byLead.Length - 1)])];
    }

    public Horizon Horizon { get; }

    /// <summary>Deal indices (into the model's facts) of the deals open at t and the pending renewals.</summary>
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

    /// <summary>Per atom and slot, the mean amount of a new deal won in it (its lines blended by their wins).</summary>
    public double[][] AtomMean { get; }

    /// <summary>Per atom and slot, the standard deviation of that amount (between and within lines).</summary>
    public double[][] AtomSd { get; }

    /// <summary>Per atom, each service line's share of the amount it books in each slot.</summary>
    public (int Line, double[] Share)[][] AtomLines { get; }

    public double WinShockVariance { get; }

    /// <summary>The variance of each rep's own shock in a future (see <see cref="Model.RepVariation"/>).</summary>
    public double RepShockVariance { get; }

    /// <summary>Per open deal, its owner's rep code.</summary>
    public int[] RepOfDeal { get; }

    /// <summary>Per atom, its rep's code (−1 for a hire or a stream without reps: no shock of its own).</summary>
    public int[] RepOfAtom { get; }

    /// <summary>How many rep codes there are.</summary>
    public int Reps { get; }

    /// <summary>Per slot, the variance of the common shock to creation rates: slot s lies s + 1 months ahead of the fit.</summary>
    public double[] RateShockVariance { get; }

    private void Plan(FittedParts model, Dynamics dynamics, ScenarioEffects effects, int a)
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

        var rates = new double[Horizon.Days];
        var drift = dynamics.NewDealDrift(stream.Type);
        for (var x = 0; x < rates.Length; x++)
        {
            var c = Horizon.Day0 + x;
            rates[x] = model.Creation.Rate(stream, c) * atom.Share * effects.RateFactor(plan, c) * drift[x];
        }

        // Wins are counted per line, each line at its own speed. Lines differ in size too, and which lines win inside a
        // slot shifts the slot's average amount: the atom's amount per slot is the stream's mean won amount times the
        // slot's line blend over the lines' blend among all the wins the model expects (so the level stays the empirical
        // mean, and a thinly seen dear line whose win rate is shrunk toward the average cannot inflate it).
        var wins = new double[Horizon.Slots];
        var blend = new double[Horizon.Slots];
        var squares = new double[Horizon.Slots];
        var lines = new List<(int Line, double[] Amount)>();
        double eventualWins = 0, eventualBooked = 0;
        var amount = effects.AmountFactor(plan);
        var (typeMean, _) = model.Amounts.NewDeal(stream.Type, atom.RepCode);
        foreach (var (line, share) in mix)
        {
            var levels = model.HazardLevels([atom.RepCode, model.TeamCodeOf(atom.Rep), -1, line, stream.Type, stream.Source, -1]);
            var factor = model.Hazards.ProfileFactors(levels);
            var own = dynamics.WonByAge(stream.Type, factor, pace);
            var lineWins = new double[Horizon.Slots];
            dynamics.Accumulate(rates, [(share, dynamics.Curve(stream.Type, stream.Source, line), own)], lineWins, plan.Hire?.FirstWinDay ?? int.MinValue);
            var (mean, sd) = model.Amounts.NewDeal(stream.Type, atom.RepCode, line);
            eventualWins += share * own[^1];
            eventualBooked += share * own[^1] * mean;
            var lineAmount = new double[Horizon.Slots];
            for (var s = 0; s < wins.Length; s++)
            {
                lineWins[s] *= effects.WinFactor(plan, Horizon.SlotMonth[s]);
                wins[s] += lineWins[s];
                lineAmount[s] = lineWins[s] * mean;
                blend[s] += lineAmount[s];
                squares[s] += lineWins[s] * ((sd * sd) + (mean * mean));
            }

            lines.Add((line, lineAmount));
        }

        var level = eventualBooked > 0 ? typeMean * eventualWins / eventualBooked : 1;
        AtomWins[a] = wins;
        AtomMean[a] = new double[Horizon.Slots];
        AtomSd[a] = new double[Horizon.Slots];
        for (var s = 0; s < wins.Length; s++)
        {
            if (wins[s] > 0)
            {
                var mean = blend[s] / wins[s];
                var sd = Math.Sqrt(Math.Max(0, (squares[s] / wins[s]) - (mean * mean)));
                AtomMean[a][s] = mean * level * amount;
                AtomSd[a][s] = sd * level * amount;
            }
        }

        // What each line's wins are worth, as shares of the atom's booked amount per slot (the ledger's revenue shapes are per line).
        AtomLines[a] = [.. lines.Select(l => (l.Line, l.Amount.Select((v, s) => blend[s] > 0 ? v / blend[s] : 0).ToArray()))];
    }
}
