using Bellwether.Core.Import;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Bellwether.Import;

/// <summary>A live progress bar on stderr for long imports: bytes read, rows, and rows per second.</summary>
internal static class ImportProgressView
{
    public static T Run<T>(IAnsiConsole console, Func<IProgress<ImportProgress>, T> work)
    {
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Reading", maxValue: 1);
                var started = DateTime.UtcNow;
                var progress = new Progress(task, started);
                return work(progress);
            });
    }

    private sealed class Progress(ProgressTask task, DateTime started) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Description = value.Phase switch
            {
                ImportPhase.Reading => $"Reading {value.File}",
                ImportPhase.Checking => "Checking keys and references",
                ImportPhase.Storing => "Storing",
                _ => "Done",
            };
            task.MaxValue = Math.Max(1, value.TotalBytes);
            task.Value = Math.Min(value.BytesRead, task.MaxValue);
            var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
            task.State.Update<long>("rows", _ => value.Rows);
            task.State.Update<double>("rate", _ => value.Rows / seconds);
        }
    }

    private sealed class RowsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rows = task.State.Get<long>("rows");
            var rate = task.State.Get<double>("rate");
            return new Text(FormattableString.Invariant($"{rows:#,0} rows  {rate:#,0} rows/s"));
        }
    }
}
