using System.Diagnostics;
using Bellwether.Storage.DuckDb;

namespace Bellwether.Benchmarks;

/// <summary>How long each table takes to load from a store on its own, then all of them side by side as the services load them.</summary>
public static class LoadTiming
{
    public static int Run(string dbPath, string workspace)
    {
        using var store = DuckDbStore.Open(dbPath);
        var watch = Stopwatch.StartNew();
        var rows = store.Status(workspace).Tables.ToDictionary(t => t.Table, t => t.Rows, StringComparer.Ordinal);
        foreach (var table in Bellwether.Core.Import.FileSchemas.All.Select(s => s.Table).Order(StringComparer.Ordinal))
        {
            var (elapsed, bytes) = LoadAlone(store, workspace, table);
            var count = rows.GetValueOrDefault(table);
            Console.WriteLine(FormattableString.Invariant($"{table}: {elapsed:0.00} s, {count:#,0} rows, held {bytes / 1048576.0:#,0.0} MB ({(count > 0 ? bytes / (double)count : 0):0} bytes a row)"));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        watch.Restart();
        var data = store.Load(workspace, tables: Bellwether.Indicators.IndicatorService.EngineTables);
        var seconds = watch.Elapsed.TotalSeconds;
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(FormattableString.Invariant($"all, side by side: {seconds:0.00} s; the company held {held / 1048576.0:#,0} MB after a full collection ({data.Opportunities.Count:#,0} deals)"));
        GC.KeepAlive(data);
        return 0;
    }

    /// <summary>One table loaded on its own: the time, and what it holds after a full collection (the load dropped before the next).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Seconds, long Bytes) LoadAlone(DuckDbStore store, string workspace, string table)
    {
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var alone = store.Load(workspace, tables: new HashSet<string>(StringComparer.Ordinal) { table });
        var seconds = watch.Elapsed.TotalSeconds;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - start;
        GC.KeepAlive(alone);
        return (seconds, bytes);
    }
}
