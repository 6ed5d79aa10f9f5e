using Bellwether.Import.Presets;
using Bellwether.Testing;

namespace Bellwether.Tests.Import.Presets;

/// <summary>The salesforce-opportunities preset on small made-up exports, their rows worked out by hand.</summary>
public sealed class SalesforceOpportunitiesPresetTests
{
    private const string Report = """
        "Opportunity ID","Opportunity Name","Account Name","Account ID","Opportunity Owner","Stage","Amount","Probability (%)","Close Date","Created Date","Type","Lead Source","Forecast Category","Industry","Fiscal Period"
        "0065g00000AbCdE","Acme - 200 seats","Acme Corp","0015g00000XyZ01","Jane Roe","Closed Won","USD 24,000.00","100%","3/28/2024","1/15/2024 9:30 AM","New Customer","Web","Closed","Technology","Q1-2024"
        "0065g00000AbCdF","Globex - pilot","Globex","0015g00000XyZ02","John Doe","Closed Lost","4,000.00","0%","2/10/2024","12/1/2023 8:00 PM","Existing Customer - Upgrade","Partner Referral","Omitted","Manufacturing","Q1-2024"
        "0065g00000AbCdG","Acme - renewal","Acme Corp","0015g00000XyZ01","Jane Roe","Negotiation/Review","","90%","6/30/2024","3/1/2024 10:15 AM","Existing Customer - Replacement","","Best Case","Technology","Q2-2024"

        """;

    private const string DataLoader = """
        Id,AccountId,OwnerId,Name,StageName,Amount,Probability,CloseDate,CreatedDate,Type,LeadSource,ForecastCategoryName,IsClosed,IsWon
        0065g00000AbCdE,0015g00000XyZ01,0055g00000Own01,Acme - 200 seats,Closed Won,24000.0,100.0,2024-03-28,2024-01-15T09:30:00.000Z,New Customer,Web,Closed,true,true
        0065g00000AbCdG,0015g00000XyZ01,0055g00000Own01,Acme - renewal,Prospecting,,10.0,2024-06-30,2024-03-01T10:15:00.000Z,,,Pipeline,false,false

        """;

    private static ReadBack Read(string export)
    {
        using var folder = new TempFolder();
        var file = folder.Write("report1711900000000.csv", export);

        // An export file may be given itself, not only its folder.
        return ReadBack.Of(PresetCatalog.Open("salesforce-opportunities", file));
    }

    [Fact]
    public void ReportRows_BecomeOpportunities()
    {
        var read = Read(Report);
        Assert.Empty(read.Messages);
        Assert.Equal(
            [
                (2, "0065g00000AbCdE", "0015g00000XyZ01", "Jane Roe", "unknown", "new_business", "24000.00", "2024-01-15T09:30:00Z", "Closed Won", "won", "2024-03-28", null, "1.00", "closed"),
                (3, "0065g00000AbCdF", "0015g00000XyZ02", "John Doe", "unknown", "expansion", "4000.00", "2023-12-01T20:00:00Z", "Closed Lost", "lost", "2024-02-10", null, "0.00", "omitted"),
                (4, "0065g00000AbCdG", "0015g00000XyZ01", "Jane Roe", "unknown", "renewal", "0", "2024-03-01T10:15:00Z", "Negotiation/Review", "open", null, "2024-06-30", "0.90", "best_case"),
            ],
            read["opportunities.csv"].Select(o => (
                o.Line, o["opportunity_id"], o["account_id"], o["owner_rep_id"], o["service_line"], o["type"], o["amount"], o["created_at"],
                o["stage"], o["status"], o["closed_at"], o["expected_close_date"], o["probability"], o["forecast_category"])));
        Assert.Equal(("Web", "Q1-2024"), (read["opportunities.csv"][0].Attribute("Lead Source"), read["opportunities.csv"][0].Attribute("Fiscal Period")));
        Assert.Equal("salesforce-opportunities", read.Source.Preset);
    }

    [Fact]
    public void Owners_BecomeReps_AndAccounts_KeepTheirIndustry()
    {
        var read = Read(Report);
        Assert.Equal([(2, "Jane Roe"), (3, "John Doe")], read["reps.csv"].Select(r => (r.Line, r["rep_id"])));
        Assert.Equal(
            [(2, "0015g00000XyZ01", "Acme Corp", "Technology"), (3, "0015g00000XyZ02", "Globex", "Manufacturing")],
            read["accounts.csv"].Select(a => (a.Line, a["account_id"], a["name"], a["vertical"])));
    }

    [Fact]
    public void DataLoaderExport_IsReadToo()
    {
        var read = Read(DataLoader);
        Assert.Empty(read.Messages);
        Assert.Equal(
            [
                ("0065g00000AbCdE", "0015g00000XyZ01", "0055g00000Own01", "24000.0", "2024-01-15T09:30:00.000Z", "won", "2024-03-28", null, "1.000", "new_business"),
                ("0065g00000AbCdG", "0015g00000XyZ01", "0055g00000Own01", "0", "2024-03-01T10:15:00.000Z", "open", null, "2024-06-30", "0.100", "new_business"),
            ],
            read["opportunities.csv"].Select(o => (
                o["opportunity_id"], o["account_id"], o["owner_rep_id"], o["amount"], o["created_at"], o["status"], o["closed_at"], o["expected_close_date"], o["probability"], o["type"])));
        Assert.Equal(["0015g00000XyZ01"], read["accounts.csv"].Select(a => a["name"]));
    }

    [Fact]
    public void BadValues_AreReportedAtTheExportsLineAndColumn()
    {
        var report = Report.Replace("\"3/28/2024\"", "\"28/3/2024\"", StringComparison.Ordinal)
            .Replace("\"Existing Customer - Upgrade\"", "\"Partner\"", StringComparison.Ordinal);
        var read = Read(report);

        Assert.Equal(
            [
                "report1711900000000.csv:2 Close Date (as M/d/yyyy or M/d/yyyy h:mm tt): \"28/3/2024\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                "report1711900000000.csv:3 Type: \"Partner\" is not one of new_business, expansion, renewal",
            ],
            read.Messages);
    }
}
