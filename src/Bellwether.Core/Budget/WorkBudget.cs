namespace Bellwether.Core.Budget;

/// <summary>
/// What one piece of work asked of the engine may spend: time, through its cancellation (a request its client gave up
/// on, a request past its time budget, Ctrl+C at the command line), and memory, from the process's
/// <see cref="MemoryBudget"/>. The engine checks the cancellation between batches of futures, periods and groups — never
/// per row, so its loops stay fast — and stops with <see cref="OperationCanceledException"/>.
/// </summary>
public sealed record WorkBudget
{
    /// <summary>No bounds: never cancelled, never refused.</summary>
    public static WorkBudget None { get; } = new();

    public CancellationToken Cancellation { get; init; }

    public MemoryBudget Memory { get; init; } = MemoryBudget.Unlimited;

    /// <summary>The bounds of work that may be cancelled but has no memory budget of its own.</summary>
    public static WorkBudget Until(CancellationToken cancellation) => new() { Cancellation = cancellation };
}
