using Bellwether.Core.Import;

namespace Bellwether.Storage.Tests;

/// <summary>An import source made of CSV text held in memory (simple CSV: no quoted fields).</summary>
internal static class InMemorySource
{
    public static ImportSource Of(params (string File, string Content)[] files)
    {
        var tables = files.Select((f, index) =>
        {
            var lines = f.Content.Split('\n');
            return new SourceTable
            {
                Schema = FileSchemas.ForFile(f.File)!,
                Header = lines[0].Split(','),
                HeaderFile = index,
                Rows = lines.Skip(1).Select((line, i) => new SourceRow(line.Split(','), index, i + 2)).ToList(),
            };
        });
        return new ImportSource
        {
            Description = "memory",
            Files = [.. files.Select(f => new SourceFile(f.File, null))],
            Tables = [.. tables],
        };
    }
}
