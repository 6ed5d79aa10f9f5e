using Bellwether.Import.Mapping;
using Bellwether.Import.Presets;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Presets;

/// <summary>The maven-crm preset against the real data set in ../shared/data/maven-crm.</summary>
public sealed class MavenCrmPresetTests
{
    private static readonly Lazy<ReadBack> Maven = new(() => ReadBack.Of(PresetCatalog.Open("maven-crm", SharedData.Folder("maven-crm"))));

    private static ReadBack Read()
    {
        SharedData.Folder("maven-crm");
        return Maven.Value;
    }

    [Fact]
    public void EveryRow_PassesTheImportsChecks()
    {
        Assert.Empty(Read().Messages);
    }

    [Fact]
    public void Opportunities_AreTheDataSetsDeals()
    {
        var deals = Read()["opportunities.csv"];
        Assert.Equal(8_800, deals.Count);
        Assert.Equal(4_238, deals.Count(d => d["status"] == "won"));
        Assert.Equal(2_473, deals.Count(d => d["status"] == "lost"));
        Assert.Equal(2_089, deals.Count(d => d["status"] == "open"));
        Assert.All(deals, d => Assert.Equal("new_business", d["type"]));
        Assert.All(deals, d => Assert.Equal("sales_pipeline.csv", d.File));
    }

    [Fact]
    public void Accounts_AreTheDataSetsAccountsAndUnassigned()
    {
        var accounts = Read()["accounts.csv"];
        Assert.Equal(86, accounts.Count);
        var unassigned = Assert.Single(accounts, a => a["account_id"] == "unassigned");

        // Synthesised from the first deal without an account, and located there.
        Assert.Equal(("sales_pipeline.csv", 11), (unassigned.File, unassigned.Line));
        Assert.Equal("unknown", unassigned["vertical"]);
        Assert.Equal(1_425, Read()["opportunities.csv"].Count(d => d["account_id"] == "unassigned"));
    }

    [Fact]
    public void Reps_AreTheAgentsAndTheirManagers()
    {
        var reps = Read()["reps.csv"];
        Assert.Equal(35, reps.Count(r => r["role"] == "ae"));
        Assert.Equal(6, reps.Count(r => r["role"] == "manager"));
        Assert.Equal(41, reps.Count);

        var dustin = Assert.Single(reps, r => r["rep_id"] == "Dustin Brinkmann");
        Assert.Equal(("manager", "Central", null), (dustin["role"], dustin["team"], dustin["manager_id"]));
        Assert.Equal(("sales_teams.csv", 2), (dustin.File, dustin.Line));
        var anna = Assert.Single(reps, r => r["rep_id"] == "Anna Snelling");
        Assert.Equal(("Anna Snelling", "Central", "Dustin Brinkmann", "ae"), (anna["name"], anna["team"], anna["manager_id"], anna["role"]));
        Assert.Equal("East", Assert.Single(reps, r => r["rep_id"] == "Cara Losch")["team"]);
    }

    [Fact]
    public void GtxPro_IsSpelledAsInProducts()
    {
        var deals = Read()["opportunities.csv"];
        Assert.Equal(1_480, deals.Count(d => d["service_line"] == "GTX Pro"));
        Assert.DoesNotContain(deals, d => d["service_line"] == "GTXPro");
        var z063 = Assert.Single(deals, d => d["opportunity_id"] == "Z063OYW0");
        Assert.Equal(("GTX Pro", "GTX"), (z063["service_line"], z063.Attribute("series")));
    }

    [Fact]
    public void Accounts_HaveCorrectedSpellingsAndRevenueInDollars()
    {
        var accounts = Read()["accounts.csv"];
        Assert.Equal(12, accounts.Count(a => a["vertical"] == "technology"));
        Assert.DoesNotContain(accounts, a => a["vertical"] == "technolgy" || a["region"] == "Philipines");

        var acme = Assert.Single(accounts, a => a["account_id"] == "Acme Corporation");
        Assert.Equal(("Acme Corporation", "technology", "United States", "2822"), (acme["name"], acme["vertical"], acme["region"], acme["employees"]));
        Assert.Equal(1_100_040_000m, decimal.Parse(acme["annual_revenue"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1996", acme.Attribute("year_established"));

        var bioholding = Assert.Single(accounts, a => a["account_id"] == "Bioholding");
        Assert.Equal("Philippines", bioholding["region"]);
        Assert.Equal(587_340_000m, decimal.Parse(bioholding["annual_revenue"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("accounts.csv", 5), (bioholding.File, bioholding.Line));
    }

    [Fact]
    public void ProspectingDeals_AreCreatedOnTheLatestDateOfThePipeline()
    {
        var deals = Read()["opportunities.csv"];
        var prospecting = deals.Where(d => d["stage"] == "Prospecting").ToList();
        Assert.Equal(500, prospecting.Count);
        Assert.All(prospecting, d => Assert.Equal("2017-12-31", d["created_at"]));

        var first = Assert.Single(deals, d => d["opportunity_id"] == "6CWZFOHJ");
        Assert.Equal(("sales_pipeline.csv", 8302, "open", null), (first.File, first.Line, first["status"], first["closed_at"]));
    }

    [Fact]
    public void Amounts_AreCloseValueWhenWonAndListPriceOtherwise()
    {
        var deals = Read()["opportunities.csv"];
        var won = Assert.Single(deals, d => d["opportunity_id"] == "1C1I7A6R");
        Assert.Equal(("won", "1054", "2016-10-20", "2017-03-01"), (won["status"], won["amount"], won["created_at"], won["closed_at"]));

        // A lost GTXPro deal has close_value 0; GTX Pro lists at 4821 in products.csv.
        var lost = Assert.Single(deals, d => d["opportunity_id"] == "KWVA7VR1");
        Assert.Equal(("lost", "4821", "Lost"), (lost["status"], lost["amount"], lost["stage"]));

        // An open GTX Basic deal (no close_value) lists at 550.
        Assert.Equal("550", Assert.Single(deals, d => d["opportunity_id"] == "6CWZFOHJ")["amount"]);
    }

    [Fact]
    public void Source_NamesThePresetAndItsFallbackStage()
    {
        var source = Read().Source;
        Assert.Equal("maven-crm", source.Preset);
        Assert.Equal("Engaging", source.HistoryFallbackStage);
        Assert.Equal(["sales_teams.csv", "accounts.csv", "products.csv", "sales_pipeline.csv"], source.Files.Select(f => f.Name));
        Assert.Contains(source.Notes.All, n => n.Contains("1,480 deals", StringComparison.Ordinal));
    }

    [Fact]
    public void Progress_EndsAtTheTotalOfTheBytesRead()
    {
        var source = PresetCatalog.Open("maven-crm", SharedData.Folder("maven-crm"));
        foreach (var table in source.Tables)
        {
            foreach (var _ in table.Rows)
            {
            }
        }

        Assert.True(source.TotalBytes > 0);
        Assert.Equal(source.TotalBytes, source.BytesRead!.Invoke());
    }

    [Fact]
    public void BadValues_AreReportedAtTheSourceFileLineAndColumn()
    {
        using var folder = new TempFolder();
        var data = SharedData.Folder("maven-crm");
        foreach (var name in new[] { "sales_teams.csv", "products.csv" })
        {
            File.Copy(Path.Combine(data, name), folder.File(name));
        }

        // The first 20 deals and all accounts, with one bad date, one bad deal stage and one bad revenue.
        var pipeline = File.ReadAllLines(Path.Combine(data, "sales_pipeline.csv")).Take(21).ToArray();
        pipeline[4] = pipeline[4].Replace("2017-03-09", "2017-13-09", StringComparison.Ordinal);
        pipeline[6] = pipeline[6].Replace(",Won,", ",Signed,", StringComparison.Ordinal);
        File.WriteAllLines(folder.File("sales_pipeline.csv"), pipeline);
        var accounts = File.ReadAllLines(Path.Combine(data, "accounts.csv"));
        accounts[2] = accounts[2].Replace("251.41", "n/a", StringComparison.Ordinal);
        File.WriteAllLines(folder.File("accounts.csv"), accounts);

        var read = ReadBack.Of(PresetCatalog.Open("maven-crm", folder.Path));

        Assert.Equal(
            [
                "accounts.csv:3 revenue: \"n/a\" is not a number (use . as the decimal point, no thousands separator or currency symbol)",
                "sales_pipeline.csv:5 close_date: \"2017-13-09\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                "sales_pipeline.csv:7 deal_stage: \"Signed\" is not one of open, won, lost",
            ],
            read.Messages);
    }

    [Fact]
    public void MissingFile_IsNamed()
    {
        using var folder = new TempFolder();
        folder.Write("sales_teams.csv", "sales_agent,manager,regional_office\n");
        var e = Assert.Throws<MappingException>(() => PresetCatalog.Open("maven-crm", folder.Path));
        Assert.StartsWith("maven-crm preset: accounts.csv is not in ", e.Message, StringComparison.Ordinal);
    }
}
