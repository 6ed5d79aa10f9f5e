using Bellwether.Core.Import;
using Bellwether.Import.Mapping;

namespace Bellwether.Import.Presets;

/// <summary>Every preset, by name: how <c>bellwether import --preset NAME PATH</c> reads an export.</summary>
public static class PresetCatalog
{
    public static IReadOnlyList<Preset> All { get; } =
    [
        MavenCrmPreset.Preset,
        OlistFunnelPreset.Preset,
        BuiltIn(HubSpotDealsMapping.Name, HubSpotDealsMapping.Json, "a HubSpot \"Export deals\" CSV: deals, their owners as reps and their companies as accounts", "the exported CSV file, or a folder holding only it"),
        BuiltIn(SalesforceOpportunitiesMapping.Name, SalesforceOpportunitiesMapping.Json, "a Salesforce opportunities report or Data Loader export: opportunities, owners as reps, accounts with their industry", "the exported CSV file, or a folder holding only it"),
    ];

    /// <summary>The preset of that name (matched ignoring case), or null.</summary>
    public static Preset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads an export with the named preset.</summary>
    /// <exception cref="ArgumentException">No preset has that name; the message lists those there are.</exception>
    /// <exception cref="MappingException">A file or column the preset reads is not there.</exception>
    /// <exception cref="DirectoryNotFoundException">The path does not exist.</exception>
    public static ImportSource Open(string name, string path)
    {
        var preset = Find(name)
            ?? throw new ArgumentException($"{name} is not a preset (presets: {string.Join(", ", All.Select(p => p.Name))})", nameof(name));
        return preset.Open(path);
    }

    private static Preset BuiltIn(string name, string json, string summary, string expects)
    {
        var mapping = new Lazy<MappingFile>(() => MappingFile.Parse(json, $"{name} preset"));
        return new Preset
        {
            Name = name,
            Summary = summary,
            Expects = expects,
            MappingJson = json,
            Open = path => MappingSource.Open(mapping.Value, path, name),
        };
    }
}
