using System.Globalization;
using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;

namespace Bellwether.Indicators;

/// <summary>
/// The lists and figures behind indicator values (reps below standard, bands, the ranking, hiring arithmetic…) as
/// tables a person reads: reps by name, money in the company's currency, ratios as percentages. One table per row's
/// detail, except the per-vertical and per-service-line details, which read best as one table across their rows.
/// A detail kind not known here is shown from its flat lines, so nothing is ever hidden.
/// </summary>
internal static class DetailTables
{
    public static IEnumerable<TableData> For(IReadOnlyList<IndicatorRow> rows, NameBook names, string currency)
    {
        var f = new Formats(currency);
        foreach (var group in rows.Where(r => r.Detail is VerticalTrendDetail).GroupBy(r => (r.Indicator, r.Period)))
        {
            yield return VerticalTrends(group.Key.Period, [.. group], f);
        }

        foreach (var group in rows.Where(r => r.Detail is ServiceLineDetail).GroupBy(r => (r.Indicator, r.Period)))
        {
            yield return ServiceLines(group.Key.Period, [.. group], f);
        }

        foreach (var row in rows.Where(r => r.Detail is not null and not VerticalTrendDetail and not ServiceLineDetail))
        {
            var title = $"{row.Indicator} {row.Period}{SliceTitle(row, names)}";
            var table = row.Detail switch
            {
                QuotaDetail q => Reps(title, q.Reps, f, names),
                AttainmentBandsDetail b => Bands(title, b, f, names),
                WhatIfDetail w => Reps($"{title}: {f.Money(w.AddedBookings)} added to {f.Money(w.CurrentBookings)}, {f.Money(w.NewTotalBookings)} in all, if {w.Lifted.Count} of the {w.UnderQuotaReps} reps under quota reached it", w.Lifted, f, names),
                RankingDetail r => Ranking(title, r, f, names),
                ActivityStandardDetail a => Standards(title, a, f, names),
                TargetDetail t => Target(title, t, f),
                HiringDetail h => Hiring(title, h, f),
                ClosableDetail c => Figures(title, [("closable amount", f.Money(c.Amount)), ("10th-percentile won cycle", c.P10CycleDays is { } d ? Readable.Days(d) : "— (no won deals)")]),
                SlippedDetail s => Slipped(title, s, f),
                RampedRepDetail r => Figures(title, [("window", r.Window), ("total", f.Money(r.Total)), ("ramped rep-months", r.RampedRepMonths.ToString("#,0.0", CultureInfo.InvariantCulture))]),
                _ => Lines(title, row.Detail!, names),
            };
            if (table.Rows.Count > 0)
            {
                yield return table;
            }
        }
    }

    private static TableData Reps(string title, IReadOnlyList<RepAttainment> reps, Formats f, NameBook names) => new(
        ["#", "rep", "metric", "actual", "quota", "attainment", "band", "note"],
        [.. reps.Select((r, i) => (IReadOnlyList<object?>)[i + 1, names.Rep(r.RepId), r.Metric, f.OfMetric(r.Actual, r.Metric), f.OfMetric(r.Quota, r.Metric), Formats.Percent(r.Attainment), r.Band, r.Note])])
    {
        Title = title,
    };

    private static TableData Bands(string title, AttainmentBandsDetail b, Formats f, NameBook names)
    {
        IEnumerable<IReadOnlyList<object?>> Band(string band, IReadOnlyList<RepAttainment> reps) =>
            reps.Select(r => (IReadOnlyList<object?>)[band, names.Rep(r.RepId), Formats.Percent(r.Attainment), f.OfMetric(r.Actual, r.Metric), f.OfMetric(r.Quota, r.Metric), r.Note]);
        return new TableData(
            ["band", "rep", "attainment", "actual", "quota", "note"],
            [.. Band("over (≥ 100%)", b.Over.Reps), .. Band("near (70–99%)", b.Near.Reps), .. Band("far (< 70%)", b.Far.Reps), .. Band("zero quota", b.ZeroQuota)])
        {
            Title = $"{title}: {b.Over.Count} over, {b.Near.Count} near, {b.Far.Count} far",
        };
    }

    private static TableData Ranking(string title, RankingDetail r, Formats f, NameBook names) => new(
        ["#", "rep", "attainment", "bookings", "win rate", "cycle", "deal size", "activities/day"],
        [
            .. r.Reps.Select(x => (IReadOnlyList<object?>)
            [
                x.Rank, names.Rep(x.RepId), x.Attainment is { } a ? $"{Formats.Percent(a)}{(x.Metric is "bookings" or null ? "" : $" ({x.Metric})")}" : "— (no quota)",
                f.Money(x.Bookings), Formats.Percent(x.WinRate), x.CycleDays is { } c ? Readable.Days(c) : "—", x.AvgDealSize is { } s ? f.Money(s) : "—",
                x.ActivitiesPerDay is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) : "—",
            ]),
        ])
    {
        Title = title,
    };

    private static TableData Standards(string title, ActivityStandardDetail a, Formats f, NameBook names) => new(
        ["#", "rep", "activity", "standard", "actual", "short by", "trailing average"],
        [
            .. a.BelowStandard.Select(s => (IReadOnlyList<object?>)
            [
                s.Rank, names.Rep(s.RepId), s.ActivityType, $"{Count(s.Minimum)} per {s.Per}", $"{Count(s.Actual)} per {s.Per}", Formats.Percent(s.ShortfallShare),
                s.TrailingAverage is { } t ? $"{Count(t)} per {s.Per}" : "—",
            ]),
        ])
    {
        Title = $"{title}: {a.RepsMeeting} of {a.RepsWithStandard} reps meet their standards; below standard",
    };

    private static TableData Target(string title, TargetDetail t, Formats f) => Figures(title,
    [
        ("target", $"{f.Money(t.Target)} for {t.TargetPeriod} ({t.TargetSource})"),
        ("booked so far", f.Money(t.BookedSoFar)),
        ("still to book", f.Money(t.Remaining)),
        ("win rate (trailing 4 quarters)", Formats.Percent(t.WinRate)),
        ("required pipeline", t.RequiredPipeline is { } r ? f.Money(r) : "—"),
        ("closable pipeline", t.ClosableAmount is { } c ? $"{f.Money(c)} in {t.ClosableDeals ?? 0:#,0} deals" : "—"),
        ("mean won cycle", t.CycleDays is { } cycle ? Core.Reporting.Readable.Days(cycle) : "—"),
        ("created in time to close in it", t.WindowStart is { } from && t.WindowEnd is { } to ? $"{from:yyyy-MM-dd} to {to.AddDays(-1):yyyy-MM-dd}" : "—"),
        ("months in that window", t.MonthsLeft is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "—"),
        ("monthly outflow (not added)", t.MonthlyOutflow is { } o ? f.Money(o) : "—"),
    ]);

    private static TableData Hiring(string title, HiringDetail h, Formats f) => Figures(
        h.RepsToAdd > 0 && h.StartBy is { } by ? $"{title}: hire {h.RepsToAdd} {(h.HireRole is "ae" or "sdr" ? h.HireRole.ToUpperInvariant() : h.HireRole)} rep{(h.RepsToAdd == 1 ? "" : "s")} starting by {by:yyyy-MM-dd} to make {h.TargetPeriod}" : $"{title}: no hire needed for {h.TargetPeriod}",
        [
            ("created in time to close in it", h.WindowStart is { } from && h.WindowEnd is { } to ? $"{from:yyyy-MM-dd} to {to.AddDays(-1):yyyy-MM-dd}" : "—"),
            ("new pipeline needed", $"{f.Money(h.Needed)}"),
            ("current reps will create", f.Money(h.CurrentCapacity)),
            ("shortfall", f.Money(h.Shortfall)),
            ("per ramped rep and month", f.Money(h.PipelinePerRampedRep)),
            ("ramped months a hire adds", h.HireMonths.ToString("0.0", CultureInfo.InvariantCulture)),
        ]);

    private static TableData Slipped(string title, SlippedDetail s, Formats f) => new(
        ["#", "deal", "amount", "expected before", "expected now"],
        [.. s.Deals.Select((d, i) => (IReadOnlyList<object?>)[i + 1, d.OpportunityId, f.Money(d.Amount), d.ExpectedBefore, d.ExpectedNow])])
    {
        Title = $"{title}: {s.Deals.Count} deals, {f.Money(s.Amount)}",
    };

    private static TableData VerticalTrends(string period, IReadOnlyList<IndicatorRow> rows, Formats f) => new(
        ["vertical", "status", "bookings", "vs previous", "vs year earlier", "share", "win rate", "trailing growth"],
        [
            .. rows.Select(r =>
            {
                var d = (VerticalTrendDetail)r.Detail!;
                return (IReadOnlyList<object?>)
                [
                    r.Slice.GetValueOrDefault("vertical", ""), d.Status, r.Value is { } v ? f.Money(v) : "—", Formats.Percent(d.GrowthVsPrevious), Formats.Percent(d.GrowthVsYearEarlier),
                    Formats.Percent(d.ShareOfBookings), Formats.Percent(d.WinRate), Formats.Percent(d.TrailingGrowth),
                ];
            }),
        ])
    {
        Title = $"vertical trend {period}: thriving when trailing growth and win rate both beat the company's ({Formats.Percent(rows.Select(r => ((VerticalTrendDetail)r.Detail!).CompanyTrailingGrowth).FirstOrDefault(g => g is not null))} and {Formats.Percent(rows.Select(r => ((VerticalTrendDetail)r.Detail!).CompanyWinRate).FirstOrDefault(g => g is not null))}), stalling when both are below",
    };

    private static TableData ServiceLines(string period, IReadOnlyList<IndicatorRow> rows, Formats f) => new(
        ["service line", "open pipeline", "new pipeline", "bookings", "win rate"],
        [
            .. rows.Select(r =>
            {
                var d = (ServiceLineDetail)r.Detail!;
                return (IReadOnlyList<object?>)[r.Slice.GetValueOrDefault("service_line", ""), f.Money(d.OpenPipeline), f.Money(d.NewPipeline), f.Money(d.Bookings), Formats.Percent(d.WinRate)];
            }),
        ])
    {
        Title = $"pipeline by service line {period}",
    };

    private static TableData Figures(string title, IReadOnlyList<(string Name, string Value)> figures) => new(
        ["figure", "value"],
        [.. figures.Select(x => (IReadOnlyList<object?>)[x.Name, x.Value])])
    {
        Title = title,
    };

    private static TableData Lines(string title, IndicatorDetail detail, NameBook names) => new(
        ["list", "#", "item", "value", "fields"],
        [
            .. detail.Lines().Select(l => (IReadOnlyList<object?>)
            [
                l.List, l.Rank == 0 ? "" : l.Rank.ToString(CultureInfo.InvariantCulture), names.Rep(l.Item), l.Value,
                string.Join("; ", l.Fields.Where(x => x.Key != "rep_name").Select(x => $"{x.Key}={x.Value}")),
            ]),
        ])
    {
        Title = title,
    };

    private static string SliceTitle(IndicatorRow row, NameBook names) =>
        row.Slice.Count == 0 ? "" : " " + string.Join(", ", row.Slice.Select(kv => $"{kv.Key} {names.SliceValue(kv.Key, kv.Value)}"));

    private static string Count(decimal value) => value.ToString(decimal.IsInteger(value) ? "#,0" : "#,0.0#", CultureInfo.InvariantCulture);

    /// <summary>The company's currency, and the formats every detail table shares.</summary>
    private sealed class Formats(string currency)
    {
        public string Money(decimal value) => Readable.Money(value, currency);

        public static string Percent(decimal? ratio) => ratio is { } r ? Readable.Percent(r) : "—";

        /// <summary>A quota metric's figure: money for bookings and new pipeline, a count for meetings and deals created.</summary>
        public string OfMetric(decimal value, string metric) => metric is "bookings" or "new_pipeline" ? Money(value) : Readable.Count(value);
    }
}
