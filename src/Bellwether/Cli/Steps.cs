using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>
/// Named steps of a long command (loading the store, fitting the forecast, simulating a scenario…) with a spinner
/// and the time each takes, on stderr while a person watches; nothing at all when output goes to a file or a script.
/// <code>
/// var model = Steps.Run(context, step =>
/// {
///     step("Loading the store");
///     var data = store.Load(workspace);
///     step("Fitting the forecast");
///     return ForecastModel.Fit(data, asOf);
/// });
/// </code>
/// </summary>
internal static class Steps
{
    public static T Run<T>(CliContext context, Func<Action<string>, T> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        if (!context.Interactive)
        {
            return work(static _ => { });
        }

        return context.ErrorConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask? current = null;
                void Finish()
                {
                    if (current is not null)
                    {
                        current.IsIndeterminate = false;
                        current.Value = current.MaxValue;
                        current.StopTask();
                    }
                }

                void Step(string name)
                {
                    Finish();
                    current = ctx.AddTask(name, maxValue: 1);
                    current.IsIndeterminate = true;
                }

                var result = work(Step);
                Finish();
                return result;
            });
    }
}
