namespace Bellwether.Core.Budget;

/// <summary>
/// The memory the engine's work may hold at once in this process, in bytes. Work estimates what it will allocate
/// from sizes known before it starts (futures × groups × periods, rows × columns) and reserves that much for as long
/// as it runs; work that would take the reserved total past the budget is refused before it starts, with a message —
/// a refused request rather than a process the kernel kills. Estimates are of the large arrays only, so the budget
/// leaves room for everything else (caches, the data itself): by default half of what the GC may use.
/// </summary>
public sealed class MemoryBudget
{
    /// <summary>The share of the memory available to the GC (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's, a container's limit, or the GC's hard limit) the engine's work may hold by default.</summary>
    public const double DefaultShare = 0.5;

    private long _reserved;

    /// <param name="bytes">The budget, at least 1 byte.</param>
    public MemoryBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        Bytes = bytes;
    }

    /// <summary>No budget: work is never refused (library callers and tests that do not ask for one).</summary>
    public static MemoryBudget Unlimited { get; } = new(long.MaxValue);

    public long Bytes { get; }

    /// <summary>What work in progress has reserved, in bytes.</summary>
    public long Reserved => Interlocked.Read(ref _reserved);

    /// <summary><see cref="DefaultShare"/> of the memory the GC may use in this process.</summary>
    public static MemoryBudget ForProcess() => new(Math.Max(1, (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShare)));

    /// <summary>
    /// Reserves <paramref name="bytes"/> until the returned reservation is disposed, or refuses the work with a
    /// <see cref="WorkTooLargeException"/> whose message names <paramref name="work"/>, its size, the budget and
    /// <paramref name="narrow"/> (how to ask for less).
    /// </summary>
    public IDisposable Reserve(long bytes, string work, string narrow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes > Bytes)
        {
            throw new WorkTooLargeException(
                $"{work} would take about {Size(bytes)} of memory, more than the {Size(Bytes)} this process gives its work: {narrow}",
                bytes,
                alwaysTooLarge: true);
        }

        var total = Interlocked.Add(ref _reserved, bytes);
        if (total > Bytes)
        {
            Interlocked.Add(ref _reserved, -bytes);
            throw new WorkTooLargeException(
                $"{work} would take about {Size(bytes)} of memory while other work holds {Size(total - bytes)} of the {Size(Bytes)} this process gives its work: try again in a moment, or {narrow}",
                bytes,
                alwaysTooLarge: false);
        }

        return new Reservation(this, bytes);
    }

    /// <summary>The budget of one piece of work that draws on this memory and stops when <paramref name="cancellation"/> is cancelled.</summary>
    public WorkBudget For(CancellationToken cancellation) => new() { Cancellation = cancellation, Memory = this };

    /// <summary>Bytes as people read them: 1.5 GB, 320 MB, 12 KB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };

    private sealed class Reservation(MemoryBudget budget, long bytes) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Add(ref budget._reserved, -bytes);
            }
        }
    }
}
