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
                    var days = (int)(period.EndInstant - t).TotalDays;
                    double expectedCount = 0, expectedAmount = 0;
                    foreach (var (deal, chance) in book.Pending.Zip(book.CreationChance))
                    {
                        var c = chance.Take(days).Sum();
                        expectedCount += c;
                        expectedAmount += c * (double)deal.Amount;
                    }

                    var hz = model.Parts.Hazards;
                    var rtype = (int)OpportunityType.Renewal;
                    var byAge = hz.WonByAge(rtype, hz.Entry(rtype), [1.0, 1.0, 1.0], 1, 400);
                    var past = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt < t && o.CreatedAt >= t.AddDays(-540)).ToList();
                    string Emp(int a)
                    {
                        var old = past.Where(o => o.CreatedAt < t.AddDays(-a)).ToList();
                        return FormattableString.Invariant($"{(double)old.Count(o => o.Status == OpportunityStatus.Won && o.ClosedAt < t && o.ClosedAt <= o.CreatedAt.AddDays(a)) / Math.Max(1, old.Count):F2}");
                    }

                    Console.Error.WriteLine("  renewal won by age (model/emp): " + string.Join(", ", Enumerable.Range(1, 10).Select(i => i * 30).Select(a => FormattableString.Invariant($"{a}d {byAge[a]:F2}/{Emp(a)}"))) + " entry " + string.Join(" ", hz.Entry(rtype).ToArray().Select(x => x.ToString("F2", CultureInfo.InvariantCulture))));
                    var created = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt >= t && o.CreatedAt < period.EndInstant).ToList();
                    var createdWon = created.Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt < period.EndInstant).ToList();
                    var byMonth = new double[4];
                    foreach (var chance in book.CreationChance)
                    {
                        for (var d = 0; d < Math.Min(days, chance.Length); d++)
                        {
                            byMonth[d / 30] += chance[d];
                        }
                    }

                    double convolved = 0, convolvedEmp = 0;
                    var empByAge = Enumerable.Range(0, 400).Select(a => { var old = past.Where(o => o.CreatedAt < t.AddDays(-a)).ToList(); return (double)old.Count(o => o.Status == OpportunityStatus.Won && o.ClosedAt < t && o.ClosedAt <= o.CreatedAt.AddDays(a)) / Math.Max(1, old.Count); }).ToArray();
                    foreach (var (deal, chance) in book.Pending.Zip(book.CreationChance))
                    {
                        for (var d = 0; d < Math.Min(days, chance.Length); d++)
                        {
                            convolved += chance[d] * byAge[days - d] * (double)deal.Amount;
                            convolvedEmp += chance[d] * empByAge[days - d] * (double)deal.Amount;
                        }
                    }

                    var actualCreated = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt >= t && o.CreatedAt < period.EndInstant).ToList();
                    double actualConv = 0;
                    foreach (var o in actualCreated)
                    {
                        actualConv += empByAge[(int)(period.EndInstant - o.CreatedAt).TotalDays] * (double)o.Amount;
                    }

                    Console.Error.WriteLine(FormattableString.Invariant($"    book × won-by-age: model {convolved:N0}, empirical {convolvedEmp:N0}; actual creations × empirical won-by-age {actualConv:N0}"));
                    var unexplained = data.Opportunities.Where(o => o.Type == OpportunityType.Renewal && o.CreatedAt < t && !book.Explained.Contains(o.OpportunityId))
                        .GroupBy(o => (o.CreatedAt.Year * 10) + ((o.CreatedAt.Month + 2) / 3)).OrderBy(g => g.Key).Select(g => $"{g.Key / 10}Q{g.Key % 10}:{g.Count()}");
                    Console.Error.WriteLine("    unexplained renewals by quarter: " + string.Join(" ", unexplained));
                    var book10 = new double[10];
                    var act10 = new double[10];
                    foreach (var chance in book.CreationChance)
                    {
                        for (var d = 0; d < Math.Min(days, chance.Length); d++)
                        {
                            book10[Math.Min(9, d / 10)] += chance[d];
                        }
                    }

                    foreach (var o in actualCreated)
                    {
                        act10[Math.Min(9, (int)(o.CreatedAt - t).TotalDays / 10)]++;
                    }

                    Console.Error.WriteLine("    by 10 days book: " + string.Join(" ", book10.Select(x => x.ToString("F1", CultureInfo.InvariantCulture))) + " | actual " + string.Join(" ", act10));
                    Console.Error.WriteLine("    book by month: " + string.Join(" ", byMonth.Select(x => x.ToString("F1", CultureInfo.InvariantCulture))));
                    foreach (var g in created.GroupBy(o => (int)((o.CreatedAt - t).TotalDays / 30)).OrderBy(g => g.Key))
                    {
                        var w = g.Where(o => o.Status == OpportunityStatus.Won).Select(o => (o.ClosedAt!.Value - o.CreatedAt).TotalDays).Order().ToList();
                        Console.Error.WriteLine(FormattableString.Invariant($"    month {g.Key}: created {g.Count()}, won in period {g.Count(o => o.Status == OpportunityStatus.Won && o.ClosedAt < period.EndInstant)}, won ever {w.Count}, days to win p25/p50/p75 {(w.Count > 0 ? $"{w[w.Count / 4]:F0}/{w[w.Count / 2]:F0}/{w[3 * w.Count / 4]:F0}" : "-")}"));
                    }

                    Console.Error.WriteLine(FormattableString.Invariant($"  book expects {expectedCount:F0} renewals created ({expectedAmount:N0}); created {created.Count} ({created.Sum(o => o.Amount):N0}), of which won in period {createdWon.Count} ({createdWon.Sum(o => o.Amount):N0})"));
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
