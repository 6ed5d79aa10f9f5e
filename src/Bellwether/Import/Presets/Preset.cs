using Bellwether.Core.Import;

namespace Bellwether.Import.Presets;

/// <summary>A named way of reading one kind of export (docs/presets.md).</summary>
public sealed record Preset
{
    public required string Name { get; init; }

    /// <summary>One line for <c>--help</c> and the list of presets: what the preset reads.</summary>
    public required string Summary { get; init; }

    /// <summary>What the preset expects to be given: a folder and its files, or an export file.</summary>
    public required string Expects { get; init; }

    /// <summary>
    /// The mapping JSON of a preset that is a built-in mapping, a starting point for a mapping of one's own
    /// (docs/mapping.md); null for a preset written in code.
    /// </summary>
    public string? MappingJson { get; init; }

    /// <summary>
    /// Reads an export, given its folder (or, for a preset reading one export file, that file), as the folder format.
    /// Throws <see cref="Mapping.MappingException"/> when a file or column the preset reads is not there, and
    /// <see cref="DirectoryNotFoundException"/> when the path does not exist.
    /// </summary>
    public required Func<string, ImportSource> Open { get; init; }
}
