using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using Bellwether.Core.Time;

namespace Bellwether.Queries;

/// <summary>
/// What the signals are asked for — a pillar or all four, the period to watch and the instant of knowledge — read by
/// <see cref="Requests.Signals"/>.
/// </summary>
public sealed record SignalQuery(Pillar? Pillar, Period Period, DateTimeOffset AsOf)
{
    /// <summary>How far back each signal's change is measured.</summary>
    public static readonly TimeSpan ChangeSpan = TimeSpan.FromDays(7);

    /// <summary>
    /// The signals over an engine that holds every table the pillars read (engagement included), each with its change
    /// since the same signal a week earlier (same period, what was known then).
    /// </summary>
    public IReadOnlyList<Signal> Run(IndicatorEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var now = new SignalContext { Engine = engine, AsOf = AsOf, Period = Period, Plans = engine.Dataset.Plans };
        return PillarSignals.Of(now, now with { AsOf = AsOf - ChangeSpan }, Pillar);
    }
}
