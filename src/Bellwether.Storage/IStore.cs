using Bellwether.Core.Data;
using Bellwether.Core.Import;

namespace Bellwether.Storage;

/// <summary>
/// A Bellwether store: the embedded DuckDB file by default, PostgreSQL for teams. Every method takes the workspace
/// (one company) it works on. Implementations translate their database's errors into <see cref="StoreException"/>.
/// </summary>
public interface IStore : IPlanLog, IDisposable
{
    /// <summary>What and where the store is, for messages: <c>DuckDB file ./bellwether.duckdb</c>.</summary>
    string Description { get; }

    /// <summary>
    /// The memory this process may use, in bytes: <see cref="Load"/> refuses a company whose estimated working set
    /// (<see cref="Core.Budget.CompanyFootprint"/>) is larger, before a row is read.
    /// </summary>
    long MemoryAvailable { get; }

    /// <summary>Starts an import into the workspace; nothing is visible until its commit.</summary>
    IImportSession BeginImport(string workspace);

    /// <summary>Everything the workspace holds, for indicators and forecasts.</summary>
    /// <param name="workspace">The company.</param>
    /// <param name="previous">An earlier load whose tables not in <paramref name="tables"/> are still current; null for none.</param>
    /// <param name="tables">The tables (store names) to read; null reads all. The others come from
    /// <paramref name="previous"/>, or are empty; <see cref="Dataset.Files"/> always says what the store holds.</param>
    Dataset Load(string workspace, Dataset? previous = null, IReadOnlySet<string>? tables = null);

    /// <summary>Per table: row counts and date ranges; the import log.</summary>
    StoreStatus Status(string workspace);

    /// <summary>
    /// The import log alone, oldest first: a small read, for a reader that keeps the rest of <see cref="Status"/> per
    /// <see cref="Versions"/> (a rejected import is logged without changing any table's version).
    /// </summary>
    IReadOnlyList<ImportLogEntry> Imports(string workspace);

    /// <summary>Each table's version, bumped by every import that changes it; caches key on these.</summary>
    IReadOnlyDictionary<string, long> Versions(string workspace);

    CompanySettings Settings(string workspace);

    /// <summary>The workspace's saved scenarios: name → JSON definition, by name.</summary>
    IReadOnlyDictionary<string, string> Scenarios(string workspace);

    /// <summary>Saves a scenario's JSON definition under its name, replacing one of the same name.</summary>
    void SaveScenario(string workspace, string name, string definition);

    /// <summary>Deletes a saved scenario; false when there is none of that name.</summary>
    bool DeleteScenario(string workspace, string name);

    void SaveSettings(string workspace, CompanySettings settings);
}
