using Bellwether.Import.Presets;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Presets;

/// <summary>The hubspot-deals preset on a small made-up "Export deals" CSV, its rows worked out by hand.</summary>
public sealed class HubSpotDealsPresetTests
{
    private const string Export = """
        Record ID,Deal Name,Deal Stage,Pipeline,Amount,Close Date,Create Date,Deal owner,Associated Company,Deal Type,Deal probability,Forecast category,Closed Lost Reason,Closed Won Reason
        101,Acme renewal,Closed Won,Sales Pipeline,"12,500.00",2024-03-28 16:20,2024-01-15 09:30,Jane Roe,Acme Corp,Existing Business,1,Closed won,,Champion
        102,Globex pilot,Closed Lost,Sales Pipeline,4000,2024-02-10 11:00,2023-12-01 08:00,John Doe,Globex,New Business,0,Not forecasted,Budget,
        103,Initech expansion,Contract Sent,Sales Pipeline,,2024-06-30 00:00,2024-03-01 10:15,Jane Roe,,New Business,0.9,Commit,,
        104,Umbrella,Appointment Scheduled,Partner Pipeline,$800,2024-07-15,2024-03-20 14:00,,Umbrella Inc,,0.2,Pipeline,,

        """;

    private static ReadBack Read(string export, string fileName = "hubspot-crm-exports-all-deals-2024-04-01.csv")
    {
        using var folder = new TempFolder();
        folder.Write(fileName, export);
        return ReadBack.Of(PresetCatalog.Open("hubspot-deals", folder.Path));
    }

    [Fact]
    public void Deals_BecomeOpportunities()
    {
        var read = Read(Export);
        Assert.Empty(read.Messages);
        Assert.Equal(
            [
                (2, "101", "Acme Corp", "Jane Roe", "Sales Pipeline", "expansion", "12500.00", "2024-01-15 09:30", "Closed Won", "won", "2024-03-28 16:20", null, null, "1", "closed"),
                (3, "102", "Globex", "John Doe", "Sales Pipeline", "new_business", "4000", "2023-12-01 08:00", "Closed Lost", "lost", "2024-02-10 11:00", null, "Budget", "0", "omitted"),
                (4, "103", "unassigned", "Jane Roe", "Sales Pipeline", "new_business", "0", "2024-03-01 10:15", "Contract Sent", "open", null, "2024-06-30", null, "0.9", "commit"),
                (5, "104", "Umbrella Inc", "unassigned", "Partner Pipeline", "new_business", "800", "2024-03-20 14:00", "Appointment Scheduled", "open", null, "2024-07-15", null, "0.2", "pipeline"),
            ],
            read["opportunities.csv"].Select(o => (
                o.Line, o["opportunity_id"], o["account_id"], o["owner_rep_id"], o["service_line"], o["type"], o["amount"], o["created_at"],
                o["stage"], o["status"], o["closed_at"], o["expected_close_date"], o["lost_reason"], o["probability"], o["forecast_category"])));

        var first = read["opportunities.csv"][0];
        Assert.Equal(("Acme renewal", "Champion"), (first.Attribute("Deal Name"), first.Attribute("Closed Won Reason")));
        Assert.Equal("hubspot-crm-exports-all-deals-2024-04-01.csv", first.File);
    }

    [Fact]
    public void Owners_BecomeReps_AndCompanies_Accounts()
    {
        var read = Read(Export);
        Assert.Equal([(2, "Jane Roe", "ae"), (3, "John Doe", "ae"), (5, "unassigned", "ae")], read["reps.csv"].Select(r => (r.Line, r["name"], r["role"])));
        Assert.Equal(
            [(2, "Acme Corp", "unknown"), (3, "Globex", "unknown"), (4, "unassigned", "unknown"), (5, "Umbrella Inc", "unknown")],
            read["accounts.csv"].Select(a => (a.Line, a["account_id"], a["vertical"])));
        Assert.Contains(
            "hubspot-crm-exports-all-deals-2024-04-01.csv: Amount was empty in 1 rows; opportunities.csv amount took the mapping's default \"0\"",
            read.Source.Notes.All);
        Assert.Equal("hubspot-deals", read.Source.Preset);
    }

    [Fact]
    public void CompanyIndustry_IsTheAccountsVertical()
    {
        var export = Export.Replace("Closed Won Reason\n", "Closed Won Reason,Industry\n", StringComparison.Ordinal)
            .Replace(",Champion\n", ",Champion,COMPUTER_SOFTWARE\n", StringComparison.Ordinal)
            .Replace(",Budget,\n", ",Budget,,\n", StringComparison.Ordinal)
            .Replace(",Commit,,\n", ",Commit,,,\n", StringComparison.Ordinal)
            .Replace(",Pipeline,,\n", ",Pipeline,,,\n", StringComparison.Ordinal);
        var read = Read(export);

        Assert.Empty(read.Messages);
        Assert.Equal(["COMPUTER_SOFTWARE", "unknown", "unknown", "unknown"], read["accounts.csv"].Select(a => a["vertical"]));
    }

    [Fact]
    public void BadValues_AreReportedAtTheExportsLineAndColumn()
    {
        var export = Export.Replace("2024-01-15 09:30", "15/01/2024", StringComparison.Ordinal)
            .Replace("4000,2024-02-10 11:00", "4000,", StringComparison.Ordinal)
            .Replace("0.9,Commit", "90%,Commit", StringComparison.Ordinal);
        var read = Read(export, "deals.csv");

        Assert.Equal(
            [
                "deals.csv:2 Create Date: \"15/01/2024\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                "deals.csv:3 Close Date: \"\" is required when status is lost",
                "deals.csv:4 Deal probability: \"90%\" is not a number (use . as the decimal point, no thousands separator or currency symbol)",
            ],
            read.Messages);
    }

    [Fact]
    public void ExportWithoutADealId_IsNamed()
    {
        using var folder = new TempFolder();
        folder.Write("deals.csv", "Deal Name,Deal Stage\nAcme,Closed Won\n");
        var e = Assert.Throws<Bellwether.Import.Mapping.MappingException>(() => PresetCatalog.Open("hubspot-deals", folder.Path));
        Assert.Equal(
            "hubspot-deals preset: files.\"reps.csv\".columns.rep_id.from: none of \"Deal owner\" or \"Owner\" is a column of deals.csv (its columns: Deal Name, Deal Stage)",
            e.Message);
    }
}
