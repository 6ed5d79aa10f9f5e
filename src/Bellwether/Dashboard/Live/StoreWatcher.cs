using Bellwether.Storage;

namespace Bellwether.Dashboard.Live;

/// <summary>
/// Watches the dashboard's workspace for new data by reading the store's table versions (a cheap query) twice a
/// second, and tells the <see cref="DataChangeNotifier"/> when they change, so open pages update within a second of
/// an import. An import through the host also calls <see cref="CheckNow"/> as soon as it commits.
/// </summary>
public sealed class StoreWatcher(IStore store, DashboardOptions options, DataChangeNotifier notifier, TimeProvider clock, ILogger<StoreWatcher> logger) : BackgroundService
{
    /// <summary>How often the versions are read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, long>? _known;

    /// <summary>Reads the versions now and publishes a change if they moved since the last reading.</summary>
    public void CheckNow()
    {
        var versions = store.Versions(options.Workspace);
        lock (_gate)
        {
            if (_known is null)
            {
                _known = versions;
                return;
            }

            if (Same(_known, versions))
            {
                return;
            }

            _known = versions;
        }

        notifier.Publish(new DataChange(versions, clock.GetUtcNow()));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                CheckNow();
            }
            catch (StoreException e)
            {
                // A store that cannot be read now (a migration, a file moved) is tried again at the next tick.
                logger.LogWarning("watching the store: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);
}
