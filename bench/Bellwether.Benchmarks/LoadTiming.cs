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
        foreach (var table in Bellwether.Indicators.IndicatorService.EngineTables.Order(StringComparer.Ordinal))
        {
            watch.Restart();
            store.Load(workspace, tables: new HashSet<string>(StringComparer.Ordinal) { table });
            Console.WriteLine(FormattableString.Invariant($"{table}: {watch.Elapsed.TotalSeconds:0.00} s"));
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
}
