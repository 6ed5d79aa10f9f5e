using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;
using Bellwether.Export;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// The rep leaderboard of the period (rep_ranking: by attainment of quota, then bookings), each rep in their attainment
/// band (attainment_bands: over ≥ 100%, near 70–&lt;100%, far &lt; 70%), and the what-if: the bookings the better half
/// of the under-quota reps would add by reaching exactly 100% (what_if_half_under_reach_quota).
/// </summary>
public static class RepLeaderboard
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows(["rep_ranking", "attainment_bands", "what_if_half_under_reach_quota"]);
        var ranking = rows.FirstOrDefault(r => r.Indicator == "rep_ranking");
        var bands = rows.FirstOrDefault(r => r.Indicator == "attainment_bands")?.Detail as AttainmentBandsDetail;
        var whatIf = rows.FirstOrDefault(r => r.Indicator == "what_if_half_under_reach_quota");
        var reps = (ranking?.Detail as RankingDetail)?.Reps ?? [];
        var bandOf = bands is null ? new Dictionary<string, string>()
            : new[] { ("over", bands.Over), ("near", bands.Near), ("far", bands.Far) }
                .SelectMany(b => b.Item2.Reps.Select(r => (r.RepId, Band: b.Item1))).ToDictionary(r => r.RepId, r => r.Band, StringComparer.Ordinal);
        var lifted = (whatIf?.Detail as WhatIfDetail)?.Lifted.Select(r => r.RepId).ToHashSet(StringComparer.Ordinal) ?? [];

        var table = new TableData
        {
            Id = "leaderboard",
            Caption = $"Rep leaderboard, {context.Period.Label}",
            Columns =
            [
                new("Rank", true), new("Rep"), new("Attainment", true), new("Band"), new("Quota on"), new("Bookings", true), new("Win rate", true),
                new("Cycle", true), new("Deal size", true), new("Activities a day", true), new("Lifted in the what-if"),
            ],
            Rows = [.. reps.Select(r => new TableRow(
            [
                TableCell.Count(r.Rank),
                TableCell.Link(context.Names.Rep(r.RepId), Links.Rep(r.RepId)),
                TableCell.Value(r.Attainment, Unit.Ratio, context.Currency, "no quota, or a zero quota"),
                TableCell.Of(bandOf.GetValueOrDefault(r.RepId)),
                TableCell.Of(r.Metric?.Replace('_', ' ')),
                TableCell.Value(r.Bookings, Unit.Money, context.Currency),
                TableCell.Value(r.WinRate, Unit.Ratio, context.Currency, "no deal closed"),
                TableCell.Value(r.CycleDays, Unit.Days, context.Currency, "no deal won"),
                TableCell.Value(r.AvgDealSize, Unit.Money, context.Currency, "no deal won"),
                TableCell.Count(r.ActivitiesPerDay),
                new TableCell { Text = lifted.Contains(r.RepId) ? "yes" : "", Raw = Cell.Text(lifted.Contains(r.RepId) ? "yes" : "") },
            ]))],
            EmptyText = $"No rep ranking for {context.Period.Label}: {ranking?.MissingReason ?? "no reps"}.",
        };

        var withAttainment = reps.Where(r => r.Attainment is not null).ToList();
        var labels = withAttainment.Select(r => context.Names.Rep(r.RepId)).ToList();
        var chart = new SeriesChartData
        {
            Categories = labels,
            Horizontal = true,
            Series =
            [
                new ChartSeries { Name = "Over (≥ 100%)", Stack = "band", Values = [.. withAttainment.Select(r => bandOf.GetValueOrDefault(r.RepId) == "over" ? r.Attainment : null)], Role = "up" },
                new ChartSeries { Name = "Near (70–100%)", Stack = "band", Values = [.. withAttainment.Select(r => bandOf.GetValueOrDefault(r.RepId) == "near" ? r.Attainment : null)], Role = "near" },
                new ChartSeries { Name = "Far (< 70%)", Stack = "band", Values = [.. withAttainment.Select(r => bandOf.GetValueOrDefault(r.RepId) == "far" ? r.Attainment : null)], Role = "down" },
            ],
            References = [new ChartReference("Quota", 1), new ChartReference("70%", 0.7m)],
            Format = ChartFormat.Percent,
            Description = $"Attainment of quota by rep, {context.Period.Label}, best first: "
                + string.Join("; ", withAttainment.Zip(labels).Select(p => $"{p.Second} {Readable.Percent(p.First.Attainment!.Value)}")) + ".",
            Table = ChartTables.Of(table),
        };

        var headlines = new List<string>();
        if (bands is not null)
        {
            headlines.Add($"{bands.Over.Count} reps over quota, {bands.Near.Count} near (70–100%), {bands.Far.Count} far (under 70%) in {context.Period.Label}.");
        }

        if (whatIf?.Detail is WhatIfDetail w)
        {
            headlines.Add(w.Lifted.Count == 0
                ? "What if: no rep is under quota."
                : $"What if the better half of the {w.UnderQuotaReps} under-quota reps reached 100%: {string.Join(", ", w.Lifted.Take(5).Select(r => r.RepName))}{(w.Lifted.Count > 5 ? $" and {w.Lifted.Count - 5} more" : "")} "
                  + $"would add {context.Money(w.AddedBookings)}, taking bookings from {context.Money(w.CurrentBookings)} to {context.Money(w.NewTotalBookings)}.");
        }
        else if (whatIf?.MissingReason is { } why)
        {
            headlines.Add($"What if: {why}.");
        }

        return new RevenueSectionView
        {
            Title = "Rep leaderboard",
            Lede = "Reps by attainment of their quota, then bookings, in attainment bands; and what the team would book if the better half of those under quota reached it. A rep leads to their figures and deals.",
            Headlines = headlines,
            Charts = [new RevenueChart("leaderboard-chart", "Attainment by rep", chart, RevenueChart.HeightFor(withAttainment.Count))],
            Tables = [table],
            Currency = context.Currency,
        };
    }
}
