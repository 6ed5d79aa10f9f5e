using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Reps;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// A scenario compiled against a fitted model: for each open deal and each creation atom, how its pace, chance of
/// winning, amount and creation rate change. A change narrowed to a slice acts fully on deals in the slice and, on an
/// atom, in proportion to the share of the atom's wins that fall in the slice. The empty scenario changes nothing.
/// </summary>
internal sealed class ScenarioEffects
{
    private readonly FittedParts _model;
    private readonly List<(DriverChange Change, IReadOnlyDictionary<Dimension, string> Slice)> _changes = [];

    public ScenarioEffects(FittedParts model, Scenario scenario)
    {
        _model = model;
        Scenario = scenario;
        foreach (var change in scenario.Changes)
        {
            _changes.Add((change, ScenarioCheck.SliceOf(change)));
        }
    }

    public Scenario Scenario { get; }

    public bool IsEmpty => _changes.Count == 0;

    public IEnumerable<T> Of<T>()
        where T : DriverChange => _changes.Select(c => c.Change).OfType<T>();

    public double Pace(DealFacts facts, int deal) =>
        Product<CycleLengthChange>((c, slice) => Matches(facts, deal, slice) ? 1 / (1 + c.Relative) : 1);

    public double AmountFactor(DealFacts facts, int deal) =>
        Product<DealSizeChange>((c, slice) => Matches(facts, deal, slice) ? 1 + c.Relative : 1);

    /// <summary>Scales a deal's chance of winning in each slot for the win-rate and churn changes that reach it.</summary>
    public void AdjustWins(DealFacts facts, int deal, double[] slots, DateOnly[] slotMonths)
    {
        foreach (var (change, slice) in _changes)
        {
            if (change is WinRateChange win && Matches(facts, deal, slice))
            {
                var r = WinRatio(win, slice);
                for (var s = 0; s < slots.Length; s++)
                {
                    if (ActsInMonth(change, slotMonths[s]))
                    {
                        slots[s] *= r;
                    }
                }
            }
            else if (change is ChurnChange churn && Matches(facts, deal, slice) && facts.Column(Dimension.Type)[deal] == (int)OpportunityType.Renewal)
            {
                var p = slots.Sum();
                if (p > 0)
                {
                    var ratio = Math.Max(0, 1 - ((1 - Math.Min(1, p)) * (1 + churn.Relative))) / p;
                    for (var s = 0; s < slots.Length; s++)
                    {
                        slots[s] *= ratio;
                    }
                }
            }
        }

        var total = slots.Sum();
        if (total > 1)
        {
            for (var s = 0; s < slots.Length; s++)
            {
                slots[s] /= total;
            }
        }
    }

    public double Pace(AtomPlan atom) =>
        Product<CycleLengthChange>((c, slice) => 1 + ((1 / (1 + c.Relative) - 1) * _model.ShareIn(atom, slice)));

    public double AmountFactor(AtomPlan atom) =>
        Product<DealSizeChange>((c, slice) => 1 + (c.Relative * _model.ShareIn(atom, slice)));

    /// <summary>The factor on an atom's wins in a month (win-rate and churn changes).</summary>
    public double WinFactor(AtomPlan atom, DateOnly month)
    {
        var factor = 1.0;
        foreach (var (change, slice) in _changes)
        {
            if (change is WinRateChange win && ActsInMonth(change, month))
            {
                factor *= 1 + ((WinRatio(win, slice) - 1) * _model.ShareIn(atom, slice));
            }
            else if (change is ChurnChange churn && atom.Atom.Stream.Type == (int)OpportunityType.Renewal)
            {
                var w = RenewalWinRate();
                var ratio = Math.Max(0, 1 - ((1 - w) * (1 + churn.Relative))) / w;
                factor *= 1 + ((ratio - 1) * _model.ShareIn(atom, slice));
            }
        }

        return factor;
    }

    /// <summary>The factor on an atom's creation rate on a day (new pipeline, inbound leads, activity, rep changes, a hire's ramp).</summary>
    public double RateFactor(AtomPlan atom, int day)
    {
        var date = DateOnly.FromDayNumber(day);
        var factor = 1.0;
        if (atom.Hire is { } hire)
        {
            factor *= day < hire.StartDay ? 0 : Math.Min(1, (day - hire.StartDay) / hire.RampDays);
        }

        var inbound = atom.Source == SnakeCase.Name(Leads.LeadSource.Inbound);
        foreach (var (change, slice) in _changes)
        {
            switch (change)
            {
                case NewPipelineChange c when c.ActsOn(date):
                    factor *= 1 + (c.Relative * _model.ShareIn(atom, slice));
                    break;
                case InboundLeadsChange c when inbound && c.ActsOn(date.AddDays(-(int)Math.Round(_model.LeadLagDays))):
                    factor *= 1 + (c.Relative * _model.ShareIn(atom, slice));
                    break;
                case ActivityChange c when !inbound && c.ActsOn(date):
                    factor *= 1 + ((Math.Pow(1 + c.Relative, _model.ActivityElasticity) - 1) * _model.ShareIn(atom, slice));
                    break;
                case RemoveRepChange c when atom.RepId == c.RepId && (c.From is null || date >= c.From):
                    factor = 0;
                    break;
                default:
                    break;
            }
        }

        return factor;
    }

    /// <summary>The atoms of the reps the scenario hires: one per hire and stream they create (outbound and unsourced).</summary>
    public IEnumerable<AtomPlan> Hires(FittedParts model)
    {
        var number = 0;
        foreach (var change in Of<AddRepsChange>())
        {
            var team = change.Team ?? model.View.Reps
                .Where(r => r.Role == change.Role && r.EndDate is null && r.Team is not null)
                .GroupBy(r => r.Team!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key).FirstOrDefault();
            var rampDays = change.RampMonths is { } months ? months * 30.4375 : model.RampDays;
            for (var k = 0; k < change.Count; k++)
            {
                number++;
                var rep = new Rep { RepId = $"new_{SnakeCase.Name(change.Role)}_{number}", Name = $"New {SnakeCase.Name(change.Role)} {number}", Team = team, Role = change.Role, StartDate = change.Start };
                var start = change.Start.DayNumber;
                var hire = new HirePlan(rep.RepId, start, Math.Max(1, rampDays), start + (int)Math.Round(model.MedianWonCycleDays));
                foreach (var stream in model.Creation.Streams)
                {
                    var isInbound = model.Facts.LevelsOf(Dimension.Source).Value(stream.Source) == SnakeCase.Name(Leads.LeadSource.Inbound);
                    var rate = model.Creation.RoleRates.GetValueOrDefault((stream, change.Role));
                    if (isInbound || rate <= 0 || stream.BaseRate <= 0)
                    {
                        continue;
                    }

                    yield return AtomPlan.Of(model.Facts, new CreationAtom(stream, -1, rep, rate / stream.BaseRate), hire, rep);
                }
            }
        }
    }

    private static bool ActsInMonth(DriverChange change, DateOnly month) =>
        (change.From is null || month.AddMonths(1) > change.From) && (change.To is null || month < change.To);

    private static bool Matches(DealFacts facts, int deal, IReadOnlyDictionary<Dimension, string> slice)
    {
        foreach (var (dimension, value) in slice)
        {
            if (facts.Codes(dimension) is null || facts.Value(dimension, deal) != value)
            {
                return false;
            }
        }

        return true;
    }

    private double WinRatio(WinRateChange change, IReadOnlyDictionary<Dimension, string> slice)
    {
        if (change.Absolute is { } points)
        {
            var w = _model.WinRate(slice);
            if (double.IsNaN(w) || w <= 0)
            {
                w = _model.WinRate(new Dictionary<Dimension, string>());
            }

            return double.IsNaN(w) || w <= 0 ? 1 : Math.Max(0, (w + points) / w);
        }

        return Math.Max(0, 1 + (change.Relative ?? 0));
    }

    private double RenewalWinRate()
    {
        var w = _model.WinRate(new Dictionary<Dimension, string> { [Dimension.Type] = SnakeCase.Name(OpportunityType.Renewal) });
        return double.IsNaN(w) || w <= 0 ? 1 : w;
    }

    private double Product<T>(Func<T, IReadOnlyDictionary<Dimension, string>, double> factor)
        where T : DriverChange
    {
        var product = 1.0;
        foreach (var (change, slice) in _changes)
        {
            if (change is T c)
            {
                product *= factor(c, slice);
            }
        }

        return product;
    }
}
