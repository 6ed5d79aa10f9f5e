namespace Bellwether.Import.Mapping;

/// <summary>
/// A mapping (docs/mapping.md): which source file each canonical file comes from and how its columns are read. Read
/// from JSON by <see cref="Load"/> or <see cref="Parse"/>, which check it against the folder format and throw a
/// <see cref="MappingException"/> naming the key of any mistake.
/// </summary>
public sealed record MappingFile
{
    /// <summary>What messages call the mapping: its file name, or the preset's name for a built-in mapping.</summary>
    public required string Name { get; init; }

    /// <summary>The mapping file's path; null for a built-in mapping.</summary>
    public string? Path { get; init; }

    public string? Description { get; init; }

    /// <summary>The stage a deal had before anything is known of it (opportunity_history.csv); null keeps the workspace's.</summary>
    public string? HistoryFallbackStage { get; init; }

    /// <summary>Date formats tried in order before ISO 8601, for every date column unless a file or column names its own.</summary>
    public IReadOnlyList<string> Dates { get; init; } = [];

    /// <summary>The time zone of times written without an offset; null is UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    public required IReadOnlyList<TableMapping> Tables { get; init; }

    internal NumberReading Numbers { get; init; } = NumberReading.Canonical;

    public static MappingFile Load(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new MappingException(name, null, $"no such mapping file: {System.IO.Path.GetFullPath(path)}");
        }

        return MappingReader.Read(File.ReadAllText(path), name) with { Path = System.IO.Path.GetFullPath(path) };
    }

    /// <param name="json">The mapping's JSON text.</param>
    /// <param name="name">What messages call the mapping.</param>
    public static MappingFile Parse(string json, string name) => MappingReader.Read(json, name);
}
