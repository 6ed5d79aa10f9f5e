using Bellwether.Services;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Tests.Web;

/// <summary>
/// A computation several requests wait for (a forecast fit, a plan reading): one request giving up must neither fail
/// the others nor leave a cancelled result in the cache, and work nobody waits for any more must be told to stop.
/// </summary>
public sealed class SharedWorkTests : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 8 });

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task ARequestGivingUp_DoesNotFailAnotherWaitingForTheSameWork()
    {
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var computations = 0;
        var stop = CancellationToken.None;
        int Compute(CancellationToken token)
        {
            Interlocked.Increment(ref computations);
            stop = token;
            started.Set();
            release.Wait(token);
            return 42;
        }

        var patient = Task.Run(() => SharedWork.In(_cache, "fit", Compute, CancellationToken.None), TestContext.Current.CancellationToken);
        started.Wait(TestContext.Current.CancellationToken);
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        Assert.ThrowsAny<OperationCanceledException>(() => SharedWork.In(_cache, "fit", Compute, gaveUp.Token));
        Assert.False(stop.IsCancellationRequested, "the work was stopped although a request still waits for it");
        release.Set();
        Assert.Equal(42, await patient);
        Assert.Equal(1, computations);
        Assert.Equal(42, SharedWork.In(_cache, "fit", Compute, CancellationToken.None));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task WhenTheOnlyWaiterGivesUp_TheWorkIsToldToStop_AndTheNextRequestComputesAfresh()
    {
        using var started = new ManualResetEventSlim();
        var stop = CancellationToken.None;
        int Compute(CancellationToken token)
        {
            stop = token;
            started.Set();
            token.WaitHandle.WaitOne();
            token.ThrowIfCancellationRequested();
            return 1;
        }

        using var gaveUp = new CancellationTokenSource();
        var waiting = Task.Run(() => SharedWork.In(_cache, "fit", Compute, gaveUp.Token), TestContext.Current.CancellationToken);
        started.Wait(TestContext.Current.CancellationToken);
        await gaveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.True(stop.IsCancellationRequested, "nobody waits for the work, but it was not told to stop");
        Assert.Equal(2, SharedWork.In(_cache, "fit", _ => 2, CancellationToken.None));
    }

    [Fact]
    public void AFailedComputation_IsNotKept()
    {
        Assert.Throws<InvalidOperationException>(() => SharedWork.In<int>(_cache, "fit", _ => throw new InvalidOperationException("broken"), CancellationToken.None));

        Assert.Equal(3, SharedWork.In(_cache, "fit", _ => 3, CancellationToken.None));
    }
}
