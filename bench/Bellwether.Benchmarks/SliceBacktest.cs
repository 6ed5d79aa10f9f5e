using System.Globalization;
using Bellwether.Core.Demo;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;
using Bellwether.Core.Text;

namespace Bellwether.Benchmarks;

/// <summary>
/// Are the ranges of a sliced bookings forecast honest? <c>backtest-slices SEEDS FROM TO DIMENSION [OFFSETS]</c>
/// forecasts each quarter by the dimension (type, vertical, service_line, team or rep) and sets each slice's P10–P90
/// beside what it booked: wape over the slices (weighted by their bookings), bias, and the share of slices whose actual
/// fell inside their range — by slice size, since a small slice is mostly noise and a large one mostly model.
/// </summary>
public static class SliceBacktest
{
    public static int Run(string[] args)
    {
        if (args is not [var seeds, var from, var to, var dimensionText, ..] || args.Length > 6)
        {
            Console.Error.WriteLine("usage: Bellwether.Benchmarks backtest-slices SEEDS FROM TO DIMENSION [OFFSETS] [bookings|revenue]");
            return 1;
        }

        var indicator = args.Length > 5 ? args[5] : "bookings";

        var dimension = SnakeCase.Parse<Dimension>(dimensionText);
        var offsets = args.Length > 4 && args[4] != "-" ? args[4].Split(',').Select(o => int.Parse(o, CultureInfo.InvariantCulture)).ToArray() : [-30, 0, 45];
        var totals = new Dictionary<(int Offset, string Size), (double Abs, double Actual, double Forecast, int Inside, int Count)>();
        foreach (var seed in seeds.Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture)))
        {
            var data = ForecastBacktest.Demo(new DemoOptions { Seed = seed });
            var calendar = data.Settings.Calendar;
            var accounts = data.Accounts.ToDictionary(a => a.AccountId, StringComparer.Ordinal);
            var reps = data.Reps.ToDictionary(r => r.RepId, StringComparer.Ordinal);
            string? SliceOf(Opportunity o) => dimension switch
            {
                Dimension.Type => SnakeCase.Name(o.Type),
                Dimension.Vertical => accounts.GetValueOrDefault(o.AccountId)?.Vertical,
                Dimension.ServiceLine => o.ServiceLine,
                Dimension.Rep => o.OwnerRepId,
                Dimension.Team => reps.GetValueOrDefault(o.OwnerRepId)?.Team,
                _ => throw new ArgumentOutOfRangeException(nameof(args), dimensionText, "type, vertical, service_line, team or rep"),
            };

            for (var period = calendar.Parse(from); period.Start <= calendar.Parse(to).Start; period = calendar.Next(period))
            {
                var booked = indicator == "revenue"
                    ? data.Revenue
                        .Where(r => period.Contains(r.Month))
                        .GroupBy(r => dimension switch
                        {
                            Dimension.Vertical => accounts.GetValueOrDefault(r.AccountId)?.Vertical ?? "",
                            Dimension.ServiceLine => r.ServiceLine,
                            _ => throw new ArgumentOutOfRangeException(nameof(args), dimensionText, "revenue: vertical or service_line"),
                        }, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (double)g.Sum(r => r.Revenue), StringComparer.Ordinal)
                    : data.Opportunities
                        .Where(o => o.Status == OpportunityStatus.Won && o.ClosedAt >= period.StartInstant && o.ClosedAt < period.EndInstant)
                        .GroupBy(o => SliceOf(o) ?? "", StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => (double)g.Sum(o => o.Amount), StringComparer.Ordinal);
                foreach (var offset in offsets)
                {
                    var t = period.StartInstant.AddDays(offset);
                    var model = ForecastModel.Fit(data, t);
                    foreach (var row in model.Forecast(new ForecastQuery { Indicators = [indicator], Period = period, By = [dimension] }))
                    {
                        if (row.P50 is not { } p50 || !row.Slice.TryGetValue(SnakeCase.Name(dimension), out var slice))
                        {
                            continue;
                        }

                        var actual = booked.GetValueOrDefault(slice);
                        var size = actual < 250_000 ? "< 250k" : actual < 1_000_000 ? "250k–1M" : actual < 3_000_000 ? "1M–3M" : "≥ 3M";
                        var inside = actual >= (double)row.P10!.Value && actual <= (double)row.P90!.Value ? 1 : 0;
                        foreach (var key in new[] { size, "all" })
                        {
                            var v = totals.GetValueOrDefault((offset, key));
                            totals[(offset, key)] = (v.Abs + Math.Abs((double)p50 - actual), v.Actual + actual, v.Forecast + (double)p50, v.Inside + inside, v.Count + 1);
                        }
                    }
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"| offset | slice's bookings | slices | wape | bias | p10_p90_coverage |"));
        Console.WriteLine("|---:|---|---:|---:|---:|---:|");
        string[] order = ["< 250k", "250k–1M", "1M–3M", "≥ 3M", "all"];
        foreach (var ((offset, size), v) in totals.OrderBy(kv => kv.Key.Offset).ThenBy(kv => Array.IndexOf(order, kv.Key.Size)))
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {offset} | {size} | {v.Count} | {v.Abs / v.Actual:0.0%} | {(v.Forecast - v.Actual) / v.Actual:+0.0%;-0.0%} | {v.Inside / (double)v.Count:0%} |"));
        }

        return 0;
    }
}
