using System.Globalization;
using Bellwether.Core.Forecasting;
using Bellwether.Core.Pipeline;
using Bellwether.Core.Slicing;

namespace Bellwether.Benchmarks;

/// <summary>
/// Where a bookings forecast's error comes from: <c>backtest-parts SEEDS FROM TO OFFSET</c> forecasts each quarter of
/// each demo seed by deal type at the offset, and sets each part beside what happened to the same deals — won from the
/// pipeline open at the instant, and won from deals created after it. A part whose error is one-sided across seeds is
/// the model's, not chance's. Also: deals created after t (expected by the creation model, and counted), wins by the
/// owner's tenure at t, and the hazard fit's calibration per month before t; <c>BELLWETHER_PARTS_RATES=1</c> prints each
/// stream's fitted creation rate.
/// </summary>
public static class ForecastParts
{
    public static int Run(string[] args)
    {
        if (args is not [var seeds, var from, var to, var offsetText])
        {
            Console.Error.WriteLine("usage: Bellwether.Benchmarks backtest-parts SEEDS FROM TO OFFSET");
            return 1;
        }

        var offset = int.Parse(offsetText, CultureInfo.InvariantCulture);
        var totals = new Dictionary<(string Type, string Part), (double Forecast, double Actual, double AbsError)>();
        Console.WriteLine("| seed period | type | open: forecast | open: actual | error | new: forecast | new: actual | error | created: expected | created | error | won in period / created |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var sources = ForecastBacktest.Sources(seeds);
        foreach (var (seed, load) in sources)
        {
            var data = load();
            var calendar = data.Settings.Calendar;
            for (var period = calendar.Parse(from); period.Start <= calendar.Parse(to).Start; period = calendar.Next(period))
            {
                var t = period.StartInstant.AddDays(offset);
                var model = ForecastModel.Fit(data, t);
                var rows = model.Forecast(new ForecastQuery { Indicators = ["bookings"], Period = period, By = [Dimension.Type] });
                if (Environment.GetEnvironmentVariable("BELLWETHER_PARTS_HAZARDS") is not null)
                {
                    Console.WriteLine(model.Parts.Hazards.Describe());
                    Console.WriteLine(FormattableString.Invariant($"rep shock variance {model.Parts.RepShockVariance:0.0000}, win shock variance {model.Parts.Hazards.WinShockVariance:0.0000}"));
                }

                var (wo, we) = model.Parts.Hazards.WinsByMonth;
                Console.WriteLine("|   wins seen / fitted, months back 1..12: " + string.Join(" ", Enumerable.Range(1, 12).Select(m => (wo[m] / we[m]).ToString("0.00", CultureInfo.InvariantCulture))));
                var wins = model.Forecast(new ForecastQuery { Indicators = ["won_deals"], Period = period, By = [Dimension.Type] }).ToDictionary(r => r.Slice["type"]);
                // Wins by the owner's tenure at t: a model that reads a rep's level from their ramp under-forecasts them later.
                var starts = data.Reps.ToDictionary(r => r.RepId, r => r.StartDate);
                string Tenure(string rep) => starts.GetValueOrDefault(rep) is { } d ? ((DateOnly.FromDateTime(t.UtcDateTime).DayNumber - d.DayNumber) switch { < 91 => "t<3m", < 182 => "t3-6m", < 365 => "t6-12m", _ => "t12m+" }) : "t?";
                foreach (var byRep in model.Forecast(new ForecastQuery { Indicators = ["won_deals"], Period = period, By = [Dimension.Rep] }))
                {
                    var repId = byRep.Slice["rep"];
                    var repWon = data.Opportunities.Where(o => o.OwnerRepId == repId && o.Status == OpportunityStatus.Won && o.ClosedAt >= period.StartInstant && o.ClosedAt < period.EndInstant && o.ClosedAt >= t).ToList();
                    Add(totals, Tenure(repId), "open wins", (double)byRep.Parts!.GetValueOrDefault("open_pipeline"), repWon.Count(o => o.CreatedAt < t));
                    Add(totals, Tenure(repId), "new wins", (double)byRep.Parts!.GetValueOrDefault("not_yet_created"), repWon.Count(o => o.CreatedAt >= t));
                }

                // Wins by vertical: verticals whose win rates drift are read as they were over the recency-weighted window.
                var verticalOf = data.Accounts.ToDictionary(a => a.AccountId, a => a.Vertical);
                foreach (var byVertical in model.Forecast(new ForecastQuery { Indicators = ["won_deals"], Period = period, By = [Dimension.Vertical] }))
                {
                    var vertical = byVertical.Slice["vertical"];
                    var verticalWon = data.Opportunities.Where(o => verticalOf.GetValueOrDefault(o.AccountId) == vertical && o.Status == OpportunityStatus.Won && o.ClosedAt >= period.StartInstant && o.ClosedAt < period.EndInstant && o.ClosedAt >= t).ToList();
                    Add(totals, "v:" + vertical, "open wins", (double)byVertical.Parts!.GetValueOrDefault("open_pipeline"), verticalWon.Count(o => o.CreatedAt < t));
                    Add(totals, "v:" + vertical, "new wins", (double)byVertical.Parts!.GetValueOrDefault("not_yet_created"), verticalWon.Count(o => o.CreatedAt >= t));
                }

                foreach (var row in rows)
                {
                    var type = row.Slice["type"];
                    var won = data.Opportunities.Where(o => o.Status == OpportunityStatus.Won && Core.Text.SnakeCase.Name(o.Type) == type
                        && o.ClosedAt >= period.StartInstant && o.ClosedAt < period.EndInstant && o.ClosedAt >= t).ToList();
                    var open = (double)won.Where(o => o.CreatedAt < t).Sum(o => o.Amount);
                    var created = (double)won.Where(o => o.CreatedAt >= t).Sum(o => o.Amount);
                    var fOpen = (double)row.Parts!.GetValueOrDefault("open_pipeline");
                    var fNew = (double)row.Parts!.GetValueOrDefault("not_yet_created");
                    Add(totals, type, "open", fOpen, open);
                    Add(totals, type, "new", fNew, created);
                    // Deals of the type created from t to the period's end: expected by the creation model, and counted.
                    var code = (int)Core.Text.SnakeCase.Parse<OpportunityType>(type);
                    var parts = model.Parts;
                    var expected = parts.Creation.Streams.Where(s => s.Type == code)
                        .Sum(s => Enumerable.Range(parts.Day0, (int)(period.EndInstant - t).TotalDays).Sum(d => parts.Creation.Rate(s, d)));
                    var made = data.Opportunities.Count(o => Core.Text.SnakeCase.Name(o.Type) == type && o.CreatedAt >= t && o.CreatedAt < period.EndInstant);
                    var madeWon = won.Count(o => o.CreatedAt >= t);
                    Add(totals, type, "new wins", (double)wins[type].Parts!.GetValueOrDefault("not_yet_created"), madeWon);
                    Add(totals, type, "open wins", (double)wins[type].Parts!.GetValueOrDefault("open_pipeline"), won.Count(o => o.CreatedAt < t));
                    if (code == (int)OpportunityType.Renewal)
                    {
                        // Pending renewals: the chance each is created before the period ends, summed.
                        var days = (int)(period.EndInstant - t).TotalDays;
                        expected = Enumerable.Range(parts.Facts.RealCount, parts.Facts.Count - parts.Facts.RealCount)
                            .Sum(i => parts.CreationChance(i).Take(days).Sum());
                    }

                    if (parts.Creation.Streams.Any(s => s.Type == code) || code == (int)OpportunityType.Renewal)
                    {
                        Add(totals, type, "created", expected, made);
                    }

                    if (Environment.GetEnvironmentVariable("BELLWETHER_PARTS_RATES") is not null)
                    {
                        foreach (var s in parts.Creation.Streams.Where(s => s.Type == code))
                        {
                            var r = parts.Creation.RateOf(s);
                            Console.WriteLine(FormattableString.Invariant($"|   stream {s.Source}: level {r.Level:0.00}/day trend {r.TrendPerYear:+0.00;-0.00}/yr season [{string.Join(" ", r.Season.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}] sd {r.SeasonSd:0.00}"));
                        }
                    }

                    Console.WriteLine(FormattableString.Invariant(
                        $"| {seed} {period.Label} | {type} | {fOpen:#,0} | {open:#,0} | {Err(fOpen, open)} | {fNew:#,0} | {created:#,0} | {Err(fNew, created)} | {expected:0} | {made} | {Err(expected, made)} | {madeWon / (double)Math.Max(1, made):0.000} |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| type | part | forecast | actual | bias | wape |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var ((type, part), v) in totals.OrderBy(kv => kv.Key.Type, StringComparer.Ordinal).ThenBy(kv => kv.Key.Part, StringComparer.Ordinal))
        {
            Console.WriteLine(FormattableString.Invariant($"| {type} | {part} | {v.Forecast:#,0} | {v.Actual:#,0} | {(v.Forecast - v.Actual) / v.Actual:+0.0%;-0.0%} | {v.AbsError / v.Actual:0.0%} |"));
        }

        return 0;
    }

    private static void Add(Dictionary<(string, string), (double Forecast, double Actual, double AbsError)> totals, string type, string part, double forecast, double actual)
    {
        var v = totals.GetValueOrDefault((type, part));
        totals[(type, part)] = (v.Forecast + forecast, v.Actual + actual, v.AbsError + Math.Abs(forecast - actual));
    }

    private static string Err(double forecast, double actual) => actual == 0 ? "" : ((forecast - actual) / actual).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture);
}
