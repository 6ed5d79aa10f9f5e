using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Variance;
using Bellwether.Queries;

namespace Bellwether.Variance;

/// <summary>
/// <c>bellwether explain METRIC [--period P] [--against plan|previous|last_year] [--by DIM] [--slice …] [--as-of T]</c>:
/// the gap against the plan or an earlier period, split into driver contributions that add up to it exactly, with the
/// sentence an owner reads first.
/// </summary>
public static class ExplainCommand
{
    /// <summary>The metric is the command's argument; the rest are options.</summary>
    private static readonly ParameterNames Names = ParameterNames.CommandLine("metric");

    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var metric = new Argument<string>("metric") { Description = $"What to explain: {string.Join(", ", VarianceExplainer.DriverMetrics)}, or any additive indicator" };
        var period = new Option<string?>("--period") { Description = "A period (2025-03, 2025-Q1, 2025, …); default: the current fiscal quarter" };
        var against = new Option<string?>("--against") { Description = "plan (default), previous (the period before) or last_year (the same period a year earlier)" };
        var by = new Option<string?>("--by") { Description = "Split the gap by one dimension (vertical, service_line, source, rep, …); default: the most telling of the usual ones" };
        var slice = new Option<string?>("--slice") { Description = "Restrict to a slice: dimension=value pairs joined by ';'" };
        var asOf = new Option<string?>("--as-of") { Description = "Explain with only what was known at this instant (a date means the end of that day); default: now" };
        var command = new Command("explain", "Why a metric is off its plan or its last period: the gap split into drivers that add up to it, by slice")
        {
            metric, period, against, by, slice, asOf,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Requests.Explain(
                new QueryReader(settings.Calendar, context.Now), result.GetRequiredValue(metric), result.GetValue(period), result.GetValue(against), result.GetValue(by),
                result.GetValue(slice), result.GetValue(asOf));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, Names);
            }

            var request = read.Value;
            var data = store.Load(workspace);
            var engine = context.Engine(data);
            if (SliceValues.Check(request.Filter, engine) is { Count: > 0 } absent)
            {
                return context.Refuse(absent, Names);
            }

            var explanation = VarianceExplainer.Explain(engine, request, () => context.Fit(data, request.AsOf));
            ExplainOutput.Write(context, result.GetValue(globals.Format), explanation, settings.Currency);
            return ExitCodes.Ok;
        });
        return command;
    }
}
