using Bellwether.Core.Reporting;
using Bellwether.Core.Time;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Sales contribution month by month: what a dollar of new sales leaves after the cost of selling it
/// (sales_contribution_pct: the trailing gross margin of the services sold less sales_expense_pct), beside the sales
/// expense itself. The cost indicators are monthly and leave a month not over out, so a period of one month shows the
/// six months to it.
/// </summary>
public static class SalesContribution
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var months = context.Period.Grain == Grain.Month
            ? Enumerable.Range(0, 6).Select(k => context.Calendar.Shift(context.Period, -k)).Reverse().ToList()
            : [.. context.Calendar.Split(context.Period, Grain.Month).Where(m => m.StartInstant < context.AsOf)];
        (string Heading, string Indicator)[] columns =
        [
            ("Sales contribution %", "sales_contribution_pct"), ("Gross margin of the month", "gross_margin"), ("Sales expense %", "sales_expense_pct"),
            ("Sales expense", "sales_expense"), ("Bookings", "bookings"),
        ];
        var rows = months.SelectMany(m => context.Rows([.. columns.Select(c => c.Indicator)], period: m)).ToList();
        var pivot = IndicatorPivot.ByPeriod(rows);
        var labels = months.Select(m => m.Label).ToList();
        var span = labels.Count == 0 ? context.Period.Label : $"{labels[0]} to {labels[^1]}";
        var table = IndicatorTables.Of("sales-contribution", $"Sales contribution by month, {span}", pivot, "Month",
            m => TableCell.Link(m, Links.Variance("sales_contribution_pct", m, "previous")).WithTitle($"Why sales contribution moved in {m}"), columns, context.Currency, labels);
        string[] ratios = ["sales_contribution_pct", "gross_margin", "sales_expense_pct"];
        var chart = new SeriesChartData
        {
            Categories = labels,
            Series = [.. ratios.Select(r => new ChartSeries { Name = columns.First(c => c.Indicator == r).Heading, Kind = "line", Values = [.. labels.Select(m => pivot.Value(m, r))] })],
            Format = ChartFormat.Percent,
            Description = $"Sales contribution, the month's gross margin and sales expense % by month, {span}: "
                + string.Join("; ", labels.Select(m => $"{m} contribution {Formats.Value(pivot.Value(m, "sales_contribution_pct"), Unit.Ratio, context.Currency)}")) + ".",
            Table = ChartTables.Of(table),
        };
        var last = labels.LastOrDefault(m => pivot.Value(m, "sales_contribution_pct") is not null);
        return new RevenueSectionView
        {
            Title = "Sales contribution",
            Lede = "What a dollar of new sales leaves after the cost of selling it: the gross margin of the services sold (trailing twelve months) less the sales expense as a share of new bookings. Months not over are left out.",
            Headlines = last is null ? [] : [$"Sales contribution {Formats.Value(pivot.Value(last, "sales_contribution_pct"), Unit.Ratio, context.Currency)} in {last}, with sales expense at {Formats.Value(pivot.Value(last, "sales_expense_pct"), Unit.Ratio, context.Currency)} of new bookings."],
            Charts = [new RevenueChart("sales-contribution-chart", "Sales contribution by month", chart, 300)],
            Tables = [table],
            Currency = context.Currency,
        };
    }
}
