using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Signals;
using Bellwether.Core.Text;
using Bellwether.Core.Time;

namespace Bellwether.Signals;

/// <summary>
/// What the <c>signals</c> command and endpoint are asked for — a pillar or all four, the instant of knowledge and the
/// period to watch (by default the fiscal quarter containing the instant) — read the same way for both, each mistake a
/// one-line message naming the option, returned rather than thrown.
/// </summary>
public sealed record SignalRequest(Pillar? Pillar, Period Period, DateTimeOffset AsOf)
{
    /// <summary>How far back each signal's change is measured.</summary>
    public static readonly TimeSpan ChangeSpan = TimeSpan.FromDays(7);

    /// <summary>Reads the options; null with the reason when one is not understood.</summary>
    public static SignalRequest? Parse(string? pillarText, string? periodText, string? asOfText, FiscalCalendar calendar, DateTimeOffset now, out string error)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        error = "";
        Pillar? pillar = null;
        if (pillarText is not null)
        {
            if (!SnakeCase.TryParse<Pillar>(pillarText, out var parsed))
            {
                error = $"--pillar {pillarText}: not a pillar ({string.Join(", ", SnakeCase.AllNames<Pillar>())})";
                return null;
            }

            pillar = parsed;
        }

        var asOf = now;
        if (asOfText is not null && !Instants.TryParseAsOf(asOfText, out asOf))
        {
            error = $"--as-of {asOfText}: not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)";
            return null;
        }

        var period = calendar.Containing(asOf.AddTicks(-1), Grain.Quarter);
        if (periodText is not null && !calendar.TryParse(periodText, out period, out var reason))
        {
            error = $"--period \"{periodText}\" {reason}";
            return null;
        }

        return new SignalRequest(pillar, period, asOf);
    }

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
