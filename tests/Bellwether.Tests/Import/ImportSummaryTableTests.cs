using Bellwether.Cli;
using Bellwether.Import;

namespace Bellwether.Tests.Import;

public sealed class ImportSummaryTableTests
{
    private static ImportSummary Summary(params ImportSummary.FileCounts[] files) =>
        new(true, new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), 3, files, 0, [], [], []);

    [Fact]
    public void ForPeople_TheRareCountsThatAreZeroEverywhere_AreLeftOut()
    {
        var table = Summary(new("reps.csv", 12, 12, 0, 0, 0, 0, 0, 0), new("opportunities.csv", 900, 880, 20, 0, 0, 0, 0, 0)).Table(OutputFormat.Table);

        Assert.Equal(["File", "Read", "Inserted", "Updated", "Unchanged", "Rejected"], table.Columns);
        Assert.Equal(["opportunities.csv", 900L, 880L, 20L, 0L, 0L], table.Rows[1]);
    }

    [Fact]
    public void ForPeople_ARareCountThatOccurs_IsShown_InItsPlace()
    {
        var table = Summary(new("reps.csv", 12, 12, 0, 0, 0, 0, 0, 0), new("opportunities.csv", 900, 880, 20, 0, 0, 0, 0, 7)).Table(OutputFormat.Table);

        Assert.Equal(["File", "Read", "Inserted", "Updated", "Unchanged", "Rejected", "Repaired"], table.Columns);
        Assert.Equal(7L, table.Rows[1][6]);
        Assert.Equal(0L, table.Rows[0][6]);
    }

    [Theory]
    [InlineData(OutputFormat.Csv)]
    [InlineData(OutputFormat.Json)]
    public void ForScripts_EveryColumnIsThere_OnEveryImport(OutputFormat format)
    {
        var table = Summary(new ImportSummary.FileCounts("reps.csv", 12, 10, 0, 0, 2, 0, 0, 0)).Table(format);

        Assert.Equal(["File", "Read", "Inserted", "Updated", "Unchanged", "Rejected", "Absent", "Derived", "Repaired"], table.Columns);
        Assert.Equal(["reps.csv", 12L, 10L, 0L, 0L, 2L, 0L, 0L, 0L], table.Rows[0]);
    }
}
