using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Plans;
using Bellwether.Storage;

namespace Bellwether.Services;

/// <summary>
/// One store shared by concurrent requests. The embedded DuckDB store works through one connection, which is not safe
/// for concurrent use, so calls take turns; they are short (status, versions, scenarios) or rare (a load after an
/// import — the services keep what they loaded). A server store with a connection pool will not need this.
/// </summary>
public sealed class SerializedStore(IStore inner) : IStore
{
    private readonly Lock _gate = new();

    public string Description => inner.Description;

    public long MemoryAvailable => inner.MemoryAvailable;

    /// <summary>An import session spans many calls, which cannot take turns one by one: imports go through <see cref="Exclusive{T}"/>.</summary>
    public IImportSession BeginImport(string workspace) =>
        throw new NotSupportedException("an import through the web host runs in SerializedStore.Exclusive, with the store to itself");

    /// <summary>
    /// Runs <paramref name="work"/> with the store to itself: no other call starts until it is done. An import through
    /// the host (the dashboard's Import page) runs so; pages wait for it, then see its data.
    /// </summary>
    public T Exclusive<T>(Func<IStore, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            return work(inner);
        }
    }

    public Dataset Load(string workspace, Dataset? previous = null, IReadOnlySet<string>? tables = null)
    {
        lock (_gate)
        {
            return inner.Load(workspace, previous, tables);
        }
    }

    public StoreStatus Status(string workspace)
    {
        lock (_gate)
        {
            return inner.Status(workspace);
        }
    }

    public IReadOnlyList<ImportLogEntry> Imports(string workspace)
    {
        lock (_gate)
        {
            return inner.Imports(workspace);
        }
    }

    public IReadOnlyDictionary<string, long> Versions(string workspace)
    {
        lock (_gate)
        {
            return inner.Versions(workspace);
        }
    }

    public CompanySettings Settings(string workspace)
    {
        lock (_gate)
        {
            return inner.Settings(workspace);
        }
    }

    public IReadOnlyDictionary<string, string> Scenarios(string workspace)
    {
        lock (_gate)
        {
            return inner.Scenarios(workspace);
        }
    }

    public void SaveScenario(string workspace, string name, string definition)
    {
        lock (_gate)
        {
            inner.SaveScenario(workspace, name, definition);
        }
    }

    public bool DeleteScenario(string workspace, string name)
    {
        lock (_gate)
        {
            return inner.DeleteScenario(workspace, name);
        }
    }

    public void SaveSettings(string workspace, CompanySettings settings)
    {
        lock (_gate)
        {
            inner.SaveSettings(workspace, settings);
        }
    }

    public IReadOnlyList<PlanChange> PlanChanges(string workspace)
    {
        lock (_gate)
        {
            return inner.PlanChanges(workspace);
        }
    }

    public PlanChange? SetPlan(string workspace, PlanLine plan, PlanAuthor author)
    {
        lock (_gate)
        {
            return inner.SetPlan(workspace, plan, author);
        }
    }

    public PlanChange? RemovePlan(string workspace, PlanKey key, PlanAuthor author)
    {
        lock (_gate)
        {
            return inner.RemovePlan(workspace, key, author);
        }
    }

    public void Dispose() => inner.Dispose();
}
