using System.Globalization;
using System.Text;
using Bellwether.Cli;
using Bellwether.Core.Import;

namespace Bellwether.Import;

/// <summary>
/// The report of an import, written to a folder: <c>report.txt</c> (the summary and every error, one per line),
/// <c>errors.csv</c> (file, line, column, value, reason) and, for rejected rows, <c>quarantine/FILE</c> holding the
/// header and the rejected rows of each source file byte for byte, so that they can be fixed and imported again.
/// </summary>
public static class ImportReport
{
    /// <summary>
    /// A new folder under the current directory, named by the instant — or, when the current directory is the folder
    /// being imported or inside it (<c>cd export &amp;&amp; bellwether import .</c>), beside that folder, where the next
    /// import will not read it.
    /// </summary>
    public static string DefaultFolder(DateTimeOffset now, string? importFolder = null)
    {
        var name = $"import-report-{now.UtcDateTime:yyyyMMdd-HHmmss}";
        var here = Path.GetFullPath(name);
        if (importFolder is null || !Inside(here, importFolder))
        {
            return here;
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(importFolder).TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(parent ?? Path.GetTempPath(), name);
    }

    /// <summary>Refuses a report folder inside the folder being imported: the next import would read it.</summary>
    public static void CheckOutside(string reportFolder, string importFolder)
    {
        if (Inside(reportFolder, importFolder))
        {
            throw new UserErrorException($"--report {reportFolder}: the report cannot go inside the folder being imported");
        }
    }

    private static bool Inside(string folder, string container)
    {
        var inner = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var outer = Path.GetFullPath(container).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return inner.StartsWith(outer, StringComparison.Ordinal);
    }

    public static void Write(string folder, ImportSource source, ImportResult result, TableData summary)
    {
        Directory.CreateDirectory(folder);
        var text = new StringBuilder();
        text.Append("Bellwether import of ").Append(source.Description).Append('\n');
        text.Append(result.Stored ? "Stored" : "Rejected: nothing was stored").Append('\n');
        if (result.AsOf is { } asOf)
        {
            text.Append("Export instant (as of): ").Append(Core.Time.Instants.Format(asOf)).Append('\n');
        }

        text.Append('\n');
        using (var writer = new StringWriter(text))
        {
            Output.Csv(writer, summary);
        }

        foreach (var note in result.Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }

        text.Append('\n').Append(result.ErrorCount.ToString("N0", CultureInfo.InvariantCulture)).Append(result.ErrorCount == 1 ? " error" : " errors");
        text.Append(result.UnlistedErrors.Count == 0 ? "\n" : $" (the first {ImportErrors.ListedPerColumn:N0} of each file and column listed, the rest counted at the end)\n");
        foreach (var error in result.Errors)
        {
            text.Append(error).Append('\n');
        }

        foreach (var unlisted in result.UnlistedErrors)
        {
            text.Append(unlisted).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "report.txt"), text.ToString());

        using (var errors = new StreamWriter(Path.Combine(folder, "errors.csv"), false, new UTF8Encoding(false)))
        {
            Output.Csv(errors, new TableData(
                ["file", "line", "column", "value", "reason"],
                [.. result.Errors.Select(e => (IReadOnlyList<object?>)[e.File, e.Line, e.Column, e.Value, e.Reason])]));
        }

        foreach (var (fileIndex, lines) in result.RejectedLines)
        {
            var file = fileIndex >= 0 && fileIndex < source.Files.Count ? source.Files[fileIndex] : null;
            if (file?.Path is null || lines.Count == 0)
            {
                continue;
            }

            var quarantine = Path.Combine(folder, "quarantine");
            Directory.CreateDirectory(quarantine);
            CsvFile.CopyLines(file.Path, lines, Path.Combine(quarantine, file.Name));
        }
    }
}
