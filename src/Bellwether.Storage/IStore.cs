using Bellwether.Core.Data;
using Bellwether.Core.Import;

namespace Bellwether.Storage;

/// <summary>
/// A Bellwether store: the embedded DuckDB file by default, PostgreSQL for teams. Every method takes the workspace
/// (one company) it works on. Implementations translate their database's errors into <see cref="StoreException"/>.
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>What and where the store is, for messages: <c>DuckDB file ./bellwether.duckdb</c>.</summary>
    string Description { get; }

    /// <summary>Starts an import into the workspace; nothing is visible until its commit.</summary>
    IImportSession BeginImport(string workspace);

    /// <summary>Everything the workspace holds, for indicators and forecasts.</summary>
    Dataset Load(string workspace);

    /// <summary>Per table: row counts and date ranges; the import log.</summary>
    StoreStatus Status(string workspace);

    /// <summary>Each table's version, bumped by every import that changes it; caches key on these.</summary>
    IReadOnlyDictionary<string, long> Versions(string workspace);

    CompanySettings Settings(string workspace);

    void SaveSettings(string workspace, CompanySettings settings);
}
