using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Services;

/// <summary>
/// One computation that several requests wait for (a forecast fit, a plan status reading), kept in a cache. It runs
/// once, with a cancellation of its own, and each request waits on its own cancellation: a request that gives up stops
/// waiting without failing the others, and when every request waiting for it has given up the computation is cancelled
/// too — nobody wants it any more, so it stops burning CPU — and the entry is dropped so that the next request starts
/// afresh instead of finding a cancelled result. A computation that fails is dropped too (the next request tries again).
/// </summary>
public static class SharedWork
{
    /// <summary>
    /// The result kept in <paramref name="cache"/> under <paramref name="key"/> (for half an hour after its last use),
    /// computed once by <paramref name="compute"/> for every request that asks meanwhile; waits until
    /// <paramref name="cancellation"/> is cancelled at most.
    /// </summary>
    /// <typeparam name="T">What the work computes.</typeparam>
    public static T In<T>(MemoryCache cache, string key, Func<CancellationToken, T> compute, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cache);
        while (true)
        {
            var work = cache.GetOrCreate(key, entry =>
            {
                entry.Size = 1;
                entry.SlidingExpiration = TimeSpan.FromMinutes(30);
                return new Work<T>(compute);
            })!;
            try
            {
                return work.Wait(cancellation);
            }
            catch (Exception) when (work.Abandoned)
            {
                if (cache.TryGetValue(key, out Work<T>? cached) && ReferenceEquals(cached, work))
                {
                    cache.Remove(key);
                }

                if (cancellation.IsCancellationRequested || work.Failed)
                {
                    throw;
                }

                // Every request that waited before this one gave up, and the work with them: this request starts it again.
            }
        }
    }

    // The source has no timer, so leaving it undisposed holds nothing; a waiter may still cancel it after the cache let the entry go.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "See above.")]
    private sealed class Work<T>(Func<CancellationToken, T> compute)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Lock _gate = new();
        private Task<T>? _task;
        private int _waiting;

        /// <summary>True once the work was given up or failed: the cache drops it.</summary>
        public bool Abandoned => _stop.IsCancellationRequested || Failed;

        public bool Failed => _task is { IsFaulted: true };

        /// <summary>
        /// The result, computed once and shared; throws <see cref="OperationCanceledException"/> when
        /// <paramref name="cancellation"/> is cancelled first, or when every earlier waiter gave the work up.
        /// </summary>
        public T Wait(CancellationToken cancellation)
        {
            Task<T> task;
            lock (_gate)
            {
                _stop.Token.ThrowIfCancellationRequested();
                // Counted before the work starts, so that it never runs with nobody counted as waiting for it.
                _waiting++;
                _task ??= Task.Run(() => compute(_stop.Token), _stop.Token);
                task = _task;
            }

            try
            {
                return task.WaitAsync(cancellation).GetAwaiter().GetResult();
            }
            finally
            {
                lock (_gate)
                {
                    _waiting--;
                    if (_waiting == 0 && !task.IsCompleted)
                    {
                        _stop.Cancel();
                    }
                }
            }
        }
    }
}
