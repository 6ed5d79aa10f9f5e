using System.Globalization;
using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Import;
using Bellwether.Core.Indicators;
using Bellwether.Core.Text;
using Bellwether.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace Bellwether.Indicators;

/// <summary>
/// Indicators for a long-running process (the web host): each company's data and engine stay in memory while the
/// store's table versions stay the same, and results are cached under the versions of the tables they read. An import
/// bumps the versions of the tables it changed; the next request reloads just those tables, and only the results that
/// read them are computed again — a new revenue.csv leaves every pipeline result cached.
/// </summary>
public sealed class IndicatorService : IDisposable
{
    private readonly IStore _store;
    private readonly MemoryCache _results;
    private readonly Dictionary<string, Snapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tableLoads = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="store">The store the service reads.</param>
    /// <param name="maxCachedRows">How many indicator rows the result cache holds at most (its size limit).</param>
    public IndicatorService(IStore store, long maxCachedRows = 2_000_000)
    {
        _store = store;
        _results = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxCachedRows });
    }

    /// <summary>How many times a table was read from the store, for tests and diagnostics.</summary>
    public IReadOnlyDictionary<string, int> TableLoads => _tableLoads;

    /// <summary>
    /// The tables indicators read: all but engagement signals, which no indicator uses (and which are the largest
    /// table of a company with many accounts).
    /// </summary>
    public static readonly IReadOnlySet<string> EngineTables =
        FileSchemas.All.Select(s => s.Table).Where(t => t != FileSchemas.Engagement.Table).ToHashSet(StringComparer.Ordinal);

    /// <summary>The engine's tables and engagement signals: what every pillar's signals read.</summary>
    private static readonly IReadOnlySet<string> WithEngagement = EngineTables.Append(FileSchemas.Engagement.Table).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rows of a query, computed once per version of the data it reads, within <paramref name="budget"/> if given.</summary>
    public IReadOnlyList<IndicatorRow> Run(string workspace, IndicatorQuery query, WorkBudget? budget = null)
    {
        var snapshot = Current(workspace);
        var key = $"{workspace}\n{Key(query)}\n{string.Join(",", DependenciesOf(query).Select(t => $"{t}={snapshot.Versions.GetValueOrDefault(t)}"))}";
        if (_results.TryGetValue(key, out IReadOnlyList<IndicatorRow>? cached) && cached is not null)
        {
            return cached;
        }

        var rows = snapshot.Engine.Within(budget ?? WorkBudget.None).Run(query);
        _results.Set(key, rows, new MemoryCacheEntryOptions { Size = Math.Max(1, rows.Count) });
        return rows;
    }

    /// <summary>The company's data as the store holds it now, loading only what changed since the last call.</summary>
    public Dataset Data(string workspace) => Current(workspace).Data;

    /// <summary>The engine over the company's current data (built once per version).</summary>
    public IndicatorEngine Engine(string workspace) => Current(workspace).Engine;

    /// <summary>
    /// The engine over the company's current data with engagement signals loaded too, for readers of
    /// <see cref="Dataset.Engagement"/> (the retention signals). Once asked for, engagement stays loaded for the
    /// workspace and is reloaded when it changes; a host that never asks never loads it.
    /// </summary>
    public IndicatorEngine Engine(string workspace, bool withEngagement) => Current(workspace, withEngagement).Engine;

    public void Dispose() => _results.Dispose();

    /// <summary>
    /// The store tables a query's rows depend on: every file its indicators read, the dimension tables every row may be
    /// sliced by, and the settings (whose fiscal calendar decides every period).
    /// </summary>
    internal static IEnumerable<string> DependenciesOf(IndicatorQuery query)
    {
        var tables = new SortedSet<string>(StringComparer.Ordinal) { "reps", "accounts", "workspaces" };
        foreach (var definition in query.Indicators.Select(IndicatorCatalog.Find).OfType<IndicatorDefinition>())
        {
            tables.UnionWith(definition.Reads.Select(file => FileSchemas.ForFile(file)!.Table));
        }

        return tables;
    }

    private Snapshot Current(string workspace, bool withEngagement = false)
    {
        var versions = _store.Versions(workspace);
        lock (_gate)
        {
            var known = _snapshots.GetValueOrDefault(workspace);
            var wanted = withEngagement || known?.Tables.Contains(FileSchemas.Engagement.Table) == true ? WithEngagement : EngineTables;
            if (known is not null && Same(known.Versions, versions) && wanted.IsSubsetOf(known.Tables))
            {
                return known;
            }

            var changed = versions.Keys.Concat(known?.Versions.Keys ?? [])
                .Where(t => known is null || known.Versions.GetValueOrDefault(t) != versions.GetValueOrDefault(t))
                .ToHashSet(StringComparer.Ordinal);

            // Settings live in every part of a Dataset (its calendar decides every period): a change reloads it all.
            var reload = known is null || changed.Contains("workspaces")
                ? wanted
                : wanted.Where(t => changed.Contains(t) || !known.Tables.Contains(t)).ToHashSet(StringComparer.Ordinal);
            var data = _store.Load(workspace, known is null || changed.Contains("workspaces") ? null : known.Data, reload);
            foreach (var table in reload)
            {
                _tableLoads[table] = _tableLoads.GetValueOrDefault(table) + 1;
            }

            var snapshot = new Snapshot(versions, wanted, data, new IndicatorEngine(data));
            _snapshots[workspace] = snapshot;
            return snapshot;
        }
    }

    private static bool Same(IReadOnlyDictionary<string, long> a, IReadOnlyDictionary<string, long> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    /// <summary>A query written out in full, so that two equal queries share a cache entry.</summary>
    private static string Key(IndicatorQuery q) => string.Join(
        '|',
        string.Join(',', q.Indicators),
        q.Period.Label,
        q.Grain is { } g ? SnakeCase.Name(g) : "",
        string.Join(',', q.By.Select(d => SnakeCase.Name(d))),
        q.AsOf.UtcTicks.ToString(CultureInfo.InvariantCulture),
        q.Target?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join(';', q.Filter.OrderBy(f => f.Key).Select(f => $"{SnakeCase.Name(f.Key)}={f.Value}")));

    private sealed record Snapshot(IReadOnlyDictionary<string, long> Versions, IReadOnlySet<string> Tables, Dataset Data, IndicatorEngine Engine);
}
