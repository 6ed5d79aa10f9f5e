using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// Pipeline against required pipeline for the period and each of its steps not yet over: the open new-business deals
/// that can still close in it (pipeline_coverage's closable amount) beside what the rest of the plan needs at the
/// trailing win rate (required_pipeline). A period over, or without a bookings plan, says so instead of a bar.
/// </summary>
public static class PipelineAgainstRequired
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string[] names = ["required_pipeline", "pipeline_coverage"];
        var whole = context.Rows(names, within: context.NewBusiness);
        var steps = context.Rows(names, context.Grain, within: context.NewBusiness);
        var periods = new[] { context.Period.Label }.Concat(context.Steps).ToList();
        var all = whole.Concat(steps).ToList();
        IndicatorRow? Row(string period, string name) => all.FirstOrDefault(r => r.Period == period && r.Indicator == name);
        TargetDetail? Target(string period) => Row(period, "pipeline_coverage")?.Detail as TargetDetail ?? Row(period, "required_pipeline")?.Detail as TargetDetail;
        decimal? Closable(string period) => (Row(period, "pipeline_coverage")?.Detail as TargetDetail)?.ClosableAmount;
        string Why(string period) => Row(period, "required_pipeline")?.MissingReason ?? "";

        var shown = periods.Where(p => Row(p, "required_pipeline")?.Value is not null).ToList();
        var slice = string.Join(", ", context.NewBusiness.Values.Select(v => v.Replace('_', ' ')));
        var table = new TableData
        {
            Id = "pipeline-required",
            Caption = $"Pipeline against required, {slice}, {context.Period.Label}",
            Columns = [new("Period", OneLine: true), new("Target", true), new("Booked so far", true), new("Still to book", true), new("Win rate", true), new("Required pipeline", true), new("Closable pipeline", true), new("Coverage", true)],
            Rows = [.. periods.Select(p =>
            {
                var target = Target(p);
                var required = Row(p, "required_pipeline");
                return new TableRow(
                [
                    TableCell.Of(p).WithTitle(required?.MissingReason),
                    TableCell.Value(target?.Target, Unit.Money, context.Currency, Why(p)),
                    TableCell.Value(target?.BookedSoFar, Unit.Money, context.Currency, Why(p)),
                    TableCell.Value(target?.Remaining, Unit.Money, context.Currency, Why(p)),
                    TableCell.Value((required?.Detail as TargetDetail)?.WinRate, Unit.Ratio, context.Currency, Why(p)),
                    IndicatorTables.Cell(required, "required_pipeline", context.Currency),
                    TableCell.Value(Closable(p), Unit.Money, context.Currency, Why(p)),
                    IndicatorTables.Cell(Row(p, "pipeline_coverage"), "pipeline_coverage", context.Currency),
                ]);
            })],
        };
        var chart = new SeriesChartData
        {
            Categories = shown,
            Series =
            [
                new ChartSeries { Name = "Closable pipeline", Values = [.. shown.Select(Closable)], Role = "actual" },
                new ChartSeries { Name = "Required pipeline", Values = [.. shown.Select(p => Row(p, "required_pipeline")?.Value)], Role = "plan" },
            ],
            Format = ChartFormat.Money,
            Description = $"Closable pipeline against required pipeline ({slice}): "
                + (shown.Count == 0 ? "no period with a plan still under way." : string.Join("; ", shown.Select(p => $"{p} {context.Money(Closable(p))} against {context.Money(Row(p, "required_pipeline")?.Value)}"))),
            Table = ChartTables.Of(table),
        };

        var headline = Row(context.Period.Label, "required_pipeline") is { Value: { } required } && Target(context.Period.Label) is { } t
            ? $"{context.Money(Closable(context.Period.Label))} of {slice} pipeline can close in {context.Period.Label}, against {context.Money(required)} required: "
              + $"{context.Money(t.Remaining)} of the {context.Money(t.Target)} plan is still to book{(t.WinRate is { } w ? $", at a {Readable.Percent(w, 0)} win rate" : "")}."
            : $"No required pipeline for {context.Period.Label}: {Why(context.Period.Label)}.";
        return new RevenueSectionView
        {
            Title = "Pipeline against required",
            Lede = "Open deals that can still close in a period (expected to close in it or earlier) against the pipeline the rest of its bookings plan needs at the trailing four quarters' win rate. Only periods not yet over, with a bookings plan, have one.",
            Headlines = [headline],
            Charts = shown.Count == 0 ? [] : [new RevenueChart("pipeline-required-chart", "Closable against required pipeline", chart, 300)],
            Tables = [table],
            Currency = context.Currency,
        };
    }
}
