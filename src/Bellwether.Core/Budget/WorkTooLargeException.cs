namespace Bellwether.Core.Budget;

/// <summary>
/// Work refused before it started because its estimated memory would not fit the process's <see cref="MemoryBudget"/>.
/// The message says how large it would be, the budget, and how to ask for less.
/// </summary>
public sealed class WorkTooLargeException(string message, long estimatedBytes, bool alwaysTooLarge) : Exception(message)
{
    public long EstimatedBytes { get; } = estimatedBytes;

    /// <summary>True when the work alone exceeds the budget (asking again will not help); false when other work in progress holds the rest.</summary>
    public bool AlwaysTooLarge { get; } = alwaysTooLarge;
}
