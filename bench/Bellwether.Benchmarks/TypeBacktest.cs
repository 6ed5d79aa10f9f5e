using System.Globalization;
using Bellwether.Core.Demo;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Benchmarks;

/// <summary>
/// Bookings by deal type on demo companies with varied renewal practices (issue 15, items 4 and 5):
/// <c>backtest-types SEEDS PRACTICE FROM TO [OFFSETS] [FUTURES]</c> forecasts each quarter from FROM to TO at each offset
/// (days from the quarter's first instant; default 0 and 45) for the company and by type, and scores the part still
/// unknown at t: wape = Σ|P50 − actual| / Σ(actual − booked before t), bias likewise signed, and the share of actuals
/// inside P10–P90 — total and per type, per company and over all. PRACTICE is <c>standard</c>, <c>drawn</c> (each seed's
/// own, <see cref="RenewalPractice.Drawn"/>) or one of <see cref="Named"/>. With FUTURES &gt; 0, the ideal forecaster's
/// error (the median of that many re-simulated futures against each of them, per type) is printed beside.
/// </summary>
public static class TypeBacktest
{
    private static readonly string[] Types = ["total", .. Enum.GetValues<OpportunityType>().Select(SnakeCase.Name)];

    /// <summary>Practices by name: the hold-out ones were never looked at while the forecaster was tuned.</summary>
    public static readonly IReadOnlyDictionary<string, RenewalPractice> Named = new Dictionary<string, RenewalPractice>(StringComparer.Ordinal)
    {
        ["standard"] = RenewalPractice.Standard,

        // Hold-out: two- and three-year terms the export does not carry, opened four months ahead, 15% lapsing.
        ["multiyear-hidden"] = new() { Terms = [new(24, 0.5), new(36, 0.5)], LeadDays = 120, LapseShare = 0.15 },

        // Hold-out: mostly three-year terms, opened a month ahead, 10% lapsing, 60% of terms exported as term_months.
        ["mixed-partial"] = new() { Terms = [new(12, 0.3), new(36, 0.7)], LeadDays = 30, LeadSpreadDays = 10, LapseShare = 0.1, Export = ContractExport.TermMonths, ExportedShare = 0.6 },
    };

    public static int Run(string[] args)
    {
        if (args is not [var seeds, var practiceName, var from, var to, ..] || args.Length > 6)
        {
            Console.Error.WriteLine("usage: Bellwether.Benchmarks backtest-types SEEDS standard|drawn|NAME FROM TO [OFFSETS] [FUTURES]");
            return 1;
        }

        int[] offsets = args.Length > 4 ? [.. args[4].Split(',').Select(o => int.Parse(o, CultureInfo.InvariantCulture))] : [0, 45];
        var futures = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 0;
        var all = new Dictionary<(int Offset, string Type), Score>();
        Console.WriteLine("| seed | practice | offset | type | wape | bias | p10_p90_coverage | floor |");
        Console.WriteLine("|---|---|---:|---|---:|---:|---:|---:|");
        foreach (var seed in seeds.Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture)))
        {
            var practice = practiceName == "drawn" ? RenewalPractice.Drawn(seed) : Named[practiceName];
            var options = new DemoOptions { Seed = seed, Renewals = practice };
            var data = ForecastBacktest.Demo(options);
            var calendar = data.Settings.Calendar;
            var simulation = futures > 0 ? DemoSimulation.Start(options) : null;
            var mine = new Dictionary<(int Offset, string Type), Score>();
            var points = new List<(DateTimeOffset T, int Offset, Bellwether.Core.Time.Period Period)>();
            for (var period = calendar.Parse(from); period.Start <= calendar.Parse(to).Start; period = calendar.Next(period))
            {
                points.AddRange(offsets.Select(o => (period.StartInstant.AddDays(o), o, period)));
            }

            foreach (var (t, offset, period) in points.OrderBy(p => p.Item1))
            {
                var won = data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= period.StartInstant && o.ClosedAt < period.EndInstant).ToList();
                var model = ForecastModel.Fit(data, t);
                if (Environment.GetEnvironmentVariable("BELLWETHER_RENEWALS") == "1")
                {
                    var book = Bellwether.Core.Forecasting.Model.RenewalBook.Fit(Bellwether.Core.Data.DatasetAsOf.AsOf(data, t), t);
                    Console.Error.WriteLine(FormattableString.Invariant($"seed {seed} {period.Label} {offset}: book {book.Matched} matched, {book.Pending.Count} pending; {book.Summary}"));
                    DiagnoseRenewals(data, model, book, t, period);
                }

                var rows = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = period })
                    .Concat(model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = period, By = [Dimension.Type] }));
                var ideal = simulation is null ? null : IdealErrors(simulation, t, period, futures);
                foreach (var row in rows)
                {
                    var type = row.Slice.TryGetValue(SnakeCase.Name(Dimension.Type), out var slice) ? slice : "total";
                    var ofType = won.Where(o => type == "total" || SnakeCase.Name(o.Type) == type).ToList();
                    var actual = (double)ofType.Sum(o => o.Amount);
                    var known = (double)ofType.Where(o => o.ClosedAt < t).Sum(o => o.Amount);
                    var p50 = (double)row.P50!.Value;
                    if (Environment.GetEnvironmentVariable("BELLWETHER_RENEWALS") == "1")
                    {
                        Console.Error.WriteLine(FormattableString.Invariant($"  {type}: actual {actual:N0}, known {known:N0}, p10 {row.P10:N0}, p50 {p50:N0}, p90 {row.P90:N0}, unknown error {(p50 - actual) / Math.Max(1, actual - known):+0.0%;-0.0%}; parts {string.Join(", ", (row.Parts ?? new Dictionary<string, decimal>()).Select(kv => $"{kv.Key} {kv.Value:N0}"))}; actual from open {ofType.Where(o => o.CreatedAt < t).Sum(o => o.Amount):N0}, from new {ofType.Where(o => o.CreatedAt >= t).Sum(o => o.Amount):N0}"));
                    }

                    var score = new Score(Math.Abs(p50 - actual), p50 - actual, actual - known, actual >= (double)row.P10!.Value && actual <= (double)row.P90!.Value ? 1 : 0, 1, ideal?.GetValueOrDefault(type) ?? 0);
                    mine[(offset, type)] = mine.GetValueOrDefault((offset, type)) + score;
                    all[(offset, type)] = all.GetValueOrDefault((offset, type)) + score;
                }

                Console.Error.WriteLine(FormattableString.Invariant($"seed {seed} {period.Label} {offset}: done"));
            }

            Print(seed.ToString(CultureInfo.InvariantCulture), practice.Describe(), mine, futures > 0);
        }

        Console.WriteLine();
        Console.WriteLine("| offset | type | wape | bias | p10_p90_coverage | floor (ideal forecaster) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        foreach (var ((offset, type), s) in all.OrderBy(kv => kv.Key.Offset).ThenBy(kv => Array.IndexOf(Types, kv.Key.Type)))
        {
            Console.WriteLine(FormattableString.Invariant($"| {offset} | {type} | {s.Abs / s.Unknown:0.0%} | {Math.Round(s.Signed / s.Unknown, 3):+0.0%;-0.0%;+0.0%} | {(double)s.Inside / s.Count:0%} | {(futures > 0 ? $"{s.Floor / s.Unknown:0.0%}" : "")} |"));
        }

        return 0;
    }

    /// <summary>
    /// With BELLWETHER_RENEWALS=1: where a renewal forecast's error comes from — the book's expected renewal deals against
    /// those created (per ten days of the period), and the renewals' chance of being won by each age as the hazard model
    /// reads it against the data's (renewals created in the 540 days before t), convolved with both.
    /// </summary>
    private static void DiagnoseRenewals(Bellwether.Core.Data.Dataset data, ForecastModel model, Bellwether.Core.Forecasting.Model.RenewalBook book, DateTimeOffset t, Bellwether.Core.Time.Period period)
    {
        var days = (int)(period.EndInstant - t).TotalDays;
        var hazards = model.Parts.Hazards;
        var renewal = (int)OpportunityType.Renewal;
        var modelled = hazards.WonByAge(renewal, hazards.Entry(renewal), [1.0, 1.0, 1.0], 1, days);
        var past = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt < t && o.CreatedAt >= t.AddDays(-540)).ToList();
        var seen = Enumerable.Range(0, days + 1).Select(a =>
        {
            var old = past.Where(o => o.CreatedAt < t.AddDays(-a)).ToList();
            return (double)old.Count(o => o.Status == OpportunityStatus.Won && o.ClosedAt < t && o.ClosedAt <= o.CreatedAt.AddDays(a)) / Math.Max(1, old.Count);
        }).ToArray();
        var created = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt >= t && o.CreatedAt < period.EndInstant).ToList();
        var won = created.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt < period.EndInstant).ToList();

        double expected = 0, expectedAmount = 0, wonModelled = 0, wonSeen = 0;
        var byTenDays = new double[(days / 10) + 1];
        foreach (var (deal, recipe) in book.Pending.Zip(book.CreationChance))
        {
            var chance = recipe.Days();
            for (var d = 0; d < Math.Min(days, chance.Length); d++)
            {
                expected += chance[d];
                expectedAmount += chance[d] * (double)deal.Amount;
                wonModelled += chance[d] * modelled[days - d] * (double)deal.Amount;
                wonSeen += chance[d] * seen[days - d] * (double)deal.Amount;
                byTenDays[d / 10] += chance[d];
            }
        }

        var createdByTenDays = new int[byTenDays.Length];
        foreach (var o in created)
        {
            createdByTenDays[(int)(o.CreatedAt - t).TotalDays / 10]++;
        }

        var createdWonSeen = created.Sum(o => seen[(int)(period.EndInstant - o.CreatedAt).TotalDays] * (double)o.Amount);
        var unexplained = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt < t && !book.Explained.Contains(o.OpportunityId))
            .GroupBy(o => $"{o.CreatedAt.Year}Q{(o.CreatedAt.Month + 2) / 3}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Count()}");
        Console.Error.WriteLine("  renewals won by age (model/data): " + string.Join(", ", Enumerable.Range(1, days / 30).Select(i => FormattableString.Invariant($"{i * 30}d {modelled[i * 30]:F2}/{seen[i * 30]:F2}"))));
        Console.Error.WriteLine("  book by ten days: " + string.Join(" ", byTenDays.Select(x => x.ToString("F1", CultureInfo.InvariantCulture))) + " | created " + string.Join(" ", createdByTenDays));
        Console.Error.WriteLine("  unexplained renewals by quarter: " + string.Join(" ", unexplained));
        Console.Error.WriteLine(FormattableString.Invariant($"  book expects {expected:F0} renewals created ({expectedAmount:N0}), won in the period {wonModelled:N0} by the model's won-by-age, {wonSeen:N0} by the data's; created {created.Count} ({created.Sum(o => o.Amount):N0}), {createdWonSeen:N0} by the data's won-by-age, won in the period {won.Count} ({won.Sum(o => o.Amount):N0})"));
    }

    private static void Print(string seed, string practice, Dictionary<(int Offset, string Type), Score> scores, bool floors)
    {
        foreach (var ((offset, type), s) in scores.OrderBy(kv => kv.Key.Offset).ThenBy(kv => Array.IndexOf(Types, kv.Key.Type)))
        {
            Console.WriteLine(FormattableString.Invariant($"| {seed} | {practice} | {offset} | {type} | {s.Abs / s.Unknown:0.0%} | {Math.Round(s.Signed / s.Unknown, 3):+0.0%;-0.0%;+0.0%} | {(double)s.Inside / s.Count:0%} | {(floors ? $"{s.Floor / s.Unknown:0.0%}" : "")} |"));
        }
    }

    /// <summary>
    /// Per type, the ideal forecaster's mean absolute error in money: the median of re-simulated futures from t against
    /// each of them (scored like the forecast, over the part still unknown, so that errors add up across periods).
    /// </summary>
    private static Dictionary<string, double> IdealErrors(DemoSimulation simulation, DateTimeOffset t, Bellwether.Core.Time.Period period, int count)
    {
        simulation.RunTo(t);
        var outcomes = simulation.Futures(count, period.End).Select(f => f.For(period.Label)!).ToList();
        var errors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            var values = outcomes.Select(o => (double)(type switch
            {
                "new_business" => o.NewBusinessBookings,
                "expansion" => o.ExpansionBookings,
                "renewal" => o.RenewalBookings,
                _ => o.Bookings,
            })).Order().ToArray();
            var median = values[values.Length / 2];
            errors[type] = values.Average(v => Math.Abs(median - v));
        }

        return errors;
    }

    private readonly record struct Score(double Abs, double Signed, double Unknown, int Inside, int Count, double Floor)
    {
        public static Score operator +(Score a, Score b) =>
            new(a.Abs + b.Abs, a.Signed + b.Signed, a.Unknown + b.Unknown, a.Inside + b.Inside, a.Count + b.Count, a.Floor + b.Floor);
    }
}
