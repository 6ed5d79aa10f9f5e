using Bellwether.Core.Import;
using Bellwether.Import.Mapping;
using Bellwether.Import.Presets;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Presets;

public sealed class PresetCatalogTests
{
    [Fact]
    public void Catalog_ListsEveryPreset()
    {
        Assert.Equal(["maven-crm", "olist-funnel", "hubspot-deals", "salesforce-opportunities"], PresetCatalog.All.Select(p => p.Name));
        Assert.All(PresetCatalog.All, p => Assert.False(string.IsNullOrWhiteSpace(p.Summary)));
    }

    [Fact]
    public void BuiltInMappings_AreValidMappingFiles()
    {
        var builtIn = PresetCatalog.All.Where(p => p.MappingJson is not null).ToList();
        Assert.Equal(["hubspot-deals", "salesforce-opportunities"], builtIn.Select(p => p.Name));
        Assert.All(builtIn, p => Assert.Equal(3, MappingFile.Parse(p.MappingJson!, p.Name).Tables.Count));
    }

    [Fact]
    public void Find_IgnoresCase()
    {
        Assert.Equal("maven-crm", PresetCatalog.Find("Maven-CRM")?.Name);
        Assert.Null(PresetCatalog.Find("pipedrive"));
    }

    [Fact]
    public void UnknownPreset_ListsThePresets()
    {
        var e = Assert.Throws<ArgumentException>(() => PresetCatalog.Open("pipedrive", "."));
        Assert.StartsWith("pipedrive is not a preset (presets: maven-crm, olist-funnel, hubspot-deals, salesforce-opportunities)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolder_IsNamed()
    {
        Assert.Throws<DirectoryNotFoundException>(() => PresetCatalog.Open("olist-funnel", "/no/such/folder"));
        Assert.Throws<DirectoryNotFoundException>(() => PresetCatalog.Open("hubspot-deals", "/no/such/folder"));
    }

    [Theory]
    [InlineData("maven-crm", 41, 86, 8_800, 0, 0)]
    [InlineData("olist-funnel", 41, 842, 842, 8_000, 1)]
    public void Import_StoresEveryRowOfTheDataSet(string preset, int reps, int accounts, int opportunities, int leads, int repaired)
    {
        var source = PresetCatalog.Open(preset, SharedData.Folder(preset));
        var session = new InMemorySession();
        var result = new ImportRunner(session).Run(source, new ImportOptions { StartedAt = DateTimeOffset.UnixEpoch });

        Assert.Empty(result.Errors);
        Assert.True(result.Stored);
        var files = result.Files.ToDictionary(f => f.File);
        Assert.Equal(reps, files["reps.csv"].Read);
        Assert.Equal(accounts, files["accounts.csv"].Read);
        Assert.Equal(opportunities, files["opportunities.csv"].Counts.Inserted);
        Assert.Equal(leads, files.GetValueOrDefault("leads.csv")?.Read ?? 0);
        Assert.Equal(repaired, files["opportunities.csv"].Repaired);
        Assert.Equal(preset, session.Committed!.Preset);
        Assert.Equal(source.HistoryFallbackStage, session.Committed.HistoryFallbackStage);
    }
}
