using Bellwether.Core.Import;

namespace Bellwether.Import;

/// <summary>Reads a folder in the Bellwether folder format (data-format.md) as an <see cref="ImportSource"/>.</summary>
public static class FolderSource
{
    public static ImportSource Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder");
        }

        var files = new List<SourceFile>();
        var tables = new List<SourceTable>();
        var problems = new List<ImportError>();
        var notes = new ImportNotes();
        var counter = new ByteCounter();
        long total = 0;
        // A folder where a file of the format belongs is a mistake to name, not a file to skip in silence.
        foreach (var path in Directory.EnumerateDirectories(folder).Where(p => FileSchemas.ForFile(Path.GetFileName(p)) is not null).Order(StringComparer.Ordinal))
        {
            problems.Add(new ImportError(Path.GetFileName(path), 0, "", null, "is a folder, not a file"));
        }

        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var schema = FileSchemas.ForFile(name);
            if (schema is null)
            {
                notes.Add($"{name}: ignored, not a file of the folder format");
                continue;
            }

            var index = files.Count;
            files.Add(new SourceFile(name, path));
            total += new FileInfo(path).Length;
            var header = CsvFile.ReadHeader(path);
            if (header is null)
            {
                problems.Add(new ImportError(name, 1, "", null, "is empty: expected a header row"));
                continue;
            }

            tables.Add(new SourceTable
            {
                Schema = schema,
                Header = header,
                HeaderFile = index,
                Rows = CsvFile.ReadRecords(path, counter).Select(r => new SourceRow(r.Values, index, r.Line)),
                Fingerprint = () => FileFingerprint.Of(path),
            });
        }

        return new ImportSource
        {
            Description = Path.GetFullPath(folder),
            Files = files,
            Tables = tables,
            Problems = problems,
            Notes = notes,
            TotalBytes = total,
            BytesRead = () => counter.Bytes,
        };
    }
}
