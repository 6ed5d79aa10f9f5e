namespace Bellwether.Dashboard.Live;

/// <summary>
/// Tells open pages that the store's data changed (an import through the Import page, or any writer the
/// <see cref="StoreWatcher"/> sees), so that they reload without the user reloading the page. One per host; each
/// circuit's page subscribes while it is open.
/// </summary>
public sealed class DataChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Action<DataChange>> _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> on each change (on a background thread) until the result is disposed.</summary>
    public IDisposable Subscribe(Action<DataChange> subscriber)
    {
        lock (_gate)
        {
            _subscribers.Add(subscriber);
        }

        return new Subscription(this, subscriber);
    }

    public void Publish(DataChange change)
    {
        Action<DataChange>[] subscribers;
        lock (_gate)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(change);
        }
    }

    /// <summary>How many pages listen now, for tests and diagnostics.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    private void Unsubscribe(Action<DataChange> subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }

    private sealed class Subscription(DataChangeNotifier owner, Action<DataChange> subscriber) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(subscriber);
    }
}

/// <summary>The store's table versions after a change, and when it was seen.</summary>
public sealed record DataChange(IReadOnlyDictionary<string, long> Versions, DateTimeOffset SeenAt);
