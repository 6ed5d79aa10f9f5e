using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;
using Bellwether.Export;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Vertical trends: each vertical's bookings over the last eight periods of the period's grain and whether it is
/// thriving or stalling against the company (vertical_trend: trailing growth and win rate against the company's), with
/// its share of bookings and growth.
/// </summary>
public static class VerticalTrends
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows(["vertical_trend"], by: [Dimension.Vertical]).Where(r => r.Slice.ContainsKey("vertical")).ToList();
        var details = rows.Select(r => (Vertical: r.Slice["vertical"], Row: r, Detail: r.Detail as VerticalTrendDetail))
            .OrderBy(v => Order(v.Detail?.Status)).ThenByDescending(v => v.Row.Value ?? 0).ToList();
        var periods = details.Select(d => d.Detail).OfType<VerticalTrendDetail>().FirstOrDefault()?.Bookings.Select(b => b.Period).ToList() ?? [];

        var table = new TableData
        {
            Id = "vertical-trends",
            Caption = $"Vertical trends, {context.Period.Label}",
            Columns =
            [
                new("Vertical"), new("Trend"), new("Bookings", true), new("Share of bookings", true), new("Growth on the period before", true),
                new("Growth on a year earlier", true), new("Growth of the last four periods", true), new("Win rate (4 periods)", true),
            ],
            Rows = [.. details.Select(v => new TableRow(
            [
                TableCell.Link(v.Vertical, Links.Slice(Dimension.Vertical, v.Vertical)).WithTitle($"The deals, reps and figures of {v.Vertical}"),
                new TableCell { Text = v.Detail?.Status ?? "unknown", Raw = Cell.Text(v.Detail?.Status), Title = v.Detail?.StatusReason ?? Why(v.Detail) },
                IndicatorTables.Cell(v.Row, "vertical_trend", context.Currency),
                TableCell.Value(v.Detail?.ShareOfBookings, Unit.Ratio, context.Currency),
                TableCell.Value(v.Detail?.GrowthVsPrevious, Unit.Ratio, context.Currency),
                TableCell.Value(v.Detail?.GrowthVsYearEarlier, Unit.Ratio, context.Currency),
                TableCell.Value(v.Detail?.TrailingGrowth, Unit.Ratio, context.Currency),
                TableCell.Value(v.Detail?.WinRate, Unit.Ratio, context.Currency),
            ]))],
            EmptyText = $"No vertical has bookings in the periods to {context.Period.Label}.",
        };
        var chart = new SeriesChartData
        {
            Categories = periods,
            Series = [.. details.Select(v => new ChartSeries
            {
                Name = $"{v.Vertical} ({v.Detail?.Status ?? "unknown"})",
                Kind = "line",
                Values = [.. periods.Select(p => v.Detail?.Bookings.FirstOrDefault(b => b.Period == p)?.Amount)],
            })],
            Format = ChartFormat.Money,
            Description = $"Bookings by vertical over the {periods.Count} periods to {context.Period.Label}: "
                + string.Join("; ", details.Select(v => $"{v.Vertical} {v.Detail?.Status ?? "unknown"}, {context.Money(v.Row.Value)} in {context.Period.Label}")) + ".",
            Table = ChartTables.Of(table),
        };
        var company = details.Select(d => d.Detail).OfType<VerticalTrendDetail>().FirstOrDefault();
        string Named(string status) => string.Join(", ", details.Where(d => d.Detail?.Status == status).Select(d => d.Vertical)) is { Length: > 0 } list ? list : "none";
        return new RevenueSectionView
        {
            Title = "Vertical trends",
            Lede = $"Bookings by vertical over the last eight {(context.Period.Grain == Core.Time.Grain.Month ? "month" : context.Period.Grain == Core.Time.Grain.Year ? "year" : "quarter")}s. Thriving: over the last four, growing faster than the company and winning more often; stalling: growing slower and winning less often. A vertical leads to its deals and reps.",
            Headlines =
            [
                $"Thriving: {Named("thriving")}. Stalling: {Named("stalling")}."
                + (company?.CompanyTrailingGrowth is { } g ? $" The company's bookings of the last four periods grew {Core.Reporting.Readable.Percent(g)} on the four before them, at a {Formats.Value(company.CompanyWinRate, Unit.Ratio, context.Currency)} win rate." : ""),
            ],
            Charts = [new RevenueChart("vertical-trends-chart", "Bookings by vertical", chart, 340)],
            Tables = [table],
            Currency = context.Currency,
        };
    }

    private static int Order(string? status) => status switch
    {
        "thriving" => 0,
        "stalling" => 1,
        "steady" => 2,
        _ => 3,
    };

    private static string? Why(VerticalTrendDetail? detail) => detail?.Status switch
    {
        "thriving" => "over the last four periods, growing faster than the company and winning more often",
        "stalling" => "over the last four periods, growing slower than the company and winning less often",
        _ => null,
    };
}
