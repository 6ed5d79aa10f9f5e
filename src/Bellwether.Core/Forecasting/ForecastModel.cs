using System.Collections.Concurrent;
using Bellwether.Core.Budget;
using Bellwether.Core.Data;
using Bellwether.Core.Forecasting.Model;
using Bellwether.Core.Forecasting.Simulation;
using Bellwether.Core.Scenarios;
using Bellwether.Core.Time;

namespace Bellwether.Core.Forecasting;

/// <summary>
/// A forecast model of one company as known at one instant: fitted once from <c>dataset.AsOf(t)</c> (so nothing after
/// t can reach it), then asked for any indicator, period, slicing and scenario. A scenario re-weights and re-simulates
/// the fitted model; it never refits. Safe for concurrent use. See docs/forecasting.md for the method.
/// <code>
/// var model = ForecastModel.Fit(dataset, asOf);
/// var rows = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = calendar.Parse("2025-Q4") });
/// var what = model.Forecast(query, scenario);      // the same, under a what-if
/// var bounded = model.Within(budget);               // the same model, its answers stopped or refused by one request's budget
/// </code>
/// </summary>
public sealed class ForecastModel
{
    private const int MaxProjections = 32;
    private const int MaxHorizons = 8;

    /// <summary>Bytes of one figure: a draw of a group and period in a future, or a deal's chance in a month.</summary>
    private const long BytesPerCell = sizeof(double);

    /// <summary>
    /// Rows kept in all, across queries and scenarios (a few MB at most): the base forecast beside every slider move, a
    /// slider moved back to a value it had, a comparison's steps and a plan's readings are answered without simulating.
    /// </summary>
    private const int MaxKeptRows = 20_000;

    private readonly FittedParts _parts;
    private readonly ConcurrentDictionary<string, Lazy<Projection>> _projections;
    private readonly ConcurrentDictionary<int, Lazy<Dynamics>> _dynamics;
    private readonly KeptRows _kept;
    private readonly WorkBudget _budget;

    private ForecastModel(FittedParts parts)
        : this(parts, new(StringComparer.Ordinal), new(), new KeptRows(), WorkBudget.None)
    {
    }

    private ForecastModel(
        FittedParts parts, ConcurrentDictionary<string, Lazy<Projection>> projections, ConcurrentDictionary<int, Lazy<Dynamics>> dynamics, KeptRows kept, WorkBudget budget)
    {
        _parts = parts;
        _projections = projections;
        _dynamics = dynamics;
        _kept = kept;
        _budget = budget;
    }

    /// <summary>The instant of knowledge: only what happened strictly before it was used.</summary>
    public DateTimeOffset AsOf => _parts.AsOf;

    public ForecastOptions Options => _parts.Options;

    /// <summary>
    /// The instant whose knowledge the hazard model was learned from: the start of <see cref="AsOf"/>'s UTC month, shared
    /// by every model of that month (<see cref="ForecastFits"/>); the state the model forecasts from is read at <see cref="AsOf"/>.
    /// </summary>
    public DateTimeOffset LearnedAt => _parts.Learning.Start;

    /// <summary>The data as known at <see cref="AsOf"/>, which the model was fitted on.</summary>
    public Dataset Known => _parts.View;

    internal FittedParts Parts => _parts;

    /// <summary>
    /// Fits the model to what was known at <paramref name="asOf"/>, learning the hazard model afresh from what was known
    /// at the start of its month. Models of several instants of one dataset share that learning through
    /// <see cref="ForecastFits"/>, with the same result. A cancelled <paramref name="cancellation"/> stops the fit
    /// between its stages.
    /// </summary>
    public static ForecastModel Fit(Dataset data, DateTimeOffset asOf, ForecastOptions? options = null, CancellationToken cancellation = default) =>
        new ForecastFits(data, options).Fit(asOf, cancellation);

    /// <summary>Fits the model at <paramref name="asOf"/> on a learning of its month's start (<see cref="ForecastFits"/>).</summary>
    internal static ForecastModel FitWith(Dataset data, DateTimeOffset asOf, ForecastOptions options, Func<HazardLearning> learning, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        // The learning (most of a fit when it is not shared) runs beside the as-of view and the rest of the fit. It is
        // not cancelled with this fit: other instants of the month may be waiting for it.
        var learned = Task.Run(learning, CancellationToken.None);
        return new ForecastModel(new FittedParts(data.AsOf(asOf), asOf, options, learned, cancellation));
    }

    /// <summary>
    /// The same fitted model (and its cached projections and rows), answering within one piece of work's budget: its
    /// forecasts stop when the budget's cancellation is cancelled, and are refused before they start when their futures
    /// would not fit the memory budget. Shared models stay unbounded; each request asks through its own view.
    /// </summary>
    public ForecastModel Within(WorkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new ForecastModel(_parts, _projections, _dynamics, _kept, budget);
    }

    /// <summary>
    /// The forecast rows of a query, under a scenario (the base forecast without one). Throws
    /// <see cref="ArgumentException"/> for a malformed query or an invalid scenario (<see cref="ScenarioCheck"/>);
    /// everything else is answered in rows, with reasons.
    /// </summary>
    public IReadOnlyList<ForecastRow> Forecast(ForecastQuery query, Scenario? scenario = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Forecast(query, query.Grain is { } grain ? _parts.Calendar.Split(query.Period, grain) : [query.Period], scenario);
    }

    /// <summary>The rows of a query for the given periods (disjoint) in place of its period and grain.</summary>
    internal IReadOnlyList<ForecastRow> Forecast(ForecastQuery query, IReadOnlyList<Period> periods, Scenario? scenario)
    {
        scenario ??= Scenario.Base;
        ScenarioCheck.ThrowIfInvalid(scenario);
        var cancellation = _budget.Cancellation;
        cancellation.ThrowIfCancellationRequested();
        var scenarioName = scenario.Changes.Count == 0 ? null : scenario.Name;
        var asked = $"{string.Join(",", periods.Select(p => p.Label))}|{string.Join(",", query.By)}|{string.Join(",", query.Filter.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key}={kv.Value}"))}|{query.IncludeDistribution}|{ScenarioKey(scenario)}";
        if (AllKept(query.Indicators, asked, scenarioName) is { } ready)
        {
            return ready;
        }

        var slicer = new Slicer(_parts, query.By, query.Filter);
        using var reservation = _budget.Memory.Reserve(
            EstimatedBytes(query.Indicators.Count, slicer, periods, scenario),
            $"a forecast of {string.Join(", ", query.Indicators)}{(query.By.Count == 0 ? "" : " by " + string.Join(" and ", query.By.Select(Text.SnakeCase.Name)))} over {periods.Count} period(s) in {_parts.Options.Simulations:N0} futures",
            "forecast fewer indicators, fewer periods, fewer dimensions or one slice");
        var effects = new ScenarioEffects(_parts, scenario);
        var rows = new List<ForecastRow>();

        // grr, nrr and expansion_revenue asked together are three readings of one simulation of every account.
        Lazy<CohortSums>? retention = null;
        foreach (var raw in query.Indicators)
        {
            cancellation.ThrowIfCancellationRequested();
            var name = raw.Trim().ToLowerInvariant();
            var reason = Unavailable(name, periods, slicer);
            if (reason is not null)
            {
                rows.AddRange(periods.Select(p => Missing(name, p, slicer, reason, scenarioName)));
                continue;
            }

            // The rows of an indicator depend on the scenario's changes, not its name: kept rows are labelled for this asker.
            var kept = Kept($"{name}|{asked}", () =>
            {
                var projection = ProjectionFor(effects, periods.Max(p => p.End));
                var writer = new RowWriter(name, AsOf, scenarioName, query.IncludeDistribution, Provisional());
                if (ForecastIndicators.FromLedger(name))
                {
                    retention ??= new Lazy<CohortSums>(() => CohortSums.Simulate(_parts, projection, periods, slicer, LedgerForecast.Churn(effects), cancellation));
                    return [.. LedgerForecast.Rows(name, _parts, projection, effects, periods, slicer, writer, retention, cancellation)];
                }

                if (name == ForecastIndicators.ExpansionBookings)
                {
                    var filter = new Dictionary<Slicing.Dimension, string>(query.Filter) { [Slicing.Dimension.Type] = "expansion" };
                    var narrowed = new Slicer(_parts, query.By, filter);
                    return [.. DealForecast.Rows(name, _parts, projection, effects, periods, narrowed, writer, cancellation)];
                }

                return [.. DealForecast.Rows(name, _parts, projection, effects, periods, slicer, writer, cancellation)];
            });
            rows.AddRange(Labelled(kept, scenarioName));
        }

        return rows;
    }

    /// <summary>
    /// Two scenarios side by side on a query, with each row's change from <paramref name="first"/> to
    /// <paramref name="second"/> explained change by change (see <see cref="ScenarioDifference"/>).
    /// </summary>
    public ScenarioComparison Compare(ForecastQuery query, Scenario first, Scenario second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var firstRows = Forecast(query, first);
        var secondRows = Forecast(query, second);
        string Key(DriverChange c) => ScenarioJson.Serialize(new Scenario { Name = "", Changes = [c] });
        var shared = first.Changes.Select(Key).Intersect(second.Changes.Select(Key)).ToHashSet(StringComparer.Ordinal);
        var current = first.Changes.ToList();
        var steps = new List<(DriverEffect Effect, IReadOnlyList<ForecastRow> Rows)>();
        var previous = firstRows;
        foreach (var change in first.Changes.Reverse().Where(c => !shared.Contains(Key(c))))
        {
            current.Remove(change);
            var rows = Forecast(query, first with { Changes = [.. current] });
            steps.Add((new DriverEffect { Driver = change.Kind, Change = "undo: " + change.Describe() }, Differences(previous, rows)));
            previous = rows;
        }

        foreach (var change in second.Changes.Where(c => !shared.Contains(Key(c))))
        {
            current.Add(change);
            var rows = Forecast(query, second with { Changes = [.. current] });
            steps.Add((new DriverEffect { Driver = change.Kind, Change = change.Describe() }, Differences(previous, rows)));
            previous = rows;
        }

        var differences = new List<ScenarioDifference>();
        for (var r = 0; r < firstRows.Count; r++)
        {
            var a = firstRows[r];
            var b = secondRows.FirstOrDefault(x => Same(x, a));
            differences.Add(new ScenarioDifference
            {
                Indicator = a.Indicator,
                Period = a.Period,
                Slice = a.Slice,
                FirstP50 = a.P50,
                SecondP50 = b?.P50,
                P50Change = b?.P50 - a.P50,
                MeanChange = b?.Mean - a.Mean,
                ByDriver = [.. steps.Select(s => s.Effect with { MeanChange = s.Rows.FirstOrDefault(x => Same(x, a))?.Mean })],
            });
        }

        return new ScenarioComparison { First = first, Second = second, FirstRows = firstRows, SecondRows = secondRows, Differences = differences };
    }

    /// <summary>The projection of a scenario to a horizon, computed once and kept (a few dozen at most).</summary>
    internal Projection ProjectionFor(ScenarioEffects effects, DateOnly end)
    {
        var horizonEnd = new DateOnly(end.Year, end.Month, 1) < end ? new DateOnly(end.Year, end.Month, 1).AddMonths(1) : end;
        var key = ScenarioKey(effects.Scenario) + "|" + horizonEnd.DayNumber;
        if (_projections.Count > MaxProjections)
        {
            _projections.Clear();
        }

        if (_dynamics.Count > MaxHorizons)
        {
            _dynamics.Clear();
        }

        var dynamics = _dynamics.GetOrAdd(horizonEnd.DayNumber, _ => new Lazy<Dynamics>(() => new Dynamics(_parts, new Horizon(AsOf, horizonEnd)))).Value;
        return _projections.GetOrAdd(key, _ => new Lazy<Projection>(() => new Projection(_parts, dynamics, effects))).Value;
    }

    /// <summary>
    /// The memory a forecast takes, estimated before it starts. In every future: each indicator's draws (groups × periods,
    /// twice over for the parts of each row) and each rep's (counting the reps a scenario adds: quota attainment and the
    /// rep split are drawn per rep). Once, whatever the number of futures: each deal's chances of closing in each month
    /// to the horizon's end (the projection's and the draw's own copy), and each account's working figures on each core
    /// that draws futures. A deal's state is not held per future — futures are drawn a core at a time — so counting
    /// deals × futures read a million-deal company's forecast as 17 GB and refused every forecast of it.
    /// </summary>
    private long EstimatedBytes(int indicators, Slicer slicer, IReadOnlyList<Period> periods, Scenario scenario)
    {
        var addedReps = scenario.Changes.OfType<AddRepsChange>().Sum(c => (long)c.Count);
        var reps = _parts.View.Reps.Count + addedReps;
        var perFuture = (2L * Math.Max(1, indicators) * slicer.Groups * periods.Count) + (2L * reps * periods.Count);
        var asOf = DateOnly.FromDateTime(AsOf.UtcDateTime);
        var end = periods.Count == 0 ? asOf : periods.Max(p => p.End);
        var months = Math.Max(1, ((end.Year - asOf.Year) * 12) + end.Month - asOf.Month + 2);
        var once = (2L * (_parts.Facts.Count + reps) * months) + (2L * _parts.View.Accounts.Count * Environment.ProcessorCount);
        return checked(((perFuture * _parts.Options.Simulations) + once) * BytesPerCell);
    }

    /// <summary>What a scenario changes, whatever it is called: two scenarios of the same changes forecast the same.</summary>
    private static string ScenarioKey(Scenario scenario) => ScenarioJson.Serialize(scenario with { Name = "", Description = null });

    /// <summary>
    /// The rows of every indicator asked when all are kept already, or null: a dashboard asks the same forecasts with
    /// every page it draws, and slicing a million deals to find where each belongs — a tenth of a second or more — is
    /// needed only to compute rows, not to read kept ones.
    /// </summary>
    private List<ForecastRow>? AllKept(IReadOnlyList<string> indicators, string asked, string? scenarioName)
    {
        var rows = new List<ForecastRow>();
        foreach (var raw in indicators)
        {
            if (!_kept.Rows.TryGetValue($"{raw.Trim().ToLowerInvariant()}|{asked}", out var kept) || !kept.IsValueCreated)
            {
                return null;
            }

            rows.AddRange(Labelled(kept.Value, scenarioName));
        }

        return rows;
    }

    /// <summary>Kept rows labelled with the asker's scenario name: they depend on its changes, not its name.</summary>
    private static IEnumerable<ForecastRow> Labelled(IReadOnlyList<ForecastRow> kept, string? scenarioName) =>
        kept.Select(r => r.Scenario == scenarioName ? r : r with { Scenario = scenarioName });

    /// <summary>
    /// An indicator's rows for a query and scenario, computed once and kept while the kept rows stay few. Rows whose
    /// computing failed or was cancelled (one request's budget) are not kept, so the next asker computes them afresh.
    /// </summary>
    private IReadOnlyList<ForecastRow> Kept(string key, Func<IReadOnlyList<ForecastRow>> compute)
    {
        if (Volatile.Read(ref _kept.Count) > MaxKeptRows)
        {
            _kept.Rows.Clear();
            Volatile.Write(ref _kept.Count, 0);
        }

        var created = false;
        var lazy = _kept.Rows.GetOrAdd(key, _ => new Lazy<IReadOnlyList<ForecastRow>>(() =>
        {
            created = true;
            return compute();
        }));
        IReadOnlyList<ForecastRow> rows;
        try
        {
            rows = lazy.Value;
        }
        catch
        {
            _kept.Rows.TryRemove(new KeyValuePair<string, Lazy<IReadOnlyList<ForecastRow>>>(key, lazy));
            throw;
        }

        if (created)
        {
            Interlocked.Add(ref _kept.Count, rows.Count);
        }

        return rows;
    }

    /// <summary>The rows kept by a model and every view of it (<see cref="Within"/>), and how many there are.</summary>
    private sealed class KeptRows
    {
        public readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<ForecastRow>>> Rows = new(StringComparer.Ordinal);

        public int Count;
    }

    private static bool Same(ForecastRow x, ForecastRow y) =>
        x.Indicator == y.Indicator && x.Period == y.Period && Slicing.SliceText.Format(x.Slice) == Slicing.SliceText.Format(y.Slice);

    /// <summary>Per row of <paramref name="after"/>, its mean less the same row's in <paramref name="before"/> (rows whose Mean holds the change).</summary>
    private static IReadOnlyList<ForecastRow> Differences(IReadOnlyList<ForecastRow> before, IReadOnlyList<ForecastRow> after) =>
        [.. after.Select(row => row with { Mean = row.Mean - (before.FirstOrDefault(b => Same(b, row))?.Mean ?? 0) })];

    private string? Unavailable(string name, IReadOnlyList<Period> periods, Slicer slicer)
    {
        if (!ForecastIndicators.Names.Contains(name))
        {
            return $"no forecast of \"{name}\" (forecasts: {string.Join(", ", ForecastIndicators.Names)})";
        }

        if (periods.Any(p => p.Grain < Grain.Month))
        {
            return "forecasts are made for months, fiscal quarters and fiscal years";
        }

        if (_parts.View.Opportunities.Count == 0)
        {
            return "no opportunities known at the as-of instant";
        }

        if (ForecastIndicators.FromLedger(name))
        {
            return LedgerForecast.Unavailable(name, _parts, slicer.Uses);
        }

        return slicer.CannotSlice;
    }

    private ForecastRow Missing(string name, Period period, Slicer slicer, string reason, string? scenario) => new()
    {
        Indicator = name,
        Period = period.Label,
        AsOf = AsOf,
        Slice = slicer.CannotSlice is null && slicer.Groups == 1 ? slicer.Slice(0) : new Dictionary<string, string>(),
        Unit = ForecastIndicators.Names.Contains(name) ? ForecastIndicators.UnitOf(name) : "",
        MissingReason = reason,
        Scenario = scenario,
    };

    /// <summary>Why every forecast of this data is provisional, if it is: without history, open deals are read as they stand now.</summary>
    private string? Provisional() => !_parts.Facts.HasHistory && Enumerable.Range(0, _parts.Facts.RealCount).Any(_parts.Facts.IsOpen)
        ? "no opportunity history: deals open at the as-of instant are read with their current amounts and the history fallback stage, which may come from after it"
        : null;
}
