using Bellwether.Core.Time;

namespace Bellwether.Core.Demo;

/// <summary>
/// The demo company as a running simulation, for the forecast's floor (indicators.md, Forecast): run it to an
/// instant, then re-simulate its future from that exact state many times with fresh randomness. The median of those
/// futures is the ideal forecast and their spread the noise no forecaster can beat. Pure: no clock, no files.
/// <code>
/// var sim = DemoSimulation.Start(options);
/// sim.RunTo(asOf);                              // midnight UTC
/// var futures = sim.Futures(200, horizon);      // fresh randomness, deterministic per (seed, as-of, index)
/// var actual = sim.Continue(horizon);           // the future the demo data actually has
/// </code>
/// </summary>
public sealed class DemoSimulation
{
    private readonly CompanyEngine _engine;

    private DemoSimulation(CompanyEngine engine)
    {
        _engine = engine;
    }

    public DemoOptions Options => _engine.Options;

    /// <summary>The simulation's instant: everything strictly before it has happened.</summary>
    public DateTimeOffset Instant => Instants.StartOfDay(_engine.Today);

    /// <summary>The company at the first instant of its history, exactly as <see cref="DemoCompany.Generate"/> starts it.</summary>
    public static DemoSimulation Start(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DemoSimulation(CompanyEngine.Create(options, null));
    }

    /// <summary>
    /// Re-simulates the company's future from its state at <paramref name="asOf"/> (a midnight UTC inside or after
    /// its history) <paramref name="futures"/> times with fresh randomness, each to <paramref name="horizon"/>.
    /// </summary>
    public static IReadOnlyList<FutureOutcome> Resimulate(DemoOptions options, DateTimeOffset asOf, int futures, DateOnly horizon)
    {
        var simulation = Start(options);
        simulation.RunTo(asOf);
        return simulation.Futures(futures, horizon);
    }

    /// <summary>Runs the company on to <paramref name="instant"/>, which must be a midnight UTC not before <see cref="Instant"/>.</summary>
    public void RunTo(DateTimeOffset instant)
    {
        var day = DayOf(instant, nameof(instant));
        if (day < _engine.Today)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, $"The simulation is already at {Instants.Format(Instant)}; it only runs forward.");
        }

        _engine.RunUntil(day);
    }

    /// <summary>
    /// A copy of the company as it is now that goes its own way. With <paramref name="future"/> null it keeps this
    /// simulation's randomness and so repeats its future exactly; with an index it draws fresh randomness, the same for
    /// the same seed, instant and index.
    /// </summary>
    public DemoSimulation Fork(int? future = null) => new(_engine.Fork(FreshStream(future), null));

    /// <summary>The company's own future to <paramref name="horizon"/> (the one its generated data has); this simulation is left as it is.</summary>
    public FutureOutcome Continue(DateOnly horizon) => Run(_engine.Fork(null, null), -1, horizon);

    /// <summary>
    /// <paramref name="count"/> futures with fresh randomness, from now to <paramref name="horizon"/> (exclusive); this
    /// simulation is left as it is. Deterministic per seed, instant and future index; run on all cores.
    /// </summary>
    public IReadOnlyList<FutureOutcome> Futures(int count, DateOnly horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // Futures share nothing but the state they copy (read only), so they run in parallel; each lands at its index.
        var result = new FutureOutcome[count];
        Parallel.For(0, count, i => result[i] = Run(_engine.Fork(FreshStream(i), null), i, horizon));
        return result;
    }

    private ulong? FreshStream(int? future) =>
        future is { } i ? Rng.Mix((ulong)_engine.Today.DayNumber) ^ Rng.Mix((ulong)i + 1) : null;

    private FutureOutcome Run(CompanyEngine fork, int future, DateOnly horizon)
    {
        var asOf = fork.Today;
        if (horizon < asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, $"The horizon is before the simulation's day {asOf:yyyy-MM-dd}.");
        }

        var before = new Dictionary<int, MonthLedger>();
        for (var m = CompanyEngine.MonthIndex(asOf); m >= CompanyEngine.MonthIndex(Options.HistoryStart); m--)
        {
            before[m] = fork.Ledger(m);
        }

        fork.RunUntil(horizon);
        var calendar = Options.Calendar;
        var periods = new List<PeriodOutcome>();
        foreach (var grain in (ReadOnlySpan<Grain>)[Grain.Month, Grain.Quarter, Grain.Year])
        {
            for (var p = calendar.Containing(asOf, grain); p.End <= horizon; p = calendar.Next(p))
            {
                if (p.Start >= Options.HistoryStart.AddDays(1 - Options.HistoryStart.Day))
                {
                    periods.Add(Outcome(fork, p, before));
                }
            }
        }

        return new FutureOutcome { Future = future, AsOf = Instants.StartOfDay(asOf), Horizon = horizon, Periods = periods };
    }

    private static PeriodOutcome Outcome(CompanyEngine engine, Period period, Dictionary<int, MonthLedger> before)
    {
        decimal nb = 0, expansion = 0, renewal = 0, booked = 0, revenue = 0, cogs = 0, expenses = 0;
        var won = 0;
        MonthLedger last = default;
        for (var m = CompanyEngine.MonthIndex(period.Start); m < CompanyEngine.MonthIndex(period.End); m++)
        {
            last = engine.Ledger(m);
            nb += last.NewBusiness;
            expansion += last.Expansion;
            renewal += last.Renewal;
            won += last.WonDeals;
            revenue += last.Revenue;
            cogs += last.Cogs;
            expenses += last.Expenses;
            booked += before.TryGetValue(m, out var known) ? known.Bookings : 0;
        }

        var month = period.Grain == Grain.Month;
        return new PeriodOutcome
        {
            Period = period,
            Bookings = nb + expansion + renewal,
            NewBusinessBookings = nb,
            ExpansionBookings = expansion,
            RenewalBookings = renewal,
            WonDeals = won,
            BookedBeforeAsOf = booked,
            Revenue = revenue,
            Cogs = cogs,
            Expenses = expenses,
            Grr = month && last.RetentionBase > 0 ? last.RetainedRevenue / last.RetentionBase : null,
            ExpansionRevenue = month && last.RetentionBase > 0 ? last.ExpansionRevenue : null,
        };
    }

    private static DateOnly DayOf(DateTimeOffset instant, string name)
    {
        var utc = instant.ToUniversalTime();
        if (utc.TimeOfDay != TimeSpan.Zero)
        {
            throw new ArgumentException($"{Instants.Format(instant)} is not a midnight UTC: the simulation steps a day at a time.", name);
        }

        return DateOnly.FromDateTime(utc.UtcDateTime);
    }
}
