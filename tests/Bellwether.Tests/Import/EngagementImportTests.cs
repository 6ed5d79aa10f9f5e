using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>
/// engagement.csv rows are events (data-format.md): identical rows are separate events, an event_id is the upsert key,
/// and without one the n-th of a set of identical rows is the same event as the n-th identical row of a later export.
/// </summary>
public sealed class EngagementImportTests
{
    private const string Header = "account_id,occurred_at,kind,value";

    // Two meetings of A1 logged in the same minute, an NPS answer, and a ticket of A2.
    private const string TwoMeetings = $"""
        {Header}
        A1,2025-01-10T15:30:00Z,meeting,
        A1,2025-01-10T15:30:00Z,meeting,
        A1,2025-01-12T09:00:00Z,nps,8
        A2,2025-01-13T10:00:00Z,support_ticket,
        """;

    [Fact]
    public void IdenticalRows_AreSeparateEvents_AcceptedAndCounted()
    {
        using var company = new SmallCompany(new Dictionary<string, string> { ["engagement.csv"] = TwoMeetings });

        var result = company.Import("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("engagement.csv,4,4,0,0,0,0,0,0", result.Out, StringComparison.Ordinal);
        Assert.Equal(2L, Meetings(company.Db));
    }

    [Fact]
    public void ReimportingTheSameFile_ChangesNothing()
    {
        using var company = new SmallCompany(new Dictionary<string, string> { ["engagement.csv"] = TwoMeetings });
        Assert.Equal(0, company.Import().ExitCode);
        var before = StoreFingerprint.Of(company.Db)["engagement"];

        // Read again on purpose: the file is the same, and the merge must find every row unchanged.
        var again = company.Import("--format", "csv", "--read-all");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("engagement.csv,4,0,0,4,0,0,0,0", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, StoreFingerprint.Of(company.Db)["engagement"]);
    }

    [Fact]
    public void ALaterExportWithOneMoreIdenticalRow_AddsOne()
    {
        using var company = new SmallCompany(new Dictionary<string, string> { ["engagement.csv"] = TwoMeetings });
        Assert.Equal(0, company.Import().ExitCode);
        // The later export lists the events in another order and has a third meeting in that minute.
        company.Write("engagement.csv", $"""
            {Header}
            A2,2025-01-13T10:00:00Z,support_ticket,
            A1,2025-01-10T15:30:00Z,meeting,
            A1,2025-01-12T09:00:00Z,nps,8
            A1,2025-01-10T15:30:00Z,meeting,
            A1,2025-01-10T15:30:00Z,meeting,
            """);

        var later = company.Import("--format", "csv");

        Assert.Equal(0, later.ExitCode);
        Assert.Contains("engagement.csv,5,1,0,4,0,0,0,0", later.Out, StringComparison.Ordinal);
        Assert.Equal(3L, Meetings(company.Db));
        Assert.Equal(5L, StoreFingerprint.Count(company.Db, "engagement"));
    }

    [Fact]
    public void RowsThatDifferInAnyValue_AreNotIdentical()
    {
        // Same account, instant and kind, other scores: two answers, each the first of its kind.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["engagement.csv"] = $"""
                {Header}
                A1,2025-01-10T15:30:00Z,nps,9
                A1,2025-01-10T15:30:00Z,NPS,7
                """,
        });

        var result = company.Import("--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var stored = StoreFingerprint.Query(company.Db, "SELECT CAST(value AS INTEGER), occurrence FROM engagement ORDER BY 1");
        Assert.Equal([[7, 1L], [9, 1L]], stored);
    }

    [Fact]
    public void EventId_IsTheUpsertKey()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["engagement.csv"] = """
                event_id,account_id,occurred_at,kind,value
                E1,A1,2025-01-10T15:30:00Z,nps,6
                E2,A1,2025-01-10T15:30:00Z,meeting,
                E3,A1,2025-01-10T15:30:00Z,meeting,
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);
        // E1's score is corrected and its instant fixed, E3 is gone from the export, E4 is new.
        company.Write("engagement.csv", """
            event_id,account_id,occurred_at,kind,value
            E1,A1,2025-01-10T15:45:00Z,nps,9
            E2,A1,2025-01-10T15:30:00Z,meeting,
            E4,A2,2025-01-11T08:00:00Z,qbr,
            """);

        var later = company.Import("--format", "csv");

        Assert.Equal(0, later.ExitCode);
        Assert.Contains("engagement.csv,3,1,1,1,0,0,0,0", later.Out, StringComparison.Ordinal);
        var stored = StoreFingerprint.Query(company.Db, "SELECT event_id, account_id, strftime(occurred_at, '%H:%M'), kind, CAST(value AS INTEGER) FROM engagement ORDER BY 1");
        Assert.Equal(
            [
                ["E1", "A1", "15:45", "nps", 9],
                ["E2", "A1", "15:30", "meeting", null],
                ["E3", "A1", "15:30", "meeting", null], // absent from the later export: kept
                ["E4", "A2", "08:00", "qbr", null],
            ],
            stored);
    }

    [Fact]
    public void RowsWithAndWithoutIds_MixInOneFile()
    {
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["engagement.csv"] = """
                event_id,account_id,occurred_at,kind,value
                E1,A1,2025-01-10T15:30:00Z,meeting,
                ,A1,2025-01-10T15:30:00Z,meeting,
                ,A1,2025-01-10T15:30:00Z,meeting,
                """,
        });
        Assert.Equal(0, company.Import().ExitCode);

        var again = company.Import("--format", "csv", "--read-all");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("engagement.csv,3,0,0,3,0,0,0,0", again.Out, StringComparison.Ordinal);
        Assert.Equal(3L, Meetings(company.Db));
    }

    [Fact]
    public void SkipInvalid_NumbersOnlyTheRowsItStores()
    {
        // Line 3's score is unreadable: rejected. Had it been numbered, the two stored meetings would not be the first
        // and second of their kind, and re-importing the corrected file would add a row.
        using var company = new SmallCompany(new Dictionary<string, string>
        {
            ["engagement.csv"] = $"""
                {Header}
                A1,2025-01-10T15:30:00Z,nps,
                A1,2025-01-10T15:30:00Z,nps,high
                A1,2025-01-10T15:30:00Z,nps,
                """,
        });

        Assert.Equal(3, company.Import("--skip-invalid").ExitCode);

        var stored = StoreFingerprint.Query(company.Db, "SELECT occurrence FROM engagement ORDER BY 1");
        Assert.Equal([[1L], [2L]], stored);
    }

    private static long Meetings(string db) =>
        (long)StoreFingerprint.Query(db, "SELECT count(*) FROM engagement WHERE kind = 'meeting'").Single()[0]!;
}
