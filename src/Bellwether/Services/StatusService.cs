using Bellwether.Status;
using Bellwether.Storage;

namespace Bellwether.Services;

/// <summary>
/// What a workspace holds, for the web host (the Status page and <c>GET …/status</c>): each table's row count and date
/// span is read once per version of the store's tables — a count and a span over every table, about a fifth of a second
/// at a million deals, asked on every visit — and the import log on every request, since it is a few rows and a
/// rejected import is logged without a new version of any table.
/// </summary>
public sealed class StatusService(IStore store)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Versions, StoreStatus Status)> _kept = new(StringComparer.Ordinal);

    public WorkspaceStatus Read(string workspace)
    {
        // Versions first: an import landing between the two reads is kept under the older key and read again next time.
        var versions = VersionKey.Of(store.Versions(workspace));
        lock (_gate)
        {
            if (_kept.TryGetValue(workspace, out var kept) && kept.Versions == versions)
            {
                return WorkspaceStatus.Of(store.Description, kept.Status with { Imports = store.Imports(workspace) }, store.MemoryAvailable);
            }
        }

        var status = store.Status(workspace);
        lock (_gate)
        {
            _kept[workspace] = (versions, status);
        }

        return WorkspaceStatus.Of(store.Description, status, store.MemoryAvailable);
    }
}
