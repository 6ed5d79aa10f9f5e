using System.Diagnostics;
using System.Globalization;
using Bellwether.Core.Clients;
using Bellwether.Core.Data;
using Bellwether.Core.Demo;
using Bellwether.Core.Time;

namespace Bellwether.Benchmarks;

/// <summary>
/// Backtests of the client models for docs/retention.md, on demo companies:
/// <c>churn-backtest SEEDS [scale=K] [years=Y] [fy=M] [end=YYYY-MM-DD]</c> gives, per seed and quarter, the share of the
/// next quarter's churners in the top tenth of the churn-risk ranking beside ranking by size and by days since the
/// last meeting; <c>expansion-backtest</c> (same arguments) the precision of the top tenth of the second-service-line
/// ranking beside the base rate. Quarters run from a year after history starts to the last one whose revenue is over.
/// "Most possible" is the top tenth's size over the churners: a tenth of the clients cannot hold more churners than that.
/// <c>penalty=λ</c> sets the ridge penalty (to tune it on the tuning seeds only).
/// </summary>
public static class ClientBacktest
{
    public static int Run(string[] args, bool expansion)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Bellwether.Benchmarks churn-backtest|expansion-backtest SEEDS [scale=K] [years=Y] [fy=M] [end=YYYY-MM-DD]");
            return 1;
        }

        var options = new DemoOptions();
        var penalty = ChurnRiskModel.DefaultPenalty;
        foreach (var option in args.Skip(1))
        {
            var (name, value) = (option.Split('=')[0], option.Split('=')[1]);
            if (name == "penalty")
            {
                penalty = double.Parse(value, CultureInfo.InvariantCulture);
                continue;
            }

            options = name switch
            {
                "scale" => options with { Scale = int.Parse(value, CultureInfo.InvariantCulture) },
                "years" => options with { Years = int.Parse(value, CultureInfo.InvariantCulture) },
                "fy" => options with { FiscalYearFirstMonth = int.Parse(value, CultureInfo.InvariantCulture) },
                "end" => options with { HistoryEnd = DateOnly.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {option}"),
            };
        }

        var variant = $"scale {options.Scale}, {options.Years} years to {options.HistoryEnd:yyyy-MM-dd}, fiscal year from month {options.FiscalYearFirstMonth}";
        Console.WriteLine($"## {(expansion ? "Second service line" : "Churn risk")}: {variant}");
        Console.WriteLine();
        Console.WriteLine(expansion
            ? "| seed | quarter | single-line clients | bought a second line | top tenth | bought in top tenth | precision top tenth | base rate | lift | look-alike alone: precision |"
            : "| seed | quarter | clients | churners | top tenth | capture: model | by size | by meeting gap | model on revenue alone | on engagement alone | most possible |");
        Console.WriteLine(expansion ? "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|" : "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var totals = new List<string>();
        foreach (var seed in args[0].Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture)))
        {
            var watch = Stopwatch.StartNew();
            var data = Demo(options with { Seed = seed });
            var quarters = Quarters(data, options);
            totals.Add(expansion ? Expansion(seed, data, quarters, penalty) : Churn(seed, data, quarters, penalty));
            Console.Error.WriteLine(FormattableString.Invariant($"seed {seed}: {watch.Elapsed.TotalSeconds:0} s"));
        }

        Console.WriteLine();
        Console.WriteLine(expansion
            ? "| seed | quarters | single-line client-quarters | precision top tenth | base rate | lift | look-alike alone: precision | lift |"
            : "| seed | quarters | churners | capture: model | by size | by meeting gap | model on revenue alone | on engagement alone | most possible |");
        Console.WriteLine(expansion ? "|---|---:|---:|---:|---:|---:|---:|---:|" : "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        totals.ForEach(Console.WriteLine);
        return 0;
    }

    private static string Churn(ulong seed, Dataset data, IReadOnlyList<Period> quarters, double penalty)
    {
        var results = ChurnBacktest.Run(data, quarters, penalty, ablations: true);
        foreach (var q in results)
        {
            Console.WriteLine(q.MissingReason is { } why
                ? $"| {seed} | {q.Label} | | | | {why} | | | | | |"
                : FormattableString.Invariant($"| {seed} | {q.Label} | {q.Clients} | {q.Churners} | {q.TopTenth} | {Share(q.ByModel, q.Churners)} | {Share(q.BySize, q.Churners)} | {Share(q.ByMeetingGap, q.Churners)} | {Share(q.ByRevenueOnly, q.Churners)} | {Share(q.ByEngagementOnly, q.Churners)} | {Share(Math.Min(q.TopTenth, q.Churners), q.Churners)} |"));
        }

        var ok = results.Where(q => q.MissingReason is null).ToList();
        var churners = ok.Sum(q => q.Churners);
        return FormattableString.Invariant($"| {seed} | {ok.Count} | {churners} | {Share(ok.Sum(q => q.ByModel), churners)} | {Share(ok.Sum(q => q.BySize), churners)} | {Share(ok.Sum(q => q.ByMeetingGap), churners)} | {Share(ok.Sum(q => q.ByRevenueOnly), churners)} | {Share(ok.Sum(q => q.ByEngagementOnly), churners)} | {Share(ok.Sum(q => Math.Min(q.TopTenth, q.Churners)), churners)} |");
    }

    private static string Expansion(ulong seed, Dataset data, IReadOnlyList<Period> quarters, double penalty)
    {
        var results = ExpansionBacktest.Run(data, quarters, penalty);
        foreach (var q in results)
        {
            Console.WriteLine(q.MissingReason is { } why
                ? $"| {seed} | {q.Label} | | | | {why} | | | | |"
                : FormattableString.Invariant($"| {seed} | {q.Label} | {q.Clients} | {q.Bought} | {q.TopTenth} | {q.BoughtInTopTenth} | {Share(q.BoughtInTopTenth, q.TopTenth)} | {Share(q.Bought, q.Clients)} | {Lift(q.BoughtInTopTenth, q.TopTenth, q.Bought, q.Clients)} | {Share(q.LookalikeAloneInTopTenth, q.TopTenth)} |"));
        }

        var ok = results.Where(q => q.MissingReason is null).ToList();
        int clients = ok.Sum(q => q.Clients), bought = ok.Sum(q => q.Bought), top = ok.Sum(q => q.TopTenth), hit = ok.Sum(q => q.BoughtInTopTenth), alone = ok.Sum(q => q.LookalikeAloneInTopTenth);
        return FormattableString.Invariant($"| {seed} | {ok.Count} | {clients} | {Share(hit, top)} | {Share(bought, clients)} | {Lift(hit, top, bought, clients)} | {Share(alone, top)} | {Lift(alone, top, bought, clients)} |");
    }

    private static string Share(int part, int whole) => whole == 0 ? "–" : (part / (double)whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Lift(int hit, int top, int bought, int clients) =>
        top == 0 || bought == 0 ? "–" : (hit / (double)top / (bought / (double)clients)).ToString("0.0", CultureInfo.InvariantCulture) + "×";

    /// <summary>Fiscal quarters from a year after history starts to the last whose three months are over by the company's now.</summary>
    private static List<Period> Quarters(Dataset data, DemoOptions options)
    {
        var calendar = data.Settings.Calendar;
        var quarter = calendar.Containing(options.HistoryStart.AddYears(1), Grain.Quarter);
        var lastMonthOver = new DateOnly(options.HistoryEnd.Year, options.HistoryEnd.Month, 1);
        var result = new List<Period>();
        for (; quarter.End <= lastMonthOver; quarter = calendar.Next(quarter))
        {
            if (quarter.Start >= options.HistoryStart.AddYears(1))
            {
                result.Add(quarter);
            }
        }

        return result;
    }

    /// <summary>A demo company imported once per set of options into a DuckDB file under the temp folder.</summary>
    private static Dataset Demo(DemoOptions options)
    {
        var name = FormattableString.Invariant($"bellwether-bench-clients-{options.Seed}-{options.Scale}-{options.Years}-{options.FiscalYearFirstMonth}-{options.HistoryEnd:yyyyMMdd}");
        var folder = Path.Combine(Path.GetTempPath(), name);
        return ForecastBacktest.Import(folder + ".duckdb", () =>
        {
            Directory.CreateDirectory(folder);
            DemoCompany.Generate(options, file => new StreamWriter(Path.Combine(folder, file)));
            return Bellwether.Import.FolderSource.Open(folder);
        });
    }
}
