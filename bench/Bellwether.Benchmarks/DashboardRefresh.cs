using System.Diagnostics;
using System.Globalization;
using Bellwether.Core.Indicators;
using Bellwether.Core.Slicing;
using Bellwether.Core.Time;
using Bellwether.Storage.DuckDb;
using DuckDB.NET.Data;

namespace Bellwether.Benchmarks;

/// <summary>
/// The dashboard refresh of issue 3 on a store file (a demo company imported with `bellwether demo`): every indicator
/// for the current fiscal quarter and each of the 8 before it, overall and by rep, by vertical and by service line —
/// beside the floor, hand-written DuckDB SQL over the store's own raw tables for the figures SQL can reach directly
/// (deal counts, sums, cycle means and medians, new and open pipeline at each quarter's end with history, trailing win
/// rates, activities, leads, revenue, cogs and retention), in the same run, in the same process.
/// </summary>
public static class DashboardRefresh
{
    private static readonly Dimension[][] Slicings = [[], [Dimension.Rep], [Dimension.Vertical], [Dimension.ServiceLine]];

    /// <summary>The indicators the SQL floor computes too, so that engine and floor can be compared like for like.</summary>
    private static readonly string[] FloorIndicators =
    [
        "bookings", "won_deals", "lost_deals", "win_rate", "win_rate_by_value", "avg_deal_size", "cycle_days", "cycle_days_median",
        "expansion_bookings", "new_deals", "new_pipeline", "open_pipeline", "open_deals", "pipeline_outflow", "activities",
        "leads", "inbound_share", "revenue", "cogs", "gross_margin", "grr", "nrr", "logo_churn",
    ];

    public static int Run(string dbPath, string workspace, DateTimeOffset asOf)
    {
        Console.WriteLine($"store {dbPath}, workspace {workspace}, as of {Instants.Format(asOf)}");
        var watch = Stopwatch.StartNew();
        var store = DuckDbStore.Open(dbPath);
        var data = store.Load(workspace, tables: Bellwether.Indicators.IndicatorService.EngineTables);
        var load = watch.Elapsed;
        store.Dispose();
        Console.WriteLine(FormattableString.Invariant($"load: {load.TotalSeconds:0.00} s ({data.Opportunities.Count:#,0} deals, {data.History.Count:#,0} history rows, {data.ActivityDays.Count:#,0} activity days from the raw activities, {data.Leads.Count:#,0} leads, {data.Revenue.Count:#,0} revenue lines)"));

        watch.Restart();
        var engine = new IndicatorEngine(data);
        var prepare = watch.Elapsed;
        Console.WriteLine(FormattableString.Invariant($"prepare: {prepare.TotalSeconds:0.00} s"));

        var calendar = data.Settings.Calendar;
        var current = calendar.Containing(asOf.AddTicks(-1), Grain.Quarter);
        var (coldAll, rowsAll) = Refresh(engine, IndicatorCatalog.Names, calendar, current, asOf);
        var (warmAll, _) = Refresh(engine, IndicatorCatalog.Names, calendar, current, asOf);
        Console.WriteLine(FormattableString.Invariant($"full dashboard ({IndicatorCatalog.Names.Count} indicators × 9 quarters × 4 slicings, {rowsAll:#,0} rows): cold {coldAll.TotalSeconds:0.00} s, warm {warmAll.TotalSeconds:0.000} s"));

        var fresh = new IndicatorEngine(data);
        var (coldFloorSet, rowsFloorSet) = Refresh(fresh, FloorIndicators, calendar, current, asOf);
        Console.WriteLine(FormattableString.Invariant($"engine, the floor's {FloorIndicators.Length} indicators on a fresh engine ({rowsFloorSet:#,0} rows): {coldFloorSet.TotalSeconds:0.00} s"));

        var floor = SqlFloor(dbPath, workspace, current, asOf);
        Console.WriteLine(FormattableString.Invariant($"SQL floor, same figures over the raw tables: first run {floor.First.TotalSeconds:0.00} s, best of 3 {floor.Best.TotalSeconds:0.00} s ({floor.Rows:#,0} rows)"));
        Console.WriteLine(FormattableString.Invariant($"ratio engine / floor (same indicators, engine cold after prepare, floor best): {coldFloorSet.TotalSeconds / floor.Best.TotalSeconds:0.00}×"));
        var fromDisk = load + prepare + coldFloorSet;
        Console.WriteLine(FormattableString.Invariant($"from disk: load + prepare + the floor's indicators {fromDisk.TotalSeconds:0.00} s, {fromDisk.TotalSeconds / floor.Best.TotalSeconds:0.00}× the floor"));
        Console.WriteLine(Agreement(dbPath, workspace, fresh, calendar, current, asOf));

        var vertical = data.Accounts.GroupBy(a => a.Vertical).OrderByDescending(g => g.Count()).First().Key;
        var single = new IndicatorQuery
        {
            Indicators = ["win_rate"],
            Period = current,
            AsOf = asOf,
            Filter = new Dictionary<Dimension, string> { [Dimension.Vertical] = vertical },
        };
        engine.Run(single);
        var times = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            watch.Restart();
            engine.Run(single);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"single indicator, one slice (win_rate, vertical={vertical}, {current.Label}), warm: median {times[10]:0.000} ms, max {times[^1]:0.000} ms"));

        var moved = single with { AsOf = asOf.AddDays(-17) };
        watch.Restart();
        engine.Run(moved with { Filter = new Dictionary<Dimension, string>(), By = [Dimension.Rep] });
        Console.WriteLine(FormattableString.Invariant($"win_rate by rep as of a new instant: {watch.Elapsed.TotalMilliseconds:0.0} ms"));
        Console.WriteLine(FormattableString.Invariant($"peak memory (this process): {PeakBytes() / 1e6:#,0} MB"));
        return 0;
    }

    private static (TimeSpan Elapsed, int Rows) Refresh(IndicatorEngine engine, IReadOnlyList<string> indicators, FiscalCalendar calendar, Period current, DateTimeOffset asOf)
    {
        var watch = Stopwatch.StartNew();
        var rows = 0;
        foreach (var by in Slicings)
        {
            for (var k = 0; k < 9; k++)
            {
                rows += engine.Run(new IndicatorQuery { Indicators = indicators, Period = calendar.Shift(current, -k), By = by, AsOf = asOf }).Count;
            }
        }

        return (watch.Elapsed, rows);
    }

    private static (TimeSpan First, TimeSpan Best, int Rows) SqlFloor(string dbPath, string workspace, Period current, DateTimeOffset asOf)
    {
        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var queries = FloorQueries(workspace, current, asOf);
        TimeSpan first = default, best = TimeSpan.MaxValue;
        var rows = 0;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            rows = 0;
            foreach (var sql in queries)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows++;
                }
            }

            var elapsed = watch.Elapsed;
            first = round == 0 ? elapsed : first;
            best = elapsed < best ? elapsed : best;
        }

        return (first, best, rows);
    }

    /// <summary>Hand-written SQL for the floor's figures, for the 9 quarters and the 4 slicings.</summary>
    private static List<string> FloorQueries(string workspace, Period current, DateTimeOffset asOf)
    {
        var t = asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var start = current.Start.AddMonths(-24).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var q0 = $"TIMESTAMP '{start}'";
        var ws = $"'{workspace.Replace("'", "''", StringComparison.Ordinal)}'";
        var ends = $"(SELECT unnest(generate_series({q0} + INTERVAL 3 MONTH, {q0} + INTERVAL 27 MONTH, INTERVAL 3 MONTH)) AS e)";
        string[] dealKeys = ["'all'", "o.owner_rep_id", "a.vertical", "o.service_line"];
        var queries = new List<string>();
        for (var i = 0; i < dealKeys.Length; i++)
        {
            var k = dealKeys[i];
            queries.Add($"""
                SELECT date_trunc('quarter', o.closed_at) q, {k} k,
                       sum(o.amount) FILTER (WHERE o.status = 'won'), count(*) FILTER (WHERE o.status = 'won'), count(*) FILTER (WHERE o.status = 'lost'),
                       sum(o.amount) FILTER (WHERE o.status = 'lost'), avg(epoch(o.closed_at - o.created_at) / 86400) FILTER (WHERE o.status = 'won'),
                       median(epoch(o.closed_at - o.created_at) / 86400) FILTER (WHERE o.status = 'won'),
                       sum(o.amount) FILTER (WHERE o.status = 'won' AND o.type = 'expansion'), sum(o.amount)
                FROM opportunities o JOIN accounts a ON a.workspace_id = o.workspace_id AND a.account_id = o.account_id
                WHERE o.workspace_id = {ws} AND o.closed_at >= {q0} AND o.closed_at < TIMESTAMP '{t}' GROUP BY ALL
                """);
            queries.Add($"""
                WITH f AS (SELECT opportunity_id, arg_min(amount, changed_at) fa FROM opportunity_history WHERE workspace_id = {ws} GROUP BY 1)
                SELECT date_trunc('quarter', o.created_at) q, {k} k, count(*), sum(coalesce(f.fa, o.amount))
                FROM opportunities o JOIN accounts a ON a.workspace_id = o.workspace_id AND a.account_id = o.account_id LEFT JOIN f ON f.opportunity_id = o.opportunity_id
                WHERE o.workspace_id = {ws} AND o.created_at >= {q0} AND o.created_at < TIMESTAMP '{t}' GROUP BY ALL
                """);
            queries.Add($"""
                WITH ends AS (SELECT least(e, TIMESTAMP '{t}') ee FROM {ends}),
                x AS (SELECT ee, o.opportunity_id id, o.owner_rep_id, o.service_line, o.account_id, o.amount FROM ends CROSS JOIN opportunities o
                      WHERE o.workspace_id = {ws} AND o.created_at < ee AND (o.closed_at IS NULL OR o.closed_at >= ee)),
                s AS (SELECT x.ee, x.id, arg_max(h.amount, h.changed_at) amt FROM x JOIN opportunity_history h ON h.workspace_id = {ws} AND h.opportunity_id = x.id AND h.changed_at < x.ee GROUP BY ALL),
                f AS (SELECT h.opportunity_id id, arg_min(h.amount, h.changed_at) fa FROM opportunity_history h WHERE h.workspace_id = {ws} AND h.opportunity_id IN (SELECT id FROM x) GROUP BY ALL)
                SELECT x.ee, {k.Replace("o.", "x.", StringComparison.Ordinal)} k, count(*), sum(coalesce(s.amt, f.fa, x.amount))
                FROM x JOIN accounts a ON a.workspace_id = {ws} AND a.account_id = x.account_id LEFT JOIN s ON s.id = x.id AND s.ee = x.ee LEFT JOIN f ON f.id = x.id GROUP BY ALL
                """);
            queries.Add($"""
                WITH c AS (SELECT date_trunc('quarter', o.closed_at) q, {k} k, count(*) FILTER (WHERE o.status = 'won') w, count(*) n
                           FROM opportunities o JOIN accounts a ON a.workspace_id = o.workspace_id AND a.account_id = o.account_id
                           WHERE o.workspace_id = {ws} AND o.status <> 'open' AND o.closed_at < TIMESTAMP '{t}' GROUP BY ALL)
                SELECT q, k, sum(w) OVER (PARTITION BY k ORDER BY q ROWS 3 PRECEDING) / sum(n) OVER (PARTITION BY k ORDER BY q ROWS 3 PRECEDING) FROM c
                """);
            if (i <= 1)
            {
                var rep = i == 1 ? "rep_id" : "'all'";
                var leadRep = i == 1 ? "owner_rep_id" : "'all'";
                queries.Add($"""
                    SELECT date_trunc('quarter', occurred_at) q, {rep} k, count(*) FROM activities
                    WHERE workspace_id = {ws} AND occurred_at >= {q0} AND occurred_at < TIMESTAMP '{t}' GROUP BY ALL
                    """);
                queries.Add($"""
                    SELECT date_trunc('quarter', created_at) q, {leadRep} k, count(*), count(*) FILTER (WHERE source = 'inbound')
                    FROM leads WHERE workspace_id = {ws} AND created_at >= {q0} AND created_at < TIMESTAMP '{t}' GROUP BY ALL
                    """);
            }

            if (i != 1)
            {
                var rk = i == 2 ? "a.vertical" : i == 3 ? "r.service_line" : "'all'";
                queries.Add($"""
                    SELECT date_trunc('quarter', r.month) q, {rk} k, sum(r.revenue), sum(r.cogs), sum(r.revenue) FILTER (WHERE r.cogs IS NOT NULL)
                    FROM revenue r JOIN accounts a ON a.workspace_id = r.workspace_id AND a.account_id = r.account_id
                    WHERE r.workspace_id = {ws} AND r.month >= {q0} AND r.month < TIMESTAMP '{t}' GROUP BY ALL
                    """);
                queries.Add($"""
                    WITH p AS (SELECT date_trunc('quarter', r.month) q, {rk} k, r.account_id, sum(r.revenue) rev
                               FROM revenue r JOIN accounts a ON a.workspace_id = r.workspace_id AND a.account_id = r.account_id
                               WHERE r.workspace_id = {ws} AND r.month < TIMESTAMP '{t}' GROUP BY ALL),
                    j AS (SELECT prev.q + INTERVAL 3 MONTH q, prev.k, cur.rev rnow, prev.rev rbefore FROM p prev
                          LEFT JOIN p cur ON cur.account_id = prev.account_id AND cur.k = prev.k AND cur.q = prev.q + INTERVAL 3 MONTH WHERE prev.rev > 0)
                    SELECT q, k, sum(least(coalesce(rnow, 0), rbefore)) / sum(rbefore), sum(coalesce(rnow, 0)) / sum(rbefore),
                           avg(CASE WHEN coalesce(rnow, 0) <= 0 THEN 1 ELSE 0 END) FROM j GROUP BY ALL
                    """);
            }
        }

        return queries;
    }

    /// <summary>
    /// The floor is only a floor if it computes the same numbers: the company's deal counts and sums per quarter and its
    /// open pipeline at each quarter's end, from the SQL, against the engine's rows. Calendar quarters (date_trunc), so
    /// for a store whose fiscal year starts in January.
    /// </summary>
    private static string Agreement(string dbPath, string workspace, IndicatorEngine engine, FiscalCalendar calendar, Period current, DateTimeOffset asOf)
    {
        if (calendar.FirstMonth != 1)
        {
            return "agreement with the floor: not checked (the floor's SQL uses calendar quarters; this fiscal year starts in another month)";
        }

        var queries = FloorQueries(workspace, current, asOf);
        using var connection = new DuckDBConnection($"Data Source={dbPath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        var sql = new Dictionary<(string Indicator, DateOnly QuarterStart), decimal>();
        Read(connection, queries[0], r =>
        {
            var q = DateOnly.FromDateTime(r.GetDateTime(0));
            sql[("bookings", q)] = r.IsDBNull(2) ? 0 : r.GetDecimal(2);
            sql[("won_deals", q)] = r.GetInt64(3);
            sql[("lost_deals", q)] = r.GetInt64(4);
        });
        Read(connection, queries[1], r =>
        {
            var q = DateOnly.FromDateTime(r.GetDateTime(0));
            sql[("new_deals", q)] = r.GetInt64(2);
            sql[("new_pipeline", q)] = r.GetDecimal(3);
        });
        Read(connection, queries[2], r =>
        {
            // The instant is the quarter's end (or t): the pipeline open then belongs to the quarter that ends there.
            var q = DateOnly.FromDateTime(r.GetDateTime(0).AddTicks(-1));
            q = new DateOnly(q.Year, ((q.Month - 1) / 3 * 3) + 1, 1);
            sql[("open_deals", q)] = r.GetInt64(2);
            sql[("open_pipeline", q)] = r.GetDecimal(3);
        });

        var compared = 0;
        var differ = new List<string>();
        for (var k = 0; k < 9; k++)
        {
            var period = calendar.Shift(current, -k);
            var rows = engine.Run(new IndicatorQuery { Indicators = [.. sql.Keys.Select(x => x.Indicator).Distinct()], Period = period, AsOf = asOf });
            foreach (var row in rows)
            {
                if (!sql.TryGetValue((row.Indicator, period.Start), out var expected))
                {
                    continue;
                }

                compared++;
                if (row.Value is not { } value || Math.Abs(value - expected) > 0.005m)
                {
                    differ.Add($"{row.Indicator} {period.Label}: engine {row.Value?.ToString(CultureInfo.InvariantCulture) ?? row.MissingReason}, SQL {expected.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        return differ.Count == 0
            ? $"agreement with the floor: {compared} company figures per quarter (bookings, won and lost deals, new deals and pipeline, open deals and pipeline) equal"
            : $"agreement with the floor: {differ.Count} of {compared} figures DIFFER:\n  " + string.Join("\n  ", differ.Take(20));
    }

    private static void Read(DuckDBConnection connection, string sql, Action<System.Data.Common.DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static long PeakBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
