using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>Re-importing changes nothing; a later export updates by id, keeps absent rows and records history.</summary>
public sealed class ImportUpsertTests
{
    private const string OppHeader = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,expected_close_date,stage,status,closed_at";

    [Fact]
    public void ImportingTheSameFolderTwice_ChangesNothing()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var first = StoreFingerprint.Of(company.Db);

        var second = company.Import("--format", "csv");

        Assert.Equal(0, second.ExitCode);
        var after = StoreFingerprint.Of(company.Db);
        foreach (var table in first.Keys.Where(t => t != "imports"))
        {
            Assert.Equal(first[table], after[table]);
        }

        Assert.Equal(
            """
            File,Read,Inserted,Updated,Unchanged,Rejected,Absent,Derived,Repaired
            reps.csv,0,0,0,3,0,0,0,0
            accounts.csv,0,0,0,2,0,0,0,0
            opportunities.csv,0,0,0,2,0,0,0,0
            quotas.csv,0,0,0,1,0,0,0,0
            """,
            second.Out.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ImportingTheSameFolderTwice_WithReadAll_ReadsEveryRowAgain_AndStillChangesNothing()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var first = StoreFingerprint.Of(company.Db);

        var second = company.Import("--format", "csv", "--read-all");

        Assert.Equal(0, second.ExitCode);
        var after = StoreFingerprint.Of(company.Db);
        foreach (var table in first.Keys.Where(t => t != "imports" && t != "import_fingerprints"))
        {
            Assert.Equal(first[table], after[table]);
        }

        Assert.Equal(
            """
            File,Read,Inserted,Updated,Unchanged,Rejected,Absent,Derived,Repaired
            reps.csv,3,0,0,3,0,0,0,0
            accounts.csv,2,0,0,2,0,0,0,0
            opportunities.csv,2,0,0,2,0,0,0,0
            quotas.csv,1,0,0,1,0,0,0,0
            """,
            second.Out.Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ALaterExport_UpdatesByIdKeepsAbsentRows_AndRecordsHistoryAtItsInstant()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = $"""
                {OppHeader}
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,2025-02-15,Won,won,2025-02-15
                O2,A2,R2,Training,expansion,2500,2025-01-12,2025-03-31,Proposal,open,
                """,
        });
        Assert.Equal(0, company.Import().ExitCode); // instant of export 1: the newest event, O1's close on 2025-02-15
        company.Write("opportunities.csv", $"""
            {OppHeader}
            O2,A2,R2,Training,expansion,2700,2025-01-12,2025-03-31,Won,won,2025-03-10T16:30:00Z
            O3,A1,R1,Training,new_business,900,2025-03-01,2025-05-31,Discovery,open,
            """);

        var result = company.Import("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("opportunities.csv,2,1,1,0,0,1,0,0", result.Out, StringComparison.Ordinal); // O3 new, O2 changed, O1 absent
        Assert.Contains("opportunity_history.csv,0,0,0,0,0,0,2,0", result.Out, StringComparison.Ordinal);
        var history = StoreFingerprint.Query(company.Db, "SELECT opportunity_id, strftime(changed_at, '%Y-%m-%dT%H:%M:%S'), stage, status, CAST(amount AS DOUBLE), derived FROM opportunity_history ORDER BY 1, 2");
        Assert.Equal(
            [
                ["O1", "2025-02-15T00:00:00", "Won", "won", 1000.0, true],
                ["O2", "2025-02-15T00:00:00", "Proposal", "open", 2500.0, true],
                ["O2", "2025-03-10T16:30:00", "Won", "won", 2700.0, true],
                ["O3", "2025-03-10T16:30:00", "Discovery", "open", 900.0, true],
            ],
            history);
        Assert.Equal(3, StoreFingerprint.Count(company.Db, "opportunities")); // O1 kept although absent
    }

    [Fact]
    public void AsOfOption_DatesRecordedHistory()
    {
        using var company = new SmallCompany();

        Assert.Equal(0, company.Import("--as-of", "2025-06-30").ExitCode);

        var instants = StoreFingerprint.Query(company.Db, "SELECT DISTINCT strftime(changed_at, '%Y-%m-%dT%H:%M:%S') FROM opportunity_history");
        Assert.Equal(["2025-07-01T00:00:00"], instants.Single()); // a date means the end of that day
    }

    [Fact]
    public void ExportWithAHistoryFile_StoresItAsIs_AndRecordsNothing()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunity_history.csv"] = """
                opportunity_id,changed_at,stage,status,amount
                O1,2025-01-10,Discovery,open,800
                O1,2025-02-15,Won,won,1000
                O2,2025-01-12,Proposal,open,2500
                """,
        });

        var result = company.Import("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("opportunity_history.csv,3,3,0,0,0,0,0,0", result.Out, StringComparison.Ordinal);
        Assert.Equal(0L, StoreFingerprint.Query(company.Db, "SELECT count(*) FROM opportunity_history WHERE derived").Single()[0]);
    }

    [Fact]
    public void WithoutAccountsFile_AccountsAreMadeFromTheIdsNamed()
    {
        using var company = new SmallCompany();
        company.Delete("accounts.csv");

        var result = company.Import("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("accounts.csv,0,0,0,0,0,0,2,0", result.Out, StringComparison.Ordinal);
        var accounts = StoreFingerprint.Query(company.Db, "SELECT account_id, name, vertical FROM accounts ORDER BY 1");
        Assert.Equal([["A1", "A1", "unknown"], ["A2", "A2", "unknown"]], accounts);
    }

    [Fact]
    public void WithoutAccountsFile_SkipInvalid_MakesNoAccountFromRowsItRejects()
    {
        // O2 names an unknown rep, so it is rejected by a reference check, after its cells passed; A9 is named by O2
        // alone and must not become an account.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = """
                opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A9,R9,Training,expansion,2500,2025-01-12,Proposal,open,
                """,
        });
        company.Delete("accounts.csv");

        var result = company.Import("--skip-invalid", "--format", "csv");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("accounts.csv,0,0,0,0,0,0,1,0", result.Out, StringComparison.Ordinal);
        var accounts = StoreFingerprint.Query(company.Db, "SELECT account_id FROM accounts ORDER BY 1");
        Assert.Equal([["A1"]], accounts);
    }

    [Fact]
    public void SkipInvalid_StoresValidRows_AndQuarantinesRejectedRowsUnchanged()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["opportunities.csv"] = """
                opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
                O1,A1,R1,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15
                O2,A2,R2,"Training, on site",expansion,-2500,2025-01-12,Proposal,open,
                O3,A2,R2,Training,expansion,300,2025-01-12,Proposal,open,
                """,
            ["activities.csv"] = """
                activity_id,rep_id,type,occurred_at,opportunity_id
                X1,R1,call,2025-01-10T09:00:00Z,O1
                X2,R2,demo,2025-01-11T09:00:00Z,O2
                """,
        });

        var result = company.Import("--skip-invalid", "--format", "csv");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("opportunities.csv,3,2,0,0,1,0,0,0", result.Out, StringComparison.Ordinal);
        Assert.Contains("activities.csv,2,1,0,0,1,0,0,0", result.Out, StringComparison.Ordinal);
        Assert.Equal(
            "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at\nO2,A2,R2,\"Training, on site\",expansion,-2500,2025-01-12,Proposal,open,\n",
            File.ReadAllText(Path.Combine(company.Report, "quarantine", "opportunities.csv")));
        Assert.Equal(
            "activity_id,rep_id,type,occurred_at,opportunity_id\nX2,R2,demo,2025-01-11T09:00:00Z,O2\n",
            File.ReadAllText(Path.Combine(company.Report, "quarantine", "activities.csv")));
        Assert.Contains("activities.csv:3 opportunity_id: \"O2\" names a rejected row of opportunities.csv (line 3)", File.ReadAllText(Path.Combine(company.Report, "report.txt")), StringComparison.Ordinal);
    }
}
