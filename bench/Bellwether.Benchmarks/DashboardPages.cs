using System.Collections.Concurrent;
using System.Diagnostics;
using Bellwether.Dashboard.Live;
using Bellwether.Services;
using Bellwether.Storage.DuckDb;
using Bellwether.Web;

namespace Bellwether.Benchmarks;

/// <summary>
/// Server time of each dashboard page's data under several concurrent users: the web host built as <c>bellwether
/// serve</c> builds it (not listening: the pages render over a circuit without prerendering, so an HTTP GET of a page
/// computes nothing), its services asked for each page's figures as the page asks (<see cref="PageReads"/>, the list the
/// host's warmer reads too) — the overview, each pillar page's three panels, the revenue indicators' nine sections,
/// forecast, variance, scenarios, status. First each page once alone
/// (cold: loads and fits), then USERS threads each going through every page ROUNDS times in its own order; median and
/// p95 per page of the concurrent calls, with the clock the host's own (now).
/// </summary>
public static class DashboardPages
{
    /// <param name="dbPath">The store.</param>
    /// <param name="users">Concurrent users.</param>
    /// <param name="rounds">Rounds of every page per user.</param>
    /// <param name="only">When given, only the pages whose name contains it (e.g. "variance"); the others are not loaded.</param>
    public static int Run(string dbPath, int users, int rounds, string? only = null)
    {
        var app = WebHost.Build(new WebHostOptions { Store = DuckDbStore.Open(dbPath), Limits = new ApiLimits(), ErrorLog = Cli.ErrorLog.Default });
        var services = app.Services;
        var pages = PageReads.All.Select(p => (p.Name, Load: (Action)(() => p.Read(services, CancellationToken.None)))).ToArray();
        if (only is not null)
        {
            pages = [.. pages.Where(p => p.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        Console.WriteLine($"store {dbPath}, {users} users × {rounds} rounds of {pages.Length} pages, {Environment.ProcessorCount} cores");
        Console.WriteLine("| page | first (cold) | median | p95 | max | calls |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var cold = new Dictionary<string, double>();
        foreach (var (name, load) in pages)
        {
            var watch = Stopwatch.StartNew();
            load();
            cold[name] = watch.Elapsed.TotalMilliseconds;
        }

        var times = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var all = Stopwatch.StartNew();
        Parallel.For(0, users, new ParallelOptions { MaxDegreeOfParallelism = users }, user =>
        {
            var order = pages.Select((p, i) => (p, Key: ((i * 7) + (user * 3)) % pages.Length)).OrderBy(x => x.Key).Select(x => x.p).ToList();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, load) in order)
                {
                    var watch = Stopwatch.StartNew();
                    load();
                    times.GetOrAdd(name, _ => []).Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        });

        foreach (var (name, _) in pages)
        {
            var sorted = times[name].Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {cold[name]:#,0} ms | {sorted[sorted.Count / 2]:#,0.0} ms | {sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1]:#,0.0} ms | {sorted[^1]:#,0.0} ms | {sorted.Count} |"));
        }

        Console.WriteLine(FormattableString.Invariant($"concurrent part: {all.Elapsed.TotalSeconds:0.0} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:#,0} MB"));
        return 0;
    }
}
