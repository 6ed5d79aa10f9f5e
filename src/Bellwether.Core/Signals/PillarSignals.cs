using Bellwether.Core.Plans;

namespace Bellwether.Core.Signals;

/// <summary>
/// Every pillar's leading signals, with each one's change since a week earlier. Each pillar's signals come from its
/// own source (<c>NewBusinessSignals</c>, <c>RetentionSignals</c>, …), registered here.
/// </summary>
public static class PillarSignals
{
    private static readonly (Pillar Pillar, Func<SignalContext, IReadOnlyList<Signal>> Of)[] Sources =
    [
        (Pillar.NewBusiness, NewBusinessSignals.Of),
        (Pillar.Retention, RetentionSignals.Of),
        (Pillar.Expansion, ExpansionSignals.Of),
        (Pillar.CostModel, CostModelSignals.Of),
    ];

    /// <summary>The pillars in the order their signals come when all four are asked for.</summary>
    public static IReadOnlyList<Pillar> Pillars { get; } = [.. Sources.Select(s => s.Pillar)];

    /// <summary>The signals of one pillar, or of all four (null), as of the context's instant.</summary>
    /// <param name="context">Now.</param>
    /// <param name="weekEarlier">The same a week earlier (the engine, period and plans as they stood then), for each signal's change; null to skip.</param>
    /// <param name="pillar">One pillar, or null for all.</param>
    public static IReadOnlyList<Signal> Of(SignalContext context, SignalContext? weekEarlier, Pillar? pillar = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new List<Signal>();
        foreach (var source in Sources.Where(s => pillar is null || s.Pillar == pillar))
        {
            var now = source.Of(context);
            var then = weekEarlier is null ? [] : source.Of(weekEarlier).ToDictionary(s => s.Name, StringComparer.Ordinal);
            result.AddRange(now.Select(s => then.TryGetValue(s.Name, out var before) && s.Value is { } v && before.Value is { } b
                ? s with { ChangeSinceLastWeek = v - b }
                : s));
        }

        return result;
    }
}
