using Bellwether.Cli;
using Bellwether.Core.Import;
using Bellwether.Core.Time;

namespace Bellwether.Import;

/// <summary>
/// What an import came to, as <c>bellwether import --format json</c> prints it and <c>POST …/imports</c> answers: stored
/// or not, the export's instant, per file the rows read, inserted, updated, unchanged, rejected, absent, derived and
/// repaired, how many errors there were, the errors listed as <c>file:line column: "value" reason</c> lines (the
/// first of each file and column; at most <see cref="ErrorsListed"/> over HTTP), and the rest counted by reason.
/// </summary>
public sealed record ImportSummary(
    bool Stored,
    DateTimeOffset? AsOf,
    long? ImportId,
    IReadOnlyList<ImportSummary.FileCounts> Files,
    long ErrorCount,
    IReadOnlyList<string> Errors,
    IReadOnlyList<UnlistedErrors> ErrorsNotListed,
    IReadOnlyList<string> Notes)
{
    /// <summary>The errors an answer over HTTP lists; <see cref="ErrorCount"/> says how many there were in all.</summary>
    public const int ErrorsListed = 1000;

    public static ImportSummary Of(ImportResult result, int errorsListed = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ImportSummary(
            result.Stored,
            result.AsOf,
            result.ImportId,
            [.. result.Files.Select(f => new FileCounts(f.File, f.Read, f.Counts.Inserted, f.Counts.Updated, f.Counts.Unchanged, f.Rejected, f.Counts.Absent, f.Counts.Derived, f.Repaired))],
            result.ErrorCount,
            [.. result.Errors.Take(errorsListed).Select(e => e.ToString())],
            result.UnlistedErrors,
            result.Notes);
    }

    /// <summary>
    /// The files' counts as the command line shows them. A table for people leaves out the rarer counts (absent, derived,
    /// repaired) where every file's is zero, so that it fits 100 columns; CSV and JSON keep every column, so that a
    /// script reading them finds the same ones on every import.
    /// </summary>
    public TableData Table(OutputFormat format = OutputFormat.Table)
    {
        var rare = new (string Name, Func<FileCounts, long> Count)[] { ("Absent", f => f.Absent), ("Derived", f => f.Derived), ("Repaired", f => f.Repaired) }
            .Where(c => format is OutputFormat.Csv or OutputFormat.Json || Files.Any(f => c.Count(f) != 0))
            .ToList();
        return new TableData(
            ["File", "Read", "Inserted", "Updated", "Unchanged", "Rejected", .. rare.Select(c => c.Name)],
            [.. Files.Select(f => (IReadOnlyList<object?>)[f.File, f.Read, f.Inserted, f.Updated, f.Unchanged, f.Rejected, .. rare.Select(c => (object?)c.Count(f))])])
        {
            Title = Stored ? $"Imported (as of {(AsOf is { } t ? Instants.Format(t) : "-")})" : "Rejected: nothing stored",
        };
    }

    /// <summary>One file's rows.</summary>
    public sealed record FileCounts(string File, long Read, long Inserted, long Updated, long Unchanged, long Rejected, long Absent, long Derived, long Repaired);
}
