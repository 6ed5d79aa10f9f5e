using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Pipeline by service line (pipeline_by_service_line): each line's open pipeline at the end of the period (or now),
/// the new pipeline and bookings of the period, and its win rate.
/// </summary>
public static class ServiceLinePipeline
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows(["pipeline_by_service_line"]).Where(r => r.Slice.ContainsKey("service_line"))
            .OrderByDescending(r => r.Value ?? 0).ToList();
        ServiceLineDetail? Of(IndicatorRow row) => row.Detail as ServiceLineDetail;
        var table = new TableData
        {
            Id = "service-lines",
            Caption = $"Pipeline by service line, {context.Period.Label}",
            Columns = [new("Service line"), new("Open pipeline", true), new("New pipeline", true), new("Bookings", true), new("Win rate", true)],
            Rows = [.. rows.Select(r => new TableRow(
            [
                TableCell.Link(r.Slice["service_line"], Links.Slice(Dimension.ServiceLine, r.Slice["service_line"])).WithTitle($"The deals, reps and figures of {r.Slice["service_line"]}"),
                IndicatorTables.Cell(r, "pipeline_by_service_line", context.Currency),
                TableCell.Value(Of(r)?.NewPipeline, Unit.Money, context.Currency),
                TableCell.Value(Of(r)?.Bookings, Unit.Money, context.Currency),
                TableCell.Value(Of(r)?.WinRate, Unit.Ratio, context.Currency, "no deal of the line closed in the period"),
            ]))],
            EmptyText = "No deal has a service line.",
        };
        var lines = rows.Select(r => r.Slice["service_line"]).ToList();
        var chart = new SeriesChartData
        {
            Categories = lines,
            Horizontal = true,
            Series =
            [
                new ChartSeries { Name = "Open pipeline", Values = [.. rows.Select(r => r.Value)] },
                new ChartSeries { Name = $"New pipeline in {context.Period.Label}", Values = [.. rows.Select(r => Of(r)?.NewPipeline)] },
                new ChartSeries { Name = $"Bookings in {context.Period.Label}", Values = [.. rows.Select(r => Of(r)?.Bookings)], Role = "actual" },
            ],
            Format = ChartFormat.Money,
            Description = $"Open pipeline, new pipeline and bookings by service line, {context.Period.Label}: "
                + string.Join("; ", rows.Select(r => $"{r.Slice["service_line"]} open {context.Money(r.Value)}")) + ".",
            Table = ChartTables.Of(table),
        };
        var total = rows.Sum(r => r.Value ?? 0);
        return new RevenueSectionView
        {
            Title = "Pipeline by service line",
            Lede = "Open pipeline at the end of the period (or now, for a period under way), and the pipeline created and booked in it, by service line. A line leads to its deals.",
            Headlines = rows.Count == 0 || total == 0 ? [] : [$"{rows[0].Slice["service_line"].Replace('_', ' ')} holds {Core.Reporting.Readable.Percent((rows[0].Value ?? 0) / total, 0)} of the open pipeline ({context.Money(rows[0].Value)} of {context.Money(total)})."],
            Charts = [new RevenueChart("service-lines-chart", "Pipeline by service line", chart, RevenueChart.HeightFor(lines.Count, 60))],
            Tables = [table],
            Currency = context.Currency,
        };
    }
}
