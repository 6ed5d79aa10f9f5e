using System.CommandLine;
using Bellwether.Cli;
using Bellwether.Core.Digest;
using Bellwether.Core.Plans;
using Bellwether.Queries;

namespace Bellwether.Digest;

/// <summary>
/// <c>bellwether digest --owner COO [--as-of T] [--format md|html|json] [--out FILE]</c>: an owner's week on one page —
/// their plans' status and forecast, what changed since last week, why the headline plan is off, the signals that
/// moved, and who needs attention.
/// </summary>
public static class DigestCommand
{
    public static Command Create(GlobalOptions globals, CliContext context)
    {
        var owner = new Option<string>("--owner") { Description = "The owner as plans.csv names them: President, COO, CFO or a name", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "Only what was known at this instant (a date means the end of that day); default: now" };
        var output = new Option<string?>("--out") { Description = "Write the digest to this file instead of printing it" };
        var command = new Command("digest", "An owner's week on one page: plans and forecast, what changed, why, the signals that moved, who needs attention (md, html or json)")
        {
            owner, asOf, output,
        };
        command.SetHandler(context, result =>
        {
            using var store = globals.OpenExistingStore(result, context);
            var workspace = globals.WorkspaceName(result, context);
            var settings = store.Settings(workspace);
            var book = new PlanBook(store.PlanChanges(workspace));
            var read = Requests.Digest(new QueryReader(settings.Calendar, context.Now), result.GetRequiredValue(owner), result.GetValue(asOf))
                .Then(request => PlanOwners.Find(book, request));
            if (!read.Ok)
            {
                return context.Refuse(read.Problems, ParameterNames.CommandLine());
            }

            var request = read.Value;
            var digest = Steps.Run(context, step =>
            {
                step("Loading the store");
                var data = store.Load(workspace);
                step($"Reading the {request.Owner}'s plans, forecasts, explanations and signals");
                return DigestReader.Read(context.Engine(data), book, request.Owner, request.AsOf, request.LatestPlans, context.Fits(data));
            });
            var text = result.GetValue(globals.Format) switch
            {
                OutputFormat.Html => DigestHtml.Write(digest),
                OutputFormat.Json => Json.Serialize(digest),
                _ => DigestMarkdown.Write(digest),
            };
            if (result.GetValue(output) is { } path)
            {
                File.WriteAllText(path, text);
                context.Error.WriteLine($"wrote {Path.GetFullPath(path)}");
            }
            else
            {
                context.Output.Write(text);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
