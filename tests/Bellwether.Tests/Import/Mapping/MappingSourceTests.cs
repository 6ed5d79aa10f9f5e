using Bellwether.Import.Mapping;
using Bellwether.Testing;
using Bellwether.Tests.Import.Presets;

namespace Bellwether.Tests.Import.Mapping;

/// <summary>A mapping file read against a small, made-up European CRM export, its rows worked out by hand.</summary>
public sealed class MappingSourceTests
{
    private const string Export = """
        Deal,Company,Branche,Verkäufer,Phase,Wert,Erstellt,Abschluss,Wahrscheinlichkeit
        D-1,Müller GmbH,Maschinenbau,Anna Schmidt,Gewonnen,"1.234,50",03.01.2024 09:15,28.03.2024 16:20,100
        D-2,Schulz AG,,Ben Weber,Verloren,"500,00",10.01.2024 10:00,15.02.2024,0
        D-3,Müller GmbH,Maschinenbau,Anna Schmidt,Angebot,,01.03.2024 08:00,30.06.2024 00:00,60

        """;

    private const string Mapping = """
        {
          // Comments and trailing commas are allowed.
          "description": "Our CRM's deal list",
          "dates": ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"],
          "numbers": { "decimal": ",", "thousands": "." },
          "files": {
            "reps.csv": {
              "source": "crm.csv",
              "distinct": true,
              "columns": { "rep_id": "Verkäufer", "name": "Verkäufer", "team": { "value": "DACH" } }
            },
            "accounts.csv": {
              "source": "crm.csv",
              "distinct": true,
              "columns": {
                "account_id": "Company",
                "name": "Company",
                "vertical": { "from": "Branche", "values": { "maschinenbau": "manufacturing" } },
              }
            },
            "opportunities.csv": {
              "source": "crm.csv",
              "columns": {
                "opportunity_id": "Deal",
                "account_id": "Company",
                "owner_rep_id": "Verkäufer",
                "service_line": { "value": "consulting" },
                "amount": { "from": "Wert", "default": 0 },
                "created_at": "Erstellt",
                "stage": "Phase",
                "status": { "from": "Phase", "values": { "Gewonnen": "won", "Verloren": "lost" }, "otherwise": "open" },
                "closed_at": { "from": "Abschluss", "when": { "status": ["won", "lost"] } },
                "expected_close_date": { "from": "Abschluss", "when": { "status": "open" } },
                "probability": { "from": "Wahrscheinlichkeit", "multiply": 0.01 }
              },
              "attributes": ["Branche"]
            }
          }
        }
        """;

    [Fact]
    public void Export_IsReadAsTheMappingSays()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        var read = ReadBack.Of(MappingSource.Open(MappingFile.Parse(Mapping, "crm.json"), folder.Path));

        Assert.Empty(read.Messages);
        Assert.Equal(
            [("crm.csv", 2, "Anna Schmidt", "DACH"), ("crm.csv", 3, "Ben Weber", "DACH")],
            read["reps.csv"].Select(r => (r.File, r.Line, r["rep_id"], r["team"])));
        Assert.Equal(
            [(2, "Müller GmbH", "manufacturing"), (3, "Schulz AG", "unknown")],
            read["accounts.csv"].Select(a => (a.Line, a["account_id"], a["vertical"])));

        var deals = read["opportunities.csv"];
        Assert.Equal(
            [
                (2, "D-1", "won", "1234.50", "2024-01-03T09:15:00Z", "2024-03-28T16:20:00Z", null, "1.00"),
                (3, "D-2", "lost", "500.00", "2024-01-10T10:00:00Z", "2024-02-15", null, "0.00"),
                (4, "D-3", "open", "0", "2024-03-01T08:00:00Z", null, "2024-06-30", "0.60"),
            ],
            deals.Select(d => (d.Line, d["opportunity_id"], d["status"], d["amount"], d["created_at"], d["closed_at"], d["expected_close_date"], d["probability"])));
        Assert.All(deals, d => Assert.Equal(("consulting", "new_business"), (d["service_line"], d["type"])));
        Assert.Equal(("Angebot", "Maschinenbau"), (deals[2]["stage"], deals[2].Attribute("Branche")));
        Assert.Contains("crm.csv: Wert was empty in 1 rows; opportunities.csv amount took the mapping's default \"0\"", read.Source.Notes.All);
    }

    [Fact]
    public void ValuesThatDoNotConvert_AreReportedAtTheirSourceLineAndColumn()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export.Replace("\"500,00\",10.01.2024 10:00", "\"1,2,3\",2024/01/10", StringComparison.Ordinal)
            .Replace("Angebot,,01.03.2024", "Angebot,\"12,5\",31.02.2024", StringComparison.Ordinal));
        var read = ReadBack.Of(MappingSource.Open(MappingFile.Parse(Mapping, "crm.json"), folder.Path));

        Assert.Equal(
            [
                "crm.csv:3 Wert (as 1.234,5): \"1,2,3\" is not a number (use . as the decimal point, no thousands separator or currency symbol)",
                "crm.csv:3 Erstellt (as dd.MM.yyyy HH:mm or dd.MM.yyyy): \"2024/01/10\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
                "crm.csv:4 Erstellt (as dd.MM.yyyy HH:mm or dd.MM.yyyy): \"31.02.2024 08:00\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
            ],
            read.Messages);
    }

    [Fact]
    public void ThousandsSeparators_MustGroupDigitsByThree()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export.Replace("\"500,00\"", "\"5.00\"", StringComparison.Ordinal));
        var read = ReadBack.Of(MappingSource.Open(MappingFile.Parse(Mapping, "crm.json"), folder.Path));

        // Read as the folder format reads numbers, 5.00 would be 5: the mapping rejects it, shown as written.
        Assert.Equal(["crm.csv:3 Wert (as 1.234,5): \"5.00\" is not a number as this file writes them (e.g. 1.234,5)"], read.Messages);
    }

    [Fact]
    public void RowWithTheWrongNumberOfFields_IsRejectedAtItsLine()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export.Replace(",100\n", ",100,extra\n", StringComparison.Ordinal));
        var read = ReadBack.Of(MappingSource.Open(MappingFile.Parse(Mapping, "crm.json"), folder.Path));

        // Only the opportunity is reported: the reps and accounts derived from the row are left out.
        var message = Assert.Single(read.Messages);
        Assert.Matches(@"^crm\.csv:2: has \d+ fields; the header has \d+$", message);
        Assert.DoesNotContain(read["accounts.csv"], a => a.Line == 2);
    }

    [Fact]
    public void TimesWithoutAnOffset_AreInTheMappingsTimeZone_DatesAreNot()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        var mapping = MappingFile.Parse(Mapping.Replace("\"numbers\"", "\"timeZone\": \"Europe/Berlin\", \"numbers\"", StringComparison.Ordinal), "crm.json");
        var deals = ReadBack.Of(MappingSource.Open(mapping, folder.Path))["opportunities.csv"];

        // Berlin is UTC+1 in winter and UTC+2 from the last Sunday of March; a date alone stays that calendar day.
        Assert.Equal(
            [("2024-01-03T08:15:00Z", "2024-03-28T15:20:00Z"), ("2024-01-10T09:00:00Z", "2024-02-15"), ("2024-03-01T07:00:00Z", null)],
            deals.Select(d => (d["created_at"], d["closed_at"])));
        Assert.Equal("2024-06-30", deals[2]["expected_close_date"]);
    }

    [Fact]
    public void OneFile_CanBeGivenInsteadOfAFolder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("crm.csv", Export);
        folder.Write("other.csv", "a,b\n1,2\n");
        var source = MappingSource.Open(MappingFile.Parse(Mapping.Replace("\"crm.csv\"", "\"*.csv\"", StringComparison.Ordinal), "crm.json"), file);

        Assert.Equal(["crm.csv"], source.Files.Select(f => f.Name));
        Assert.Equal(3, ReadBack.Of(source)["opportunities.csv"].Count);
    }

    [Fact]
    public void MappingFile_IsLoadedFromDisk_AndNamedByItsFileName()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        var path = folder.Write("our-crm.json", Mapping);
        var source = MappingSource.Open(path, folder.Path);

        Assert.Null(source.Preset);
        Assert.Contains("our-crm.json", source.Description, StringComparison.Ordinal);
        Assert.Equal(source.TotalBytes, ReadBack.Of(source).Source.BytesRead!.Invoke());
        Assert.Equal(new FileInfo(folder.File("crm.csv")).Length * 3, source.TotalBytes);
    }

    [Theory]
    [InlineData("\"*.txt\"", "crm.json: files.\"reps.csv\".source: no file named *.txt in ")]
    [InlineData("\"*\"", "crm.json: files.\"reps.csv\".source: * names 2 files in ")]
    public void SourceFile_MustBeFoundOnce(string source, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        folder.Write("notes.csv", "a\n");
        var mapping = MappingFile.Parse(Mapping.Replace("\"crm.csv\"", source, StringComparison.Ordinal), "crm.json");

        var e = Assert.Throws<MappingException>(() => MappingSource.Open(mapping, folder.Path));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSourceColumn_IsNamedWithTheFilesColumns()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        var mapping = MappingFile.Parse(Mapping.Replace("\"created_at\": \"Erstellt\"", "\"created_at\": \"Created\"", StringComparison.Ordinal), "crm.json");

        var e = Assert.Throws<MappingException>(() => MappingSource.Open(mapping, folder.Path));
        Assert.Equal(
            "crm.json: files.\"opportunities.csv\".columns.created_at.from: \"Created\" is not a column of crm.csv "
            + "(its columns: Deal, Company, Branche, Verkäufer, Phase, Wert, Erstellt, Abschluss, Wahrscheinlichkeit)",
            e.Message);
        Assert.Equal(("crm.json", "files.\"opportunities.csv\".columns.created_at.from"), (e.Mapping, e.Key));
    }

    [Fact]
    public void SourceColumnNamedTwice_IsRefused_BeforeAnyRowIsRead()
    {
        using var folder = new TempFolder();
        var lines = Export.Split('\n');
        folder.Write("crm.csv", string.Join('\n', [lines[0] + ",wert", .. lines[1..]]));
        var mapping = MappingFile.Parse(Mapping, "crm.json");

        var e = Assert.Throws<MappingException>(() => MappingSource.Open(mapping, folder.Path));
        Assert.Equal("crm.json: crm.csv: column Wert appears twice in the header", e.Message);
    }

    [Fact]
    public void MissingAttributeColumn_IsNamed()
    {
        using var folder = new TempFolder();
        folder.Write("crm.csv", Export);
        var mapping = MappingFile.Parse(Mapping.Replace("[\"Branche\"]", "[\"Branche\", \"Notes\"]", StringComparison.Ordinal), "crm.json");

        var e = Assert.Throws<MappingException>(() => MappingSource.Open(mapping, folder.Path));
        Assert.StartsWith("crm.json: files.\"opportunities.csv\".attributes[1]: \"Notes\" is not a column of crm.csv", e.Message, StringComparison.Ordinal);
    }
}
