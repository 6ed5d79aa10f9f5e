using Bellwether.Core.Indicators;
using Bellwether.Core.Reporting;
using Bellwether.Dashboard.Charts;
using Bellwether.Dashboard.Tables;

namespace Bellwether.Dashboard.Revenue;

/// <summary>
/// New pipeline against burn, step by step: the new-business pipeline created (new_pipeline) beside the pipeline that
/// left by closing won or lost (pipeline_outflow), and the net change; with the hiring signal — how many reps to add by
/// when for the next period's plan — and the arithmetic behind it (hiring_signal's detail).
/// </summary>
public static class PipelineAgainstBurn
{
    public static RevenueSectionView Of(RevenueContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rows = context.Rows(["new_pipeline", "pipeline_outflow", "net_pipeline_change"], context.Grain, within: context.NewBusiness);
        var pivot = IndicatorPivot.ByPeriod(rows);
        var steps = context.Steps;
        var slice = string.Join(", ", context.NewBusiness.Values.Select(v => v.Replace('_', ' ')));
        var table = IndicatorTables.Of("pipeline-burn", $"New pipeline against burn by {context.GrainWord}, {slice}, {context.Period.Label}", pivot,
            char.ToUpperInvariant(context.GrainWord[0]) + context.GrainWord[1..], TableCell.Of,
            [("New pipeline", "new_pipeline"), ("Burn (closed won or lost)", "pipeline_outflow"), ("Net change", "net_pipeline_change")], context.Currency, steps);
        var chart = new SeriesChartData
        {
            Categories = steps,
            Series =
            [
                new ChartSeries { Name = "New pipeline", Values = [.. steps.Select(s => pivot.Value(s, "new_pipeline"))], Role = "actual" },
                new ChartSeries { Name = "Burn", Values = [.. steps.Select(s => pivot.Value(s, "pipeline_outflow"))], Role = "muted" },
                new ChartSeries { Name = "Net change", Kind = "line", Values = [.. steps.Select(s => pivot.Value(s, "net_pipeline_change"))], Role = "median" },
            ],
            Format = ChartFormat.Money,
            Description = $"New pipeline against burn by {context.GrainWord}, {context.Period.Label}: "
                + string.Join("; ", steps.Select(s => $"{s} {context.Money(pivot.Value(s, "new_pipeline"))} created, {context.Money(pivot.Value(s, "pipeline_outflow"))} closed")) + ".",
            Table = ChartTables.Of(table),
        };

        var hiring = context.Rows(["hiring_signal"], within: context.NewBusiness)[0];
        var detail = hiring.Detail as HiringDetail;
        var total = context.Rows(["new_pipeline", "pipeline_outflow"], within: context.NewBusiness);
        decimal? created = total.FirstOrDefault(r => r.Indicator == "new_pipeline")?.Value, burnt = total.FirstOrDefault(r => r.Indicator == "pipeline_outflow")?.Value;
        var headlines = new List<string>();
        if (created is { } c && burnt is { } b)
        {
            headlines.Add($"{context.Money(c)} of new pipeline in {context.Period.Label} against {context.Money(b)} closed won or lost: the pipeline {(c >= b ? "grew" : "shrank")} by {context.Money(Math.Abs(c - b))}.");
        }

        headlines.Add(detail is null
            ? $"Hiring: {hiring.MissingReason ?? "no signal"}."
            : detail.RepsToAdd == 0
                ? $"Hiring: no rep to add for {detail.TargetPeriod}: current reps create {context.Money(detail.CurrentCapacity)} of the {context.Money(detail.Needed)} of new pipeline it still needs."
                : $"Hiring: add {detail.RepsToAdd} {Role(detail.HireRole)}{(detail.RepsToAdd == 1 ? "" : "s")}{(detail.StartBy is { } by ? $" by {by:yyyy-MM-dd}" : "")} to make {detail.TargetPeriod}: current reps create {context.Money(detail.CurrentCapacity)} of the {context.Money(detail.Needed)} of new pipeline it still needs.");

        var tables = new List<TableData> { table };
        if (detail is not null)
        {
            tables.Add(new TableData
            {
                Id = "hiring",
                Caption = $"The hiring signal for {detail.TargetPeriod}",
                Columns = [new("Figure"), new("Value", true)],
                Rows =
                [
                    new([TableCell.Of("New pipeline still needed"), TableCell.Value(detail.Needed, Unit.Money, context.Currency)]),
                    new([TableCell.Of("What current reps create in the window"), TableCell.Value(detail.CurrentCapacity, Unit.Money, context.Currency)]),
                    new([TableCell.Of("Shortfall"), TableCell.Value(detail.Shortfall, Unit.Money, context.Currency)]),
                    new([TableCell.Of("New pipeline a month per ramped rep"), TableCell.Value(detail.PipelinePerRampedRep, Unit.Money, context.Currency)]),
                    new([TableCell.Of("Ramped months one hire adds in the window"), TableCell.Count(detail.HireMonths)]),
                    new([TableCell.Of($"{Role(detail.HireRole)}s to add"), TableCell.Count(detail.RepsToAdd)]),
                    new([TableCell.Of("Start by"), TableCell.Date(detail.StartBy)]),
                    new([TableCell.Of("Window pipeline closes in the target period"), TableCell.Of($"{TableText(detail.WindowStart)} to {TableText(detail.WindowEnd)}")]),
                ],
            });
        }

        return new RevenueSectionView
        {
            Title = "New pipeline against burn",
            Lede = $"New-business pipeline created in each {context.GrainWord} against the pipeline that closed won or lost (the burn). When more burns than is created, the pipeline shrinks; the hiring signal says how many reps the next period's plan needs, and by when.",
            Headlines = headlines,
            Charts = [new RevenueChart("pipeline-burn-chart", $"New pipeline against burn by {context.GrainWord}", chart, 320)],
            Tables = tables,
            Currency = context.Currency,
        };
    }

    private static string Role(string role) => role switch
    {
        "ae" => "AE",
        "sdr" => "SDR",
        "am" => "account manager",
        _ => role.Replace('_', ' '),
    };

    private static string TableText(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
