using System.Collections.Concurrent;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting.Model;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// Forecast models of one dataset at any number of as-of instants, sharing what they learn from history: the hazard
/// model is learned once per UTC month from what was known at the month's start, and each instant applies it to its own
/// state (the deals open at the instant, their stages and amounts, the renewal book, creation, amounts and revenue, all
/// read at the instant exactly). A model from here equals <see cref="ForecastModel.Fit"/> at the same instant to the last
/// digit; many users asking for different dates of a month, a plan's "a week earlier" and the hourly "now" pay for the
/// learning once. Nothing after an instant reaches its model: the month's start is at or before it. Safe for concurrent use.
/// <code>
/// var fits = new ForecastFits(dataset);
/// var now = fits.Fit(t);
/// var weekEarlier = fits.Fit(t.AddDays(-7));   // shares the learning when t − 7 days is in t's month
/// </code>
/// </summary>
public sealed class ForecastFits
{
    /// <summary>Months of learning kept; each is a few small tables, so this bounds memory, not work.</summary>
    private const int MaxMonths = 48;

    private readonly Dataset _data;
    private readonly ForecastOptions _options;
    private readonly ConcurrentDictionary<DateTimeOffset, Lazy<HazardLearning>> _learned = new();

    public ForecastFits(Dataset data, ForecastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _options = options ?? ForecastOptions.Default;
        _options.Validate();
    }

    /// <summary>The instant whose knowledge the learned part of a model at <paramref name="asOf"/> comes from: the start of its UTC month.</summary>
    public static DateTimeOffset LearnedAt(DateTimeOffset asOf) => HazardLearning.StartFor(asOf);

    /// <summary>How many months' learning have been fitted (for tests and diagnostics).</summary>
    public int LearnedMonths => _learned.Count;

    /// <summary>
    /// The model as known at <paramref name="asOf"/>; a cancelled <paramref name="cancellation"/> stops this fit between
    /// its stages, while a month's learning other fits may share runs to its end.
    /// </summary>
    public ForecastModel Fit(DateTimeOffset asOf, CancellationToken cancellation = default) =>
        ForecastModel.FitWith(_data, asOf, _options, () => Learning(asOf), cancellation);

    private HazardLearning Learning(DateTimeOffset asOf)
    {
        var start = HazardLearning.StartFor(asOf);
        if (_learned.Count > MaxMonths)
        {
            _learned.Clear();
        }

        return _learned.GetOrAdd(start, s => new Lazy<HazardLearning>(() => new HazardLearning(_data, s, _options))).Value;
    }
}
