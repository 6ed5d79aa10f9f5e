using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Plans;
using Bellwether.Core.PlanStatus;
using Bellwether.Core.Reporting;
using Bellwether.Indicators;
using Bellwether.Queries;

namespace Bellwether.Plans;

/// <summary>
/// <c>bellwether plans [--period P] [--pillar X] [--owner Y] [--as-of T] [--scenario NAME]</c>: each plan against its
/// actual to date and its forecast, with attainment, variance, status and what changed since a week earlier — by
/// default the plans of the month, fiscal quarter and fiscal year containing the as-of instant.
/// </summary>
public static class PlansCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var period = new Option<string?>("--period") { Description = "The plans of this period and of every period within it (2026 gives its months, quarters and the year); default: the month, fiscal quarter and fiscal year containing the as-of instant" };
        var pillar = new Option<string?>("--pillar") { Description = "One pillar: new_business, retention, expansion or cost_model" };
        var owner = new Option<string?>("--owner") { Description = "One owner's plans, e.g. President, COO, CFO" };
        var asOf = new Option<string?>("--as-of") { Description = "The plans as they stood at this instant, read with what was known then (a date means the end of that day); default: now" };
        var scenario = new Option<string?>("--scenario") { Description = "Forecast under a saved what-if scenario (see `bellwether scenario`)" };
        var command = new Command("plans", "Each plan against its actual and forecast: projected, attainment, variance, status (on_track, at_risk, off_track) and the change since a week earlier")
        {
            period, pillar, owner, asOf, scenario,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var read = Requests.Plans(new QueryReader(settings.Calendar, context.Now), result.GetValue(period), result.GetValue(pillar), result.GetValue(owner), result.GetValue(asOf), result.GetValue(scenario));
            var scenarioRead = read.Then(r => ScenarioBook.FindOrNone(store, workspace, r.Scenario));
            if (!scenarioRead.Ok)
            {
                return context.Refuse(scenarioRead.Problems, ParameterNames.CommandLine());
            }

            var query = read.Value!.Query with { Scenario = scenarioRead.Value };

            var data = store.Load(workspace, tables: IndicatorService.EngineTables);
            var report = PlanReport.Read(new PlanBook(store.PlanChanges(workspace)), context.Engine(data), context.Fits(data), query);
            PlanStatusTable.Write(context, result.GetValue(globals.Format), report, settings.Currency, NameBook.Of(data));
            return ExitCodes.Ok;
        });
        return command;
    }
}
