using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Core.Slicing;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Inbound against outbound, step by step: leads created by source (leads by source), and the share of each source's
/// leads that qualified within the qualification window (lead_qualification_rate by source) — missing for leads still
/// inside the window, never 0.
/// </summary>
public static class InboundOutbound
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var steps = context.Steps;
        var rows = context.Rows(["leads", "lead_qualification_rate", "lead_to_win_rate"], context.Grain, [Dimension.Source]);
        var sources = rows.Select(r => r.Slice.GetValueOrDefault("source")).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        IndicatorRow? Row(string step, string source, string name) =>
            rows.FirstOrDefault(r => r.Period == step && r.Indicator == name && r.Slice.GetValueOrDefault("source") == source);

        var table = new TableData
        {
            Id = "inbound-outbound",
            Caption = $"Leads and qualification by source and {context.GrainWord}, {context.Period.Label}",
            Columns =
            [
                new(char.ToUpperInvariant(context.GrainWord[0]) + context.GrainWord[1..]),
                .. sources.Select(s => new TableColumn($"{Name(s)} leads", true)),
                .. sources.Select(s => new TableColumn($"{Name(s)} qualified", true)),
                .. sources.Select(s => new TableColumn($"{Name(s)} won", true)),
            ],
            Rows = [.. steps.Select(step => new TableRow(
            [
                TableCell.Of(step),
                .. sources.Select(s => IndicatorTables.Cell(Row(step, s, "leads"), "leads", context.Currency)),
                .. sources.Select(s => IndicatorTables.Cell(Row(step, s, "lead_qualification_rate"), "lead_qualification_rate", context.Currency)),
                .. sources.Select(s => IndicatorTables.Cell(Row(step, s, "lead_to_win_rate"), "lead_to_win_rate", context.Currency)),
            ]))],
        };
        var chart = new SeriesChartData
        {
            Categories = steps,
            Series =
            [
                .. sources.Select(s => new ChartSeries { Name = $"{Name(s)} leads", Stack = "leads", Values = [.. steps.Select(step => Row(step, s, "leads")?.Value)] }),
                .. sources.Select(s => new ChartSeries { Name = $"{Name(s)} qualified", Kind = "line", SecondAxis = true, Values = [.. steps.Select(step => Row(step, s, "lead_qualification_rate")?.Value)] }),
            ],
            Format = ChartFormat.Count,
            SecondFormat = ChartFormat.Percent,
            Description = $"Leads by source and {context.GrainWord}, {context.Period.Label}, with the share qualified: "
                + string.Join("; ", steps.Select(step => $"{step} " + string.Join(", ", sources.Select(s => $"{Formats.Value(Row(step, s, "leads")?.Value, Unit.Count, context.Currency)} {s}")))) + ".",
            Table = ChartTables.Of(table),
        };

        var whole = context.Rows(["leads", "inbound_share", "lead_qualification_rate"], by: [Dimension.Source]);
        var share = context.Rows(["inbound_share"])[0];
        var headline = $"{Formats.Value(share.Value, Unit.Ratio, context.Currency)} of {context.Period.Label}'s leads came inbound"
            + (share.Value is null ? $" ({share.MissingReason})" : "") + "; qualified: "
            + string.Join(", ", sources.Select(s => $"{s} {Formats.Value(whole.FirstOrDefault(r => r.Indicator == "lead_qualification_rate" && r.Slice.GetValueOrDefault("source") == s)?.Value, Unit.Ratio, context.Currency)}"))
            + ".";
        return new RevenueSectionView
        {
            Title = "Inbound against outbound",
            Lede = $"Leads created in each {context.GrainWord} by source, and the share of them that qualified within the qualification window (the line, on the right axis). Leads still inside the window have no rate yet.",
            Headlines = [headline],
            Charts = [new RevenueChart("inbound-outbound-chart", $"Leads by source and {context.GrainWord}", chart, 320)],
            Tables = [table],
            Currency = context.Currency,
        };
    }

    private static string Name(string source) => char.ToUpperInvariant(source[0]) + source[1..].Replace('_', ' ');
}
