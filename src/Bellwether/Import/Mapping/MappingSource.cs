using System.Text.RegularExpressions;
using Bellwether.Core.Import;

namespace Bellwether.Import.Mapping;

/// <summary>
/// Reads an export through a mapping (docs/mapping.md) as an <see cref="ImportSource"/>: each canonical table is
/// streamed from its source file, every row carrying the source file and line, every column labelled with the source
/// column it came from, so that the import's errors point into the files the user gave.
/// </summary>
public static class MappingSource
{
    /// <summary>Reads the export at <paramref name="path"/> through the mapping file at <paramref name="mappingPath"/>.</summary>
    /// <exception cref="MappingException">The mapping has a mistake, or does not fit the export.</exception>
    public static ImportSource Open(string mappingPath, string path) => Open(MappingFile.Load(mappingPath), path);

    /// <summary>
    /// Reads an export through a mapping. <paramref name="path"/> is the folder of the export's files, or one file,
    /// which is then the only file the mapping's sources can name.
    /// </summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="path">A folder, or a single export file.</param>
    /// <param name="preset">The preset's name when the mapping is a built-in one, for the import log.</param>
    /// <exception cref="MappingException">The mapping does not fit the export: a source file or column is not there.</exception>
    public static ImportSource Open(MappingFile mapping, string path, string? preset = null)
    {
        string[] candidates;
        if (File.Exists(path))
        {
            candidates = [Path.GetFullPath(path)];
        }
        else if (Directory.Exists(path))
        {
            candidates = [.. Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)];
        }
        else
        {
            throw new DirectoryNotFoundException($"{path}: no such folder or file");
        }

        var files = new SourceFiles(mapping.Name);
        var notes = new ImportNotes();
        var tables = new List<SourceTable>();
        foreach (var table in mapping.Tables)
        {
            var file = files.Add(FindSource(mapping, table, candidates, path));
            files.PlanPass(file);
            tables.Add(MappedTable.Bind(mapping, table, files, file, notes).Table());
        }

        var what = mapping.Path is null ? $"{mapping.Name}" : $"mapping {mapping.Path}";
        return new ImportSource
        {
            Description = $"{Path.GetFullPath(path)} ({what})",
            Files = files.Files,
            Tables = tables,
            Notes = notes,
            Preset = preset,
            HistoryFallbackStage = mapping.HistoryFallbackStage,
            TotalBytes = files.TotalBytes,
            BytesRead = files.BytesRead,
        };
    }

    private static string FindSource(MappingFile mapping, TableMapping table, string[] candidates, string path)
    {
        var pattern = new Regex(
            "^" + Regex.Escape(table.Source).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var matches = candidates.Where(c => pattern.IsMatch(Path.GetFileName(c))).ToList();
        var where = File.Exists(path) ? $"the file given ({Path.GetFileName(path)})" : Path.GetFullPath(path);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new MappingException(mapping.Name, MappingReader.Path(table.Key, "source"), $"no file named {table.Source} in {where}"),
            _ => throw new MappingException(
                mapping.Name,
                MappingReader.Path(table.Key, "source"),
                $"{table.Source} names {matches.Count} files in {where} ({string.Join(", ", matches.Select(Path.GetFileName))}); it must name one"),
        };
    }
}
