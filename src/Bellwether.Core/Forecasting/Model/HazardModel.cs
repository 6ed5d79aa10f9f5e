namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// A deal's daily chances of being won, lost or moved to another stage, learned from deals before t: a proportional
/// hazards model with a baseline per deal type, stage and age band (types run different processes — a renewal starts
/// late and seldom loses; each band is shrunk toward its type at the stage, the type toward all types, the stage toward
/// all stages), times factors for the quarter phase and weekday or weekend, close-date proximity and each profile
/// attribute (rep within team, vertical, service line, type, source, size band), the profile's shrunk toward 1 by
/// empirical Bayes. Fitted by iterative proportional fitting, which is the maximum-likelihood fit of this Poisson
/// log-linear model. Projection runs the stage process forward a day at a time, so the chance of a win inside any month
/// follows from the same hazards.
/// </summary>
internal sealed class HazardModel
{
    private const int Iterations = 10;

    /// <summary>
    /// Months over which a day's weight in the fit halves: recent behaviour counts more, so drifting win rates are read
    /// as they are now rather than as they were on average over the training window.
    /// </summary>
    private const double RecencyHalfLifeMonths = 6;
    private const double Negligible = 1e-7;

    /// <summary>
    /// Events' worth of prior toward 1 of the quarter phase's factor: a few levels with many days each, so each is read as
    /// the data shows (empirical Bayes over so few levels would shrink the quarter-end push, seen in one level, by a third).
    /// </summary>
    private const double PhasePrior = 1;

    /// <summary>Deal types with a baseline of their own (new business, expansion, renewal): their stage processes differ.</summary>
    private const int Strata = 3;

    /// <summary>Events' worth of prior a type's rate at a stage has toward all types' rate there.</summary>
    private const double StratumPrior = 5;

    /// <summary>
    /// Prior standard deviation of a vertical's drift, in log hazard per year: a market whose deals close a fifth more (or
    /// less) readily within a year is plausible; steeper is read only where the data insist. (An empirical-Bayes spread
    /// was tried: eighteen months of recency-weighted days cannot tell drifts of this size from noise per vertical, so it
    /// collapsed every drift to none and lost what they gain in the backtests — 0.2 and 0.3 did equally well there.)
    /// </summary>
    private const double DriftPriorSd = 0.2;

    /// <summary>Years after t a drift is carried forward; later days keep the level it reached.</summary>
    public const double DriftYears = 1;

    private readonly int _stages;
    private readonly double[][] _base = new double[HazardCells.Events][];
    private readonly double[][] _phase = new double[HazardCells.Events][];
    private readonly double[][] _proximity = new double[HazardCells.Events][];
    private readonly double[][][] _factor = new double[HazardCells.Events][][];
    private readonly double[][] _factorMean = new double[HazardCells.Events][];
    private readonly double[][][] _drift = new double[HazardCells.Events][][];
    private readonly double[] _phaseMean = new double[HazardCells.Events];
    private readonly double[] _proximityMean = new double[HazardCells.Events];
    private readonly double[][] _moveTo;
    private readonly bool[] _seen;
    private readonly double[][] _entry = new double[3][];

    /// <param name="cells">The deals' exposure and events by cell.</param>
    /// <param name="levelCounts">The levels of each profile dimension.</param>
    /// <param name="cancellation">Stops the fit between iterations.</param>
    public HazardModel(HazardCells cells, int[] levelCounts, CancellationToken cancellation = default)
    {
        _stages = cells.StageCount;
        _seen = new bool[_stages];
        var exposure = cells.Exposure;
        for (var c = 0; c < cells.CellCount; c++)
        {
            _seen[cells.CellStage[c]] |= exposure[c] > 0;
        }

        var monthObserved = new double[HazardCells.Months];
        var monthExpected = new double[HazardCells.Months];
        var columns = new CellColumns(cells, this);
        // The three events' fits share nothing but the read-only columns: each writes its own tables.
        Parallel.For(0, HazardCells.Events, new ParallelOptions { CancellationToken = cancellation }, e => Fit(columns, e, levelCounts, e == HazardCells.Won ? (monthObserved, monthExpected) : null, cancellation));

        WinShockVariance = ShockVariance(monthObserved, monthExpected);
        WinsByMonth = (monthObserved, monthExpected);
        _moveTo = new double[_stages][];
        for (var s = 0; s < _stages; s++)
        {
            var total = 0.0;
            for (var to = 0; to < _stages; to++)
            {
                total += cells.Moves[(s * _stages) + to];
            }

            _moveTo[s] = new double[_stages];
            for (var to = 0; to < _stages && total > 0; to++)
            {
                _moveTo[s][to] = cells.Moves[(s * _stages) + to] / total;
            }
        }

        var all = new double[_stages];
        for (var type = 0; type < 3; type++)
        {
            for (var s = 0; s < _stages; s++)
            {
                all[s] += cells.EntryStage[(type * _stages) + s];
            }
        }

        for (var type = 0; type < 3; type++)
        {
            // Shrink each type's entry stages toward all deals' (worth five deals), so a type seldom seen still starts somewhere.
            var row = new double[_stages];
            var total = 0.0;
            var allTotal = all.Sum();
            for (var s = 0; s < _stages; s++)
            {
                row[s] = cells.EntryStage[(type * _stages) + s] + (allTotal > 0 ? 5 * all[s] / allTotal : 0);
                total += row[s];
            }

            for (var s = 0; s < _stages && total > 0; s++)
            {
                row[s] /= total;
            }

            _entry[type] = row;
        }
    }

    /// <summary>The variance of the month-to-month common shock to win rates beyond Poisson noise (gamma, mean 1).</summary>
    public double WinShockVariance { get; }

    /// <summary>Wins seen and fitted per month back from t's (0), unweighted: the fit's calibration over time, for diagnostics.</summary>
    public (double[] Observed, double[] Expected) WinsByMonth { get; }

    public int StageCount => _stages;

    /// <summary>A readable summary of the fitted factors, for diagnostics.</summary>
    internal string Describe()
    {
        var lines = new List<string>();
        string Format(double[] x) => string.Join(" ", x.Select(v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)));
        for (var e = 0; e < HazardCells.Events; e++)
        {
            lines.Add($"event {e}: phase {Format(_phase[e])} prox {Format(_proximity[e])}");
            for (var f = 0; f < DealProfile.Count; f++)
            {
                lines.Add($"   factor {f}: {Format(_factor[e][f])}");
            }

            for (var k = 0; k < Strata; k++)
            {
                lines.Add($"   drift t{k}: {Format(_drift[e][k])}");
            }

            for (var k = 0; k < Strata; k++)
            {
                for (var s = 0; s <= _stages; s++)
                {
                    lines.Add($"   base t{k} s{s}: {Format([.. _base[e].Skip(Row(k, s, 0)).Take(Covariates.AgeBuckets).Select(v => v * 1000)])}");
                }
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The stages new deals of a type (0–2) start in, as probabilities.</summary>
    public ReadOnlySpan<double> Entry(int type) => _entry[Math.Clamp(type, 0, 2)];

    /// <summary>
    /// A deal's combined profile factor for an event; a level the model never saw (or −1, not known) counts as the
    /// average deal's.
    /// </summary>
    public double ProfileFactor(int evt, int[] levels)
    {
        var product = 1.0;
        for (var f = 0; f < DealProfile.Count; f++)
        {
            var table = _factor[evt][f];
            product *= levels[f] >= 0 && levels[f] < table.Length ? table[levels[f]] : _factorMean[evt][f];
        }

        return product;
    }

    /// <summary>A deal's combined profile factor for each event (won, lost, moved), as <see cref="ProfileFactor"/>.</summary>
    public double[] ProfileFactors(int[] levels) => [.. Enumerable.Range(0, HazardCells.Events).Select(e => ProfileFactor(e, levels))];

    /// <summary>
    /// How a deal's hazards drift with time, per event, in log rate per year: its vertical's drift for its type (a market
    /// buying more or less readily than it did). Zero for a vertical the model never saw or does not know.
    /// </summary>
    public double[] Drift(int[] levels)
    {
        var result = new double[HazardCells.Events];
        var v = levels[DealProfile.Vertical];
        var k = Stratum(levels[DealProfile.Type]);
        for (var e = 0; e < result.Length; e++)
        {
            var table = _drift[e][k];
            result[e] = v >= 0 && v < table.Length ? table[v] : 0;
        }

        return result;
    }

    /// <summary>
    /// The chance that a deal of the type open at the start of <paramref name="firstDay"/> is won on each of the
    /// following days; <paramref name="phaseOfDay"/> gives each day's quarter phase from <paramref name="firstDay"/>, and
    /// <paramref name="drift"/> (per event, log rate per year, <see cref="Drift"/>) moves its factors from that day on.
    /// </summary>
    public double[] WonDaily(int type, int stage, int ageAtFirstDay, int expected, ReadOnlySpan<double> factor, ReadOnlySpan<double> drift, double pace, int firstDay, int days, int[] phaseOfDay)
    {
        Span<double> moving = stackalloc double[HazardCells.Events];
        Span<double> step = stackalloc double[HazardCells.Events];
        for (var e = 0; e < HazardCells.Events; e++)
        {
            moving[e] = factor[e] * pace;
            step[e] = Math.Exp(drift[e] / 365.25);
        }

        var driftDays = (int)(DriftYears * 365.25);
        Span<double> mass = stackalloc double[_stages + 1];
        Span<double> moved = stackalloc double[_stages + 1];
        var start = stage >= 0 && stage < _stages && _seen[stage] ? stage : _stages;
        mass[start] = 1;
        var left = 1.0;
        var result = new double[days];
        for (var d = 0; d < days && left > Negligible; d++)
        {
            var day = firstDay + d;
            var age = Covariates.AgeBucket(ageAtFirstDay + d);
            var q = phaseOfDay[d];
            var p = Covariates.Proximity(expected, day);
            result[d] = Step(
                mass, moved, Stratum(type), age,
                _phase[HazardCells.Won][q] * _proximity[HazardCells.Won][p] * moving[HazardCells.Won],
                _phase[HazardCells.Lost][q] * _proximity[HazardCells.Lost][p] * moving[HazardCells.Lost],
                _phase[HazardCells.Move][q] * _proximity[HazardCells.Move][p] * moving[HazardCells.Move],
                ref left);
            if (d < driftDays)
            {
                for (var e = 0; e < HazardCells.Events; e++)
                {
                    moving[e] *= step[e];
                }
            }
        }

        return result;
    }

    /// <summary>
    /// For a deal of the type created with the given stage mix, the chance it has been won by each age in days (index n:
    /// within its first n days), with the quarter phase and proximity at their averages.
    /// </summary>
    public double[] WonByAge(int type, ReadOnlySpan<double> entry, ReadOnlySpan<double> factor, double pace, int days)
    {
        Span<double> mass = stackalloc double[_stages + 1];
        Span<double> moved = stackalloc double[_stages + 1];
        var left = 0.0;
        for (var s = 0; s < _stages && s < entry.Length; s++)
        {
            var target = _seen[s] ? s : _stages;
            mass[target] += entry[s];
            left += entry[s];
        }

        var f = new double[HazardCells.Events];
        for (var e = 0; e < f.Length; e++)
        {
            f[e] = _phaseMean[e] * _proximityMean[e] * factor[e] * pace;
        }

        var result = new double[days + 1];
        for (var n = 0; n < days; n++)
        {
            var won = left > Negligible ? Step(mass, moved, Stratum(type), Covariates.AgeBucket(n), f[0], f[1], f[2], ref left) : 0;
            result[n + 1] = result[n] + won;
        }

        return result;
    }

    /// <summary>
    /// For deals of the type created on each day x of the horizon (index x), the chance of having been won by the end of
    /// each slot, with the quarter phase of the actual calendar (proximity at its average). Slots before the creation
    /// day are 0.
    /// </summary>
    public double[][] WonBySlotEnd(int type, ReadOnlySpan<double> entry, ReadOnlySpan<double> factor, Horizon horizon, int[] phaseOfDay)
    {
        Span<double> mass = stackalloc double[_stages + 1];
        Span<double> moved = stackalloc double[_stages + 1];
        var result = new double[horizon.Days][];
        for (var x = 0; x < horizon.Days; x++)
        {
            mass.Clear();
            var left = 0.0;
            for (var s = 0; s < _stages && s < entry.Length; s++)
            {
                mass[_seen[s] ? s : _stages] += entry[s];
                left += entry[s];
            }

            var byEnd = new double[horizon.Slots];
            var won = 0.0;
            for (var d = x; d < horizon.Days; d++)
            {
                if (left > Negligible)
                {
                    var q = phaseOfDay[d];
                    won += Step(
                        mass, moved, Stratum(type), Covariates.AgeBucket(d - x),
                        _phase[HazardCells.Won][q] * _proximityMean[HazardCells.Won] * factor[HazardCells.Won],
                        _phase[HazardCells.Lost][q] * _proximityMean[HazardCells.Lost] * factor[HazardCells.Lost],
                        _phase[HazardCells.Move][q] * _proximityMean[HazardCells.Move] * factor[HazardCells.Move],
                        ref left);
                }

                var slot = horizon.SlotOfDay[d];
                if (d + 1 == horizon.Days || horizon.SlotOfDay[d + 1] != slot)
                {
                    byEnd[slot] = won;
                }
            }

            result[x] = byEnd;
        }

        return result;
    }

    private static int Stratum(int type) => Math.Clamp(type, 0, Strata - 1);

    /// <summary>The row of a type stratum's stage and age band in a baseline table.</summary>
    private int Row(int stratum, int stage, int age) => (((stratum * (_stages + 1)) + stage) * Covariates.AgeBuckets) + age;

    /// <summary>One day of the stage process: returns the mass won that day and moves the rest.</summary>
    private double Step(Span<double> mass, Span<double> moved, int stratum, int age, double wonFactor, double lostFactor, double moveFactor, ref double left)
    {
        moved.Clear();
        var wonToday = 0.0;
        for (var s = 0; s <= _stages; s++)
        {
            var m = mass[s];
            if (m <= Negligible * 1e-3)
            {
                continue;
            }

            var row = Row(stratum, s, age);
            var hw = _base[HazardCells.Won][row] * wonFactor;
            var hl = _base[HazardCells.Lost][row] * lostFactor;
            var hm = s < _stages ? _base[HazardCells.Move][row] * moveFactor : 0;
            var total = hw + hl + hm;
            if (total <= 0)
            {
                continue;
            }

            // The rates are chances per day (events over days of exposure, an event's day counted whole), so the day's
            // chance of leaving the stage is their sum — not 1 − e^−sum, which would read every stage as slower than seen.
            var exit = m * Math.Min(1, total);
            mass[s] = m - exit;
            wonToday += exit * hw / total;
            left -= exit * (hw + hl) / total;
            var move = exit * hm / total;
            if (move > 0)
            {
                var to = _moveTo[s];
                var spread = 0.0;
                for (var t = 0; t < _stages; t++)
                {
                    if (to[t] > 0)
                    {
                        moved[_seen[t] ? t : _stages] += move * to[t];
                        spread += to[t];
                    }
                }

                if (spread == 0)
                {
                    moved[s] += move;
                }
            }
        }

        for (var s = 0; s <= _stages; s++)
        {
            mass[s] += moved[s];
        }

        return wonToday;
    }

    private void Fit(CellColumns cells, int evt, int[] levelCounts, (double[] Observed, double[] Expected)? months, CancellationToken cancellation)
    {
        var n = cells.Count;
        var weight = cells.Weight;
        var observed = new double[n];
        var exposure = new double[n];
        var eventCounts = cells.Observed[evt];
        for (var c = 0; c < n; c++)
        {
            observed[c] = eventCounts[c] * weight[c];
            exposure[c] = cells.Exposure[c] * weight[c];
        }

        var rows = Strata * (_stages + 1) * Covariates.AgeBuckets;
        var baseRate = new double[rows];
        var phase = Enumerable.Repeat(1.0, Covariates.Phases).ToArray();
        var proximity = Enumerable.Repeat(1.0, Covariates.Proximities).ToArray();
        var factors = levelCounts.Select(c => Enumerable.Repeat(1.0, Math.Max(1, c)).ToArray()).ToArray();
        var drift = Enumerable.Range(0, Strata).Select(_ => new double[factors[DealProfile.Vertical].Length]).ToArray();
        var totalObserved = 0.0;
        var totalExposure = 0.0;
        for (var c = 0; c < n; c++)
        {
            totalObserved += observed[c];
            totalExposure += exposure[c];
        }

        var overall = totalExposure > 0 ? totalObserved / totalExposure : 0;
        Array.Fill(baseRate, overall);
        var mu = new double[n];
        for (var c = 0; c < n; c++)
        {
            mu[c] = exposure[c] * overall;
        }

        for (var iteration = 0; iteration < Iterations && totalObserved > 0; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            UpdateBase(cells.Row, observed, exposure, mu, baseRate, overall);
            UpdateFactor(observed, mu, phase, cells.Phase, PhasePrior);
            UpdateFactor(observed, mu, proximity, cells.Proximity);
            for (var f = 0; f < factors.Length; f++)
            {
                if (f == DealProfile.Vertical)
                {
                    // The drift's step moves the slope; the vertical's level at t then follows in its factor's update.
                    UpdateDrift(cells, observed, mu, drift);
                }

                UpdateFactor(observed, mu, factors[f], cells.Profile[f]);
            }
        }

        if (totalObserved == 0)
        {
            Array.Fill(baseRate, 0);
        }

        // The pooled row (an unseen stage) is every stage's days together, per type and age band.
        var pooledObserved = new double[Strata * Covariates.AgeBuckets];
        var pooledExpected = new double[Strata * Covariates.AgeBuckets];
        for (var c = 0; c < n; c++)
        {
            var row = cells.Row[c];
            var at = (cells.Stratum[c] * Covariates.AgeBuckets) + cells.Age[c];
            pooledObserved[at] += observed[c];
            pooledExpected[at] += baseRate[row] > 0 ? mu[c] / baseRate[row] : 0;
        }

        for (var k = 0; k < Strata; k++)
        {
            for (var b = 0; b < Covariates.AgeBuckets; b++)
            {
                var at = (k * Covariates.AgeBuckets) + b;
                baseRate[Row(k, _stages, b)] = Shrink.Rate(pooledObserved[at], pooledExpected[at], overall, 2);
            }
        }

        _base[evt] = baseRate;
        _phase[evt] = phase;
        _proximity[evt] = proximity;
        _factor[evt] = factors;
        _drift[evt] = drift;
        _phaseMean[evt] = WeightedMean(exposure, phase, cells.Phase);
        _proximityMean[evt] = WeightedMean(exposure, proximity, cells.Proximity);
        _factorMean[evt] = [.. factors.Select((table, f) => WeightedMean(exposure, table, cells.Profile[f]))];
        if (months is var (monthObserved, monthExpected))
        {
            // Per calendar month, unweighted (a month's cells share one weight).
            for (var c = 0; c < n; c++)
            {
                monthObserved[cells.Month[c]] += observed[c] / weight[c];
                monthExpected[cells.Month[c]] += mu[c] / weight[c];
            }
        }
    }

    /// <summary>
    /// The baselines' update: per stage, all types' rate (worth one event of the overall rate); per type and stage, its
    /// own (worth <see cref="StratumPrior"/> events of all types'); per age band, all types' band rate scaled by the
    /// type's ratio at the stage (worth two events), so a type seldom seen at a stage keeps the stage's age profile.
    /// </summary>
    private void UpdateBase(int[] rowOf, double[] observed, double[] exposure, double[] mu, double[] baseRate, double overall)
    {
        var rows = baseRate.Length;
        var o = new double[rows];
        var e = new double[rows];
        for (var c = 0; c < mu.Length; c++)
        {
            var row = rowOf[c];
            o[row] += observed[c];
            e[row] += baseRate[row] > 0 ? mu[c] / baseRate[row] : 0;
        }

        var fresh = new double[rows];
        var bandObserved = new double[Covariates.AgeBuckets];
        var bandExpected = new double[Covariates.AgeBuckets];
        for (var s = 0; s < _stages; s++)
        {
            Array.Clear(bandObserved);
            Array.Clear(bandExpected);
            for (var k = 0; k < Strata; k++)
            {
                for (var b = 0; b < Covariates.AgeBuckets; b++)
                {
                    bandObserved[b] += o[Row(k, s, b)];
                    bandExpected[b] += e[Row(k, s, b)];
                }
            }

            var stageRate = Shrink.Rate(bandObserved.Sum(), bandExpected.Sum(), overall, 1);
            for (var k = 0; k < Strata; k++)
            {
                double os = 0, es = 0;
                for (var b = 0; b < Covariates.AgeBuckets; b++)
                {
                    os += o[Row(k, s, b)];
                    es += e[Row(k, s, b)];
                }

                var ratio = stageRate > 0 ? Shrink.Rate(os, es, stageRate, StratumPrior) / stageRate : 1;
                for (var b = 0; b < Covariates.AgeBuckets; b++)
                {
                    var band = Shrink.Rate(bandObserved[b], bandExpected[b], stageRate, 2);
                    var row = Row(k, s, b);
                    fresh[row] = Shrink.Rate(o[row], e[row], band * ratio, 2);
                }
            }
        }

        for (var c = 0; c < mu.Length; c++)
        {
            var row = rowOf[c];
            mu[c] = baseRate[row] > 0 ? mu[c] / baseRate[row] * fresh[row] : exposure[c] * fresh[row];
        }

        Array.Copy(fresh, baseRate, rows);
    }

    /// <summary>
    /// One factor's update: its ratios shrunk toward 1 by empirical Bayes (a group: reps, verticals…), or with a fixed
    /// prior of <paramref name="strength"/> events (a covariate of a few levels, each seen often: estimated as it is).
    /// </summary>
    private static void UpdateFactor(double[] observed, double[] mu, double[] table, int[] levelOf, double? strength = null)
    {
        var o = new double[table.Length];
        var e = new double[table.Length];
        for (var c = 0; c < mu.Length; c++)
        {
            var v = levelOf[c];
            o[v] += observed[c];
            e[v] += mu[c] / table[v];
        }

        var fresh = strength is { } alpha ? Shrink.Ratios(o, e, alpha) : Shrink.Ratios(o, e);

        for (var c = 0; c < mu.Length; c++)
        {
            var v = levelOf[c];
            mu[c] *= fresh[v] / table[v];
        }

        Array.Copy(fresh, table, table.Length);
    }

    /// <summary>
    /// One Newton step of each vertical's drift per deal type (log rate per year, a Gaussian prior toward none), with the
    /// vertical's level profiled out (time centred on its days' mean), so the step is the slope's alone; the level at t
    /// then follows in the vertical factor's update.
    /// </summary>
    private static void UpdateDrift(CellColumns cells, double[] observed, double[] mu, double[][] drift)
    {
        var levels = drift[0].Length;
        var size = Strata * levels;
        var o = new double[size];
        var e = new double[size];
        var ex = new double[size];
        var exx = new double[size];
        var ox = new double[size];
        var vertical = cells.Profile[DealProfile.Vertical];
        for (var c = 0; c < mu.Length; c++)
        {
            var at = (cells.Stratum[c] * levels) + vertical[c];
            var x = cells.MonthYears[cells.Month[c]];
            o[at] += observed[c];
            ox[at] += observed[c] * x;
            e[at] += mu[c];
            ex[at] += mu[c] * x;
            exx[at] += mu[c] * x * x;
        }

        var step = new double[size];
        var precision = 1 / (DriftPriorSd * DriftPriorSd);
        for (var at = 0; at < size; at++)
        {
            if (e[at] <= 0)
            {
                continue;
            }

            var mean = ex[at] / e[at];
            var beta = drift[at / levels][at % levels];
            var gradient = (ox[at] - ex[at]) - (mean * (o[at] - e[at])) - (beta * precision);
            var curvature = exx[at] - (mean * ex[at]) + precision;
            step[at] = gradient / curvature;
            drift[at / levels][at % levels] = beta + step[at];
        }

        // A cell's time is its month's, so the step's factor is one of few: computed once per group and month.
        var months = HazardCells.Months;
        var factor = new double[size * months];
        for (var at = 0; at < size; at++)
        {
            for (var m = 0; m < months; m++)
            {
                factor[(at * months) + m] = step[at] == 0 ? 1 : Math.Exp(step[at] * cells.MonthYears[m]);
            }
        }

        for (var c = 0; c < mu.Length; c++)
        {
            mu[c] *= factor[(((cells.Stratum[c] * levels) + vertical[c]) * months) + cells.Month[c]];
        }
    }

    private static double WeightedMean(double[] exposure, double[] table, int[] levelOf)
    {
        double sum = 0, weight = 0;
        for (var c = 0; c < exposure.Length; c++)
        {
            sum += exposure[c] * table[levelOf[c]];
            weight += exposure[c];
        }

        return weight > 0 ? sum / weight : 1;
    }

    /// <summary>Method-of-moments variance of a gamma shock over full months (index 1 and up) with enough expected events.</summary>
    private static double ShockVariance(double[] observed, double[] expected)
    {
        double numerator = 0, denominator = 0;
        for (var m = 1; m <= 12 && m < observed.Length; m++)
        {
            if (expected[m] < 5)
            {
                continue;
            }

            var gap = observed[m] - expected[m];
            numerator += (gap * gap) - expected[m];
            denominator += expected[m] * expected[m];
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, 0.25) : 0.01;
    }

    /// <summary>
    /// The training cells as plain arrays, built once for the three events' fits: each cell's baseline row, stratum,
    /// covariates, profile levels (one column per profile attribute) and recency weight, so the fitting loops index
    /// arrays instead of walking lists of profiles.
    /// </summary>
    private sealed class CellColumns
    {
        public CellColumns(HazardCells cells, HazardModel model)
        {
            Count = cells.CellCount;
            Exposure = [.. cells.Exposure];
            Observed = [.. cells.Observed.Select(o => o.ToArray())];
            Phase = [.. cells.CellPhase];
            Proximity = [.. cells.CellProximity];
            Age = [.. cells.CellAge];
            Month = [.. cells.CellMonth];
            MonthYears = cells.MonthYears;
            Weight = [.. Month.Select(m => Math.Pow(0.5, m / RecencyHalfLifeMonths))];
            Stratum = [.. cells.CellProfile.Select(p => HazardModel.Stratum(cells.Profiles[p][DealProfile.Type]))];
            Row = new int[Count];
            for (var c = 0; c < Count; c++)
            {
                Row[c] = model.Row(Stratum[c], cells.CellStage[c], Age[c]);
            }

            var attributes = DealProfile.Count;
            Profile = new int[attributes][];
            for (var f = 0; f < attributes; f++)
            {
                var column = new int[Count];
                for (var c = 0; c < Count; c++)
                {
                    column[c] = cells.Profiles[cells.CellProfile[c]][f];
                }

                Profile[f] = column;
            }
        }

        public int Count { get; }

        public double[] Exposure { get; }

        public double[][] Observed { get; }

        public int[] Phase { get; }

        public int[] Proximity { get; }

        public int[] Age { get; }

        public int[] Month { get; }

        /// <summary>Per month index, when its days were, in years from t.</summary>
        public double[] MonthYears { get; }

        public double[] Weight { get; }

        public int[] Stratum { get; }

        public int[] Row { get; }

        public int[][] Profile { get; }
    }
}
