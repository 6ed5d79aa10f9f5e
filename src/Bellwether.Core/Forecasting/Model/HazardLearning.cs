using Bellwether.Core.Data;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// What a forecast learns from the history of deals and changes slowly: the hazard model (a deal's daily chances of being
/// won, lost or moved) and the size bands it reads, fitted once from what was known at <see cref="Start"/> — the start
/// of a UTC month, at or before every as-of instant that uses it, so nothing after any of those instants reaches it.
/// Each instant of the month applies it to its own state (the deals open then, their stages and amounts), which
/// <see cref="FittedParts"/> reads at the instant exactly. See docs/decisions/0012-forecast-learning-shared-per-month.md.
/// </summary>
/// <remarks>
/// The tables are coded by the levels of the deals known at <see cref="Start"/>; an instant's own codes are translated
/// by name (<see cref="LevelsOf"/>, <see cref="Translate"/>, <see cref="StageOf"/>), and a rep, vertical, service line
/// or stage first seen after the start reads as the model's average deal, as one without training days always did.
/// Read-only after construction.
/// </remarks>
internal sealed class HazardLearning
{
    private readonly Levels[] _levels;
    private readonly Levels _stages;

    public HazardLearning(Dataset data, DateTimeOffset start, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        Start = start;

        // Real deals only: the training cells read no virtual (pending renewal) deals, so the renewal book is not needed.
        var facts = new DealFacts(data.AsOf(start), start);
        var day0 = Instants.DayOf(start).DayNumber;
        var trainingFrom = day0 - options.TrainingDays;
        SizeEdges = DealProfile.SizeEdges(facts, Enumerable.Range(0, facts.RealCount).Where(i => facts.CreatedDay[i] >= trainingFrom || facts.IsOpen(i)));
        int[] levelCounts = [.. DealProfile.Dimensions.Select(d => facts.LevelsOf(d).Count), DealProfile.SizeBands];
        Model = new HazardModel(new HazardCells(facts, new Covariates(data.Settings.Calendar), day0, options.TrainingDays, SizeEdges), levelCounts);
        _levels = [.. DealProfile.Dimensions.Select(facts.LevelsOf)];
        _stages = facts.Stages;
    }

    /// <summary>The instant of knowledge of the learned part: only what happened strictly before it was used.</summary>
    public DateTimeOffset Start { get; }

    public HazardModel Model { get; }

    /// <summary>Quartile edges of first amounts, as the hazard model's size bands were read.</summary>
    public double[] SizeEdges { get; }

    /// <summary>The instant whose learning serves an as-of instant: the start of its UTC month.</summary>
    public static DateTimeOffset StartFor(DateTimeOffset asOf) => new(asOf.UtcDateTime.Year, asOf.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A deal's level of every factor of <see cref="Model"/>, from the facts of an instant that uses it.</summary>
    public int[] LevelsOf(DealFacts facts, int deal)
    {
        var levels = new int[DealProfile.Count];
        for (var f = 0; f < DealProfile.Dimensions.Length; f++)
        {
            levels[f] = facts.Column(DealProfile.Dimensions[f])[deal];
        }

        levels[DealProfile.Size] = DealProfile.SizeBand(SizeEdges, DealProfile.FirstAmount(facts, deal));
        return Translate(facts, levels);
    }

    /// <summary>
    /// Profile levels in an instant's codes (−1 for not known) as <see cref="Model"/>'s codes; the size band is the
    /// model's already. A new array: the caller's is left as it was.
    /// </summary>
    public int[] Translate(DealFacts facts, int[] levels)
    {
        var result = (int[])levels.Clone();
        for (var f = 0; f < DealProfile.Dimensions.Length; f++)
        {
            var code = levels[f];
            result[f] = code >= 0 && _levels[f].TryFind(facts.LevelsOf(DealProfile.Dimensions[f]).Value(code), out var own) ? own : -1;
        }

        return result;
    }

    /// <summary>A stage code of an instant's facts as <see cref="Model"/>'s (−1, the pooled unseen stage, if it never saw it).</summary>
    public int StageOf(DealFacts facts, int stage) => stage >= 0 && _stages.TryFind(facts.Stages.Value(stage), out var own) ? own : -1;
}
