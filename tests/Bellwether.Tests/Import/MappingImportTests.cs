using System.Text.Json;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>
/// <c>import PATH --mapping FILE</c> end to end: docs/mapping.md's German CRM example through the command line into a
/// real store, its rows worked out by hand from the mapping's rules and checked with plain SQL.
/// </summary>
public sealed class MappingImportTests : IDisposable
{
    private const string Export = """
        Deal,Company,Branche,Verkäufer,Phase,Wert,Erstellt,Abschluss,Wahrscheinlichkeit
        D-1,Müller GmbH,Maschinenbau,Anna Schmidt,Gewonnen,"1.234,50",03.01.2024 09:15,28.03.2024 16:20,100
        D-2,Schulz AG,Maschinenbau,Ben Weber,Verloren,"500,00",10.01.2024 10:00,15.02.2024 11:00,0
        D-3,Müller GmbH,Maschinenbau,Anna Schmidt,Angebot,,01.03.2024 08:00,30.06.2024 00:00,60

        """;

    private const string Mapping = """
        {
          "description": "Our CRM's deal list",
          "dates": ["dd.MM.yyyy HH:mm", "dd.MM.yyyy"],
          "numbers": { "decimal": ",", "thousands": "." },
          "timeZone": "Europe/Berlin",
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
                "vertical": { "from": "Branche", "values": { "Maschinenbau": "manufacturing" } }
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

    private readonly TempFolder _temp = new();

    private string Db => _temp.File("store.duckdb");

    /// <summary>The path given is the export's folder, or its one file.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GermanCrmExport_ImportsItsRepsAccountsAndDeals_AsTheMappingSays(bool givenTheFile)
    {
        var export = _temp.Write("export/crm.csv", Export);
        var mapping = _temp.Write("our-crm.json", Mapping);

        var result = CliRunner.Run("import", givenTheFile ? export : Path.GetDirectoryName(export)!, "--mapping", mapping, "--db", Db, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var summary = JsonDocument.Parse(result.Out);
        Assert.True(summary.RootElement.GetProperty("stored").GetBoolean());
        var inserted = summary.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("inserted").GetInt64());
        Assert.Equal(2, inserted["reps.csv"]); // Anna Schmidt and Ben Weber, once each
        Assert.Equal(2, inserted["accounts.csv"]); // Müller GmbH and Schulz AG
        Assert.Equal(3, inserted["opportunities.csv"]);

        Assert.Equal(
            [["Anna Schmidt", "DACH"], ["Ben Weber", "DACH"]],
            StoreFingerprint.Query(Db, "SELECT rep_id, team FROM reps ORDER BY 1"));
        Assert.Equal(
            [["Müller GmbH", "manufacturing"], ["Schulz AG", "manufacturing"]],
            StoreFingerprint.Query(Db, "SELECT account_id, vertical FROM accounts ORDER BY 1"));

        // Berlin is UTC+1 in winter (DST starts on 2024-03-31), so 09:15 there is 08:15Z; "1.234,50" is 1234.50.
        var deals = StoreFingerprint.Query(Db, """
            SELECT opportunity_id, account_id, owner_rep_id, status, CAST(amount AS DOUBLE), CAST(probability AS DOUBLE),
                   strftime(created_at, '%Y-%m-%dT%H:%M'), coalesce(strftime(closed_at, '%Y-%m-%dT%H:%M'), ''),
                   coalesce(CAST(expected_close_date AS VARCHAR), '')
            FROM opportunities ORDER BY 1
            """);
        Assert.Equal(
            [
                ["D-1", "Müller GmbH", "Anna Schmidt", "won", 1234.5, 1.0, "2024-01-03T08:15", "2024-03-28T15:20", ""],
                ["D-2", "Schulz AG", "Ben Weber", "lost", 500.0, 0.0, "2024-01-10T09:00", "2024-02-15T10:00", ""],
                ["D-3", "Müller GmbH", "Anna Schmidt", "open", 0.0, 0.6, "2024-03-01T07:00", "", "2024-06-30"],
            ],
            deals);
    }

    public void Dispose() => _temp.Dispose();
}
