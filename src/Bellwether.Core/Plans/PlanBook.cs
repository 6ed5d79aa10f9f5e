namespace Bellwether.Core.Plans;

/// <summary>
/// A workspace's plans through time, from its change log: "the plans as of t" replays, in the order they were written,
/// the changes known at t (made strictly before t, or known from the start). Replaying every change gives the plans
/// the store holds now.
/// <code>
/// var book = new PlanBook(store.PlanChanges(workspace));
/// var lastMonth = book.AsOf(calendar.Parse("2026-11").StartInstant);
/// </code>
/// </summary>
public sealed class PlanBook
{
    public PlanBook(IReadOnlyList<PlanChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Changes = [.. changes.OrderBy(c => c.Sequence)];
    }

    /// <summary>Every change, in the order it was written.</summary>
    public IReadOnlyList<PlanChange> Changes { get; }

    /// <summary>A book in which every line is known from the start, for data that comes without a log (a Dataset built in memory).</summary>
    public static PlanBook KnownFromStart(IReadOnlyList<PlanLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return new PlanBook(
        [
            .. lines.Select((line, i) => new PlanChange
            {
                Sequence = i + 1,
                Key = PlanKey.Of(line),
                After = PlanTerms.Of(line),
                ChangedBy = "import",
                Source = PlanChangeSource.Import,
            }),
        ]);
    }

    /// <summary>The plans as they stood at <paramref name="asOf"/>, in the order their keys were first planned.</summary>
    public IReadOnlyList<PlanLine> AsOf(DateTimeOffset asOf) => Replay(Changes.Where(c => c.KnownAt(asOf)));

    /// <summary>The plans after every change: what the store holds now.</summary>
    public IReadOnlyList<PlanLine> Current() => Replay(Changes);

    /// <summary>The owners that hold a plan as of the instant, as plans.csv spells them, in order.</summary>
    public IReadOnlyList<string> Owners(DateTimeOffset asOf) =>
        [.. AsOf(asOf).Select(l => l.Owner).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The changes known at <paramref name="asOf"/>, in the order they were written.</summary>
    public IReadOnlyList<PlanChange> ChangesAsOf(DateTimeOffset asOf) => [.. Changes.Where(c => c.KnownAt(asOf))];

    private static List<PlanLine> Replay(IEnumerable<PlanChange> changes)
    {
        var state = new Dictionary<PlanKey, (int Order, PlanTerms Terms)>();
        var order = 0;
        foreach (var change in changes)
        {
            if (change.After is { } after)
            {
                state[change.Key] = (state.TryGetValue(change.Key, out var known) ? known.Order : order++, after);
            }
            else
            {
                state.Remove(change.Key);
            }
        }

        return [.. state.OrderBy(kv => kv.Value.Order).Select(kv => kv.Key.With(kv.Value.Terms))];
    }
}
