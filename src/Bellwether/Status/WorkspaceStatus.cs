using Bellwether.Storage;

namespace Bellwether.Status;

/// <summary>
/// What a workspace holds, as <c>status --format json</c> prints it and <c>GET …/status</c> serves it: per file its rows
/// and time range, the import log, and which indicators can be computed.
/// </summary>
public sealed record WorkspaceStatus(
    string Store,
    string Workspace,
    IReadOnlyList<FileStatus> Files,
    IReadOnlyList<ImportLogEntry> Imports,
    IReadOnlyList<IndicatorAvailability> Indicators)
{
    public static WorkspaceStatus Of(IStore store, string workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Of(store.Description, store.Status(workspace));
    }

    /// <param name="store">The store's description (<see cref="IStore.Description"/>).</param>
    /// <param name="status">What the store read of the workspace.</param>
    public static WorkspaceStatus Of(string store, StoreStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new WorkspaceStatus(
            store,
            status.Workspace,
            [.. status.Tables.Select(t => new FileStatus(t.File, t.Rows, t.DateColumn, t.From, t.To, t.FirstPeriod, t.LastPeriod))],
            status.Imports,
            IndicatorAvailability.For(status));
    }
}
