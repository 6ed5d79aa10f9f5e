using Bellwether.Import.Presets;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Presets;

/// <summary>The olist-funnel preset against the real data set in ../shared/data/olist-funnel.</summary>
public sealed class OlistFunnelPresetTests
{
    private const string DealsFile = "olist_closed_deals_dataset.csv";
    private const string LeadsFile = "olist_marketing_qualified_leads_dataset.csv";
    private const string WonBeforeContact = "b91cf8812365f50ff4bda4bcd6206b05";

    private static readonly Lazy<ReadBack> Olist = new(() => ReadBack.Of(PresetCatalog.Open("olist-funnel", SharedData.Folder("olist-funnel"))));

    private static ReadBack Read()
    {
        SharedData.Folder("olist-funnel");
        return Olist.Value;
    }

    [Fact]
    public void EveryRow_PassesTheImportsChecks()
    {
        Assert.Empty(Read().Messages);
    }

    [Fact]
    public void Leads_AreEveryQualifiedLead_LinkedToItsWonDeal()
    {
        var leads = Read()["leads.csv"];
        Assert.Equal(8_000, leads.Count);
        Assert.All(leads, l => Assert.Equal("inbound", l["source"]));
        Assert.Equal(842, leads.Count(l => l["opportunity_id"] is not null));
        Assert.All(leads.Where(l => l["opportunity_id"] is not null), l => Assert.Equal(l["lead_id"], l["opportunity_id"]));

        var first = leads[0];
        Assert.Equal(
            (LeadsFile, 2, "dac32acd4db4c29c230538b72f8dd87d", "2018-02-01", "social"),
            (first.File, first.Line, first["lead_id"], first["created_at"], first["channel"]));
        Assert.Equal("88740e65d5d6b056e0cda098e1ea6313", first.Attribute("landing_page_id"));
    }

    [Fact]
    public void LeadsWithoutOrigin_AreInChannelUnknown()
    {
        var leads = Read()["leads.csv"];

        // 1,099 leads say "unknown" themselves; 60 have no origin.
        Assert.Equal(1_099 + 60, leads.Count(l => l["channel"] == "unknown"));
        Assert.DoesNotContain(leads, l => l["channel"] is null);
    }

    [Fact]
    public void Opportunities_AreTheWonDeals()
    {
        var deals = Read()["opportunities.csv"];
        Assert.Equal(842, deals.Count);
        Assert.All(deals, d => Assert.Equal(("won", "won"), (d["stage"], d["status"])));
        Assert.Equal(797, deals.Count(d => decimal.Parse(d["amount"]!, System.Globalization.CultureInfo.InvariantCulture) == 0));
        Assert.Equal(10, deals.Count(d => d["service_line"] == "unknown"));

        var first = deals[0];
        Assert.Equal(
            (DealsFile, 2, "5420aad7fec3549a85876ba1c529bd84", "2c43fb513632d29b3b58df74816f1b06", "4ef15afb4b2723d8f3d81e51ec7afefe", "reseller", "2018-02-26 19:58:54", "0.0"),
            (first.File, first.Line, first["opportunity_id"], first["account_id"], first["owner_rep_id"], first["service_line"], first["closed_at"], first["amount"]));
        Assert.Equal("a8387c01a09e99ce014107505b92388c", first.Attribute("sdr_id"));
    }

    [Fact]
    public void DealWonBeforeFirstContact_IsRepairedToACycleOfZero()
    {
        var read = Read();
        var deal = Assert.Single(read["opportunities.csv"], d => d["opportunity_id"] == WonBeforeContact);
        Assert.Equal(("2018-03-06 19:38:55", "2018-03-06 19:38:55"), (deal["created_at"], deal["closed_at"]));
        Assert.Equal(669, deal.Line);
        Assert.Equal(1, read.Source.Notes.Repaired["opportunities.csv"]);
        Assert.Contains(read.Source.Notes.All, n => n.StartsWith($"{DealsFile}: 797 of the deals declare no monthly revenue", StringComparison.Ordinal));
        Assert.Contains(read.Source.Notes.All, n => n.StartsWith($"{DealsFile}:669 {WonBeforeContact}: won_date", StringComparison.Ordinal));

        // Every other deal is created at its lead's first contact.
        var lead = Assert.Single(read["leads.csv"], l => l["lead_id"] == "5420aad7fec3549a85876ba1c529bd84");
        Assert.Equal(lead["created_at"], read["opportunities.csv"][0]["created_at"]);
    }

    [Fact]
    public void Accounts_AreTheSellersWon()
    {
        var accounts = Read()["accounts.csv"];
        Assert.Equal(842, accounts.Count);
        Assert.Equal(8, accounts.Count(a => a["vertical"] == "jewelry"));
        Assert.DoesNotContain(accounts, a => a["vertical"] == "jewerly");
        Assert.Single(accounts, a => a["vertical"] == "unknown");

        var first = accounts[0];
        Assert.Equal(("2c43fb513632d29b3b58df74816f1b06", "pet", "online_medium"), (first["account_id"], first["vertical"], first.Attribute("lead_type")));
    }

    [Fact]
    public void Reps_AreSalesRepsAndDevelopmentReps_BothBeingAnAe()
    {
        var reps = Read()["reps.csv"];
        Assert.Equal(41, reps.Count);
        Assert.Equal(22, reps.Count(r => r["role"] == "ae"));
        Assert.Equal(19, reps.Count(r => r["role"] == "sdr"));

        // The first deal's SR is an ae; its SDR also appears as an SR on a later deal, so is an ae too.
        var deals = File.ReadAllLines(Path.Combine(SharedData.Folder("olist-funnel"), DealsFile)).Skip(1).Select(l => l.Split(',')).ToList();
        var both = deals.Select(d => d[2]).Intersect(deals.Select(d => d[3])).First();
        Assert.Equal("ae", Assert.Single(reps, r => r["rep_id"] == both)["role"]);
        var onlySdr = deals.Select(d => d[2]).Except(deals.Select(d => d[3])).First();
        Assert.Equal("sdr", Assert.Single(reps, r => r["rep_id"] == onlySdr)["role"]);
    }

    [Fact]
    public void Source_NamesThePresetAndNoFallbackStage()
    {
        var source = Read().Source;
        Assert.Equal("olist-funnel", source.Preset);
        Assert.Null(source.HistoryFallbackStage);
    }

    [Fact]
    public void Progress_EndsAtTheTotalOfTheBytesRead()
    {
        var source = PresetCatalog.Open("olist-funnel", SharedData.Folder("olist-funnel"));
        foreach (var table in source.Tables)
        {
            foreach (var _ in table.Rows)
            {
            }
        }

        Assert.Equal(source.TotalBytes, source.BytesRead!.Invoke());
    }

    [Fact]
    public void BadValues_AreReportedAtTheSourceFileLineAndColumn()
    {
        using var folder = new TempFolder();
        var data = SharedData.Folder("olist-funnel");
        var deals = File.ReadAllLines(Path.Combine(data, DealsFile)).Take(11).ToArray();
        deals[3] = deals[3].Replace("2018-", "2018/", StringComparison.Ordinal);
        File.WriteAllLines(folder.File(DealsFile), deals);
        var leads = File.ReadAllLines(Path.Combine(data, LeadsFile));
        leads[1] = leads[1].Replace("2018-02-01", "01.02.2018", StringComparison.Ordinal);
        File.WriteAllLines(folder.File(LeadsFile), leads);

        var read = ReadBack.Of(PresetCatalog.Open("olist-funnel", folder.Path));

        var deal = deals[3].Split(',');
        var leadLine = Array.FindIndex(leads, l => l.StartsWith(deal[0], StringComparison.Ordinal)) + 1;
        Assert.Equal(
            [
                $"{DealsFile}:4 won_date: \"{deal[4]}\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                $"{LeadsFile}:2 first_contact_date: \"01.02.2018\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",

                // The rejected deal's lead names it: the import reports that too.
                $"{LeadsFile}:{leadLine} mql_id: \"{deal[0]}\" is not a opportunity_id in opportunities.csv or the store",
            ],
            read.Messages);
    }
}
