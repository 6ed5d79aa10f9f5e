using System.Text;
using Bellwether.Import;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>An import is all or nothing: a bad row, an exception, a crash or kill -9 leaves the store exactly as it was.</summary>
public sealed class ImportAtomicityTests
{
    private const string OppHeader = "opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at";

    [Fact]
    public void BadRowAtTheEndOfALargeFile_StoresNothingOfTheImport()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        var activities = new StringBuilder("activity_id,rep_id,type,occurred_at,opportunity_id\n");
        for (var i = 0; i < 200_000; i++)
        {
            activities.Append('X').Append(i).Append(",R1,call,2025-01-10T09:00:00Z,O1\n");
        }

        activities.Append("X-last,R1,call,2025-01-10T25:00:00Z,O1");
        company.Write("activities.csv", activities.ToString());
        company.Write("opportunities.csv", $"{OppHeader}\nO1,A1,R1,Consulting,new_business,1100,2025-01-10,Won,won,2025-02-15\nO2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,");

        var result = company.Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("activities.csv:200002 occurred_at: \"2025-01-10T25:00:00Z\" is not a date or instant", result.Err, StringComparison.Ordinal);
        Assert.Equal(before, StoreFingerprint.Of(company.Db));
    }

    [Fact]
    public void ExceptionBetweenTablesDuringCommit_RollsBackEverything()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        company.Write("reps.csv", "rep_id,name,team,manager_id,role\nM1,Maria Manager,West,,manager\nR1,Rita Rep,West,M1,ae\nR2,Raj Rep,East,M1,ae\nR3,New Rep,East,M1,ae");
        company.Write("opportunities.csv", $"{OppHeader}\nO1,A1,R3,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15\nO2,A2,R2,Training,expansion,2500,2025-01-12,Proposal,open,");

        using (var store = Bellwether.Storage.DuckDb.DuckDbStore.Open(company.Db))
        using (var session = store.BeginImport("default"))
        {
            var runner = new Core.Import.ImportRunner(session);
            var options = new Core.Import.ImportOptions { StartedAt = DateTimeOffset.UtcNow };
            Assert.Throws<InvalidOperationException>(() => runner.Run(
                FolderSource.Open(company.Folder),
                options,
                table => throw new InvalidOperationException($"injected after {table}")));
        }

        Assert.Equal(before, StoreFingerprint.Of(company.Db));
    }

    [Fact]
    public void ProcessCrashBetweenTablesDuringCommit_LeavesStoreAsBefore()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        ChangeEveryFile(company);

        using var child = CliRunner.Start(new Dictionary<string, string> { [Failpoint.Variable] = "crash-after:opportunities" }, "import", company.Folder, "--db", company.Db);
        Assert.True(child.WaitForExit(60_000));

        Assert.NotEqual(0, child.ExitCode);
        Assert.Equal(before, StoreFingerprint.Of(company.Db));
        Assert.Equal(0, company.Import().ExitCode); // and the store still works
        Assert.NotEqual(before, StoreFingerprint.Of(company.Db));
    }

    [Fact]
    public void KillDashNineInTheMiddleOfTheCommit_LeavesStoreAsBefore()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db);
        ChangeEveryFile(company);

        using var child = CliRunner.Start(new Dictionary<string, string> { [Failpoint.Variable] = "hang-after:opportunities" }, "import", company.Folder, "--db", company.Db);
        var line = ReadLineWithTimeout(child.StandardError, TimeSpan.FromSeconds(60));
        Assert.Equal("failpoint: hanging after opportunities", line);
        child.Kill(); // SIGKILL on Linux: no cleanup of any kind
        Assert.True(child.WaitForExit(30_000));

        Assert.Equal(before, StoreFingerprint.Of(company.Db));
    }

    private static void ChangeEveryFile(SmallCompany company)
    {
        company.Write("reps.csv", "rep_id,name,team,manager_id,role\nM1,Maria Manager,West,,manager\nR1,Rita Rep,West,M1,ae\nR2,Raj Rep,East,M1,ae\nR3,New Rep,East,M1,ae");
        company.Write("accounts.csv", "account_id,name,vertical\nA1,Acme,retail\nA2,Globex,finance\nA3,Initech,software");
        company.Write("opportunities.csv", $"{OppHeader}\nO1,A1,R3,Consulting,new_business,1000,2025-01-10,Won,won,2025-02-15\nO2,A2,R2,Training,expansion,2700,2025-01-12,Won,won,2025-03-01\nO3,A3,R1,Training,new_business,800,2025-02-12,Proposal,open,");
        company.Write("quotas.csv", "rep_id,period,amount\nR1,2025-Q1,12000\nR3,2025-Q1,5000");
    }

    private static string? ReadLineWithTimeout(StreamReader reader, TimeSpan timeout)
    {
        var task = reader.ReadLineAsync();
        return task.Wait(timeout) ? task.Result : null;
    }
}
