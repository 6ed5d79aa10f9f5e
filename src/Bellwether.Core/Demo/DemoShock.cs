namespace Bellwether.Core.Demo;

/// <summary>
/// A scripted change to the demo company's course over a span of days, so that a known cause leaves its mark in the
/// data: simulating the same options with and without it measures the cause's effect on any indicator, which is how
/// <c>explain</c> is checked (docs/variance.md). Days are business dates of the simulation; <see cref="Until"/> is
/// exclusive.
/// </summary>
public abstract record DemoShock
{
    /// <summary>The first day the shock acts on.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The first day it no longer acts on (exclusive); null for every day after <see cref="From"/>.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Whether the shock acts on the day.</summary>
    public bool Covers(DateOnly day) => day >= From && (Until is not { } until || day < until);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the shock cannot act as written.</summary>
    internal virtual void Validate()
    {
        if (Until is { } until && until <= From)
        {
            throw new ArgumentOutOfRangeException(nameof(Until), until, $"A shock ends after it starts ({From:yyyy-MM-dd}).");
        }
    }
}
