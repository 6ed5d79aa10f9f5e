using System.Text.Json;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>
/// A file given again byte for byte since the last import stored all of its rows is not read again — unless its table
/// changed since by another hand, or some of its rows were rejected then — and the import still means the same.
/// </summary>
public sealed class UnchangedFileTests
{
    private const string OppHeader = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at";

    [Fact]
    public void OneFileChanged_OnlyItIsRead_AndTheExportsInstantStillCountsTheFilesNotRead()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        company.Write("reps.csv", """
            rep_id,name,team,manager_id,role,start_date
            M1,Maria Manager,East,,manager,2023-01-01
            R1,Rita Rep,East,M1,ae,2024-01-15
            R2,Raj Rep,West,M1,ae,2024-03-01
            """);

        var second = company.Import("--format", "json");

        Assert.Equal(0, second.ExitCode);
        var files = JsonDocument.Parse(second.Out).RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => (Read: f.GetProperty("read").GetInt64(), Updated: f.GetProperty("updated").GetInt64(), Unchanged: f.GetProperty("unchanged").GetInt64()));
        Assert.Equal((3L, 1L, 2L), files["reps.csv"]);
        Assert.Equal((0L, 0L, 2L), files["accounts.csv"]);
        Assert.Equal((0L, 0L, 2L), files["opportunities.csv"]);
        Assert.Equal((0L, 0L, 1L), files["quotas.csv"]);
        Assert.Contains("note: accounts.csv, opportunities.csv, quotas.csv: the same bytes as import 1 stored, not read again (5 rows unchanged", second.Err, StringComparison.Ordinal);

        // reps.csv has no instant; the export's instant is still O1's close, in the file not read again.
        Assert.Equal(
            [["2025-02-15T00:00:00"], ["2025-02-15T00:00:00"]],
            StoreFingerprint.Query(company.Db, "SELECT strftime(as_of, '%Y-%m-%dT%H:%M:%S') FROM imports ORDER BY import_id"));
        Assert.Equal([["West"]], StoreFingerprint.Query(company.Db, "SELECT team FROM reps WHERE rep_id = 'R2'"));
    }

    [Fact]
    public void APlanEditedSince_MakesPlansCsvReadAgain_SoTheFileSpeaksAsItDidBefore()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["plans.csv"] = """
                pillar,metric,period,target,owner,slice
                new_business,bookings,2025-Q1,10000,President,
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);
        var set = CliRunner.Run("plan", "set", "--pillar", "new_business", "--metric", "bookings", "--period", "2025-Q1", "--target", "15000", "--owner", "President", "--db", company.Db);
        Assert.True(set.ExitCode == 0, set.ToString());

        var again = company.Import("--format", "json");

        Assert.Equal(0, again.ExitCode);
        var plans = JsonDocument.Parse(again.Out).RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "plans.csv");
        Assert.Equal(1, plans.GetProperty("read").GetInt64());
        Assert.Equal(1, plans.GetProperty("updated").GetInt64());
        Assert.Equal([[10000.0]], StoreFingerprint.Query(company.Db, "SELECT CAST(target AS DOUBLE) FROM plans"));
    }

    [Fact]
    public void AFileWithRowsRejectedUnderSkipInvalid_IsReadAgain_SoARowMadeValidByAnotherFileIsStored()
    {
        // O3 names rep R3, whom reps.csv does not list yet: rejected, the rest stored.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"""
                {OppHeader}
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O3,A2,R3,Training,new_business,700,2025-01-20,Proposal,open,
                """,
        });
        company.Import("--skip-invalid");
        Assert.Equal(1, StoreFingerprint.Count(company.Db, "opportunities"));

        // The next export lists R3; opportunities.csv is the same file.
        company.Write("reps.csv", """
            rep_id,name,team,manager_id,role,start_date
            M1,Maria Manager,East,,manager,2023-01-01
            R1,Rita Rep,East,M1,ae,2024-01-15
            R2,Raj Rep,East,M1,ae,2024-03-01
            R3,Rosa Rep,East,M1,ae,2025-01-02
            """);
        var again = company.Import("--format", "json");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(2, StoreFingerprint.Count(company.Db, "opportunities"));
        var opportunities = JsonDocument.Parse(again.Out).RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "opportunities.csv");
        Assert.Equal(2, opportunities.GetProperty("read").GetInt64());
        Assert.Equal(1, opportunities.GetProperty("inserted").GetInt64());
    }

    [Fact]
    public void ARejectedImport_RemembersNothing_SoTheSameFilesAreReadAgain()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"""
                {OppHeader}
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O3,A2,R3,Training,new_business,700,2025-01-20,Proposal,open,
                """,
        });
        Assert.NotEqual(0, company.Import().ExitCode);
        company.Delete("opportunities.csv");
        company.Write("opportunities.csv", $"""
            {OppHeader}
            O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
            """);

        var first = company.Import("--format", "json");

        Assert.True(first.ExitCode == 0, first.ToString());
        var read = JsonDocument.Parse(first.Out).RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("read").GetInt64());
        Assert.Equal((3L, 2L, 1L, 1L), (read["reps.csv"], read["accounts.csv"], read["opportunities.csv"], read["quotas.csv"]));
    }
}
