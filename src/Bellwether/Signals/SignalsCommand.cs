using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Indicators;
using Bellwether.Core.Plans;
using Bellwether.Core.Text;
using Bellwether.Queries;

namespace Bellwether.Signals;

/// <summary>
/// <c>bellwether signals [--pillar new_business|retention|expansion|cost_model] [--as-of T] [--period P]</c>: each pillar's
/// leading signals against plan, standard or benchmark, with their change since a week earlier and the reps or accounts
/// that need attention, by name.
/// </summary>
public static class SignalsCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var pillar = new Option<string?>("--pillar") { Description = $"One pillar: {string.Join(", ", SnakeCase.AllNames<Pillar>())}; default all four" };
        var asOf = new Option<string?>("--as-of") { Description = "Only what was known at this instant (a date means the end of that day); default: now" };
        var period = new Option<string?>("--period") { Description = "The period to watch (2025-Q1, 2025-03, 2025); default: the current fiscal quarter" };
        var command = new Command("signals", "Each pillar's leading signals against plan or benchmark, what changed in a week, and who needs attention")
        {
            pillar, asOf, period,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Requests.Signals(new QueryReader(settings.Calendar, context.Now), result.GetValue(pillar), result.GetValue(period), result.GetValue(asOf));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, ParameterNames.CommandLine());
            }

            var request = read.Value;

            // Every table: the retention signals read engagement.csv, which indicators alone never load.
            var signals = request.Run(new IndicatorEngine(store.Load(workspace)));
            SignalOutput.Write(context, result.GetValue(globals.Format), signals, request, settings.Currency);
            return ExitCodes.Ok;
        });
        return command;
    }
}
