using Bellwether.Core.Budget;
using Bellwether.Storage;

namespace Bellwether.Status;

/// <summary>
/// What a workspace holds, as <c>status --format json</c> prints it and <c>GET …/status</c> serves it: per file its rows
/// and time range, the import log, which indicators can be computed, and what holding it in memory costs.
/// </summary>
public sealed record WorkspaceStatus(
    string Store,
    string Workspace,
    IReadOnlyList<FileStatus> Files,
    IReadOnlyList<ImportLogEntry> Imports,
    IReadOnlyList<IndicatorAvailability> Indicators,
    MemoryStatus Memory)
{
    public static WorkspaceStatus Of(IStore store, string workspace)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Of(store.Description, store.Status(workspace), store.MemoryAvailable);
    }

    /// <param name="store">The store's description (<see cref="IStore.Description"/>).</param>
    /// <param name="status">What the store read of the workspace.</param>
    /// <param name="memoryAvailable">The memory this process may use, in bytes.</param>
    public static WorkspaceStatus Of(string store, StoreStatus status, long memoryAvailable)
    {
        ArgumentNullException.ThrowIfNull(status);
        var footprint = new CompanyFootprint
        {
            Rows = status.Tables.ToDictionary(t => t.Table, t => t.Rows, StringComparer.Ordinal),
        };
        return new WorkspaceStatus(
            store,
            status.Workspace,
            [.. status.Tables.Select(t => new FileStatus(t.File, t.Rows, t.DateColumn, t.From, t.To, t.FirstPeriod, t.LastPeriod))],
            status.Imports,
            IndicatorAvailability.For(status),
            new MemoryStatus(footprint.WorkingSetBytes, footprint.RecordBytes, memoryAvailable));
    }
}

/// <summary>
/// What holding the company costs (<see cref="CompanyFootprint"/>, the estimate a load is refused by) beside what this
/// process may use, in bytes.
/// </summary>
public sealed record MemoryStatus(long NeededBytes, long RecordBytes, long AvailableBytes)
{
    /// <summary>Whether the company can be loaded, indexed and forecast here.</summary>
    public bool Fits => NeededBytes <= AvailableBytes;

    /// <summary>One line for people: "about 126 MB to load, index and forecast it; this process may use 17.7 GB."</summary>
    public string Describe() =>
        $"about {MemoryBudget.Size(NeededBytes)} to load, index and forecast it; this process may use {MemoryBudget.Size(AvailableBytes)}"
        + (Fits ? "." : " — too little: indicators, forecasts and the dashboard refuse it until more is available.");
}
