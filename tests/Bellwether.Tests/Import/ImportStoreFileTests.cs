using System.Text.Json;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Import;

/// <summary>What --db may name: a DuckDB file or a new path, whatever its extension; never another kind of file.</summary>
public sealed class ImportStoreFileTests
{
    [Fact]
    public void Import_IntoAnExistingCsvFile_IsRefused_AndLeavesItByteForByte()
    {
        using var company = new SmallCompany();
        var db = Path.Combine(company.TempPath, "store.csv");
        File.WriteAllText(db, "rep_id,name\nR1,Rita\n");
        var before = File.ReadAllBytes(db);

        var result = CliRunner.Run("import", company.Folder, "--db", db, "--report", company.Report);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"bellwether: {db} cannot be opened as a Bellwether store: the file exists and is not a DuckDB database (it was left as it is)", result.Err.Trim());
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public void Status_OfAnExistingJsonFile_IsRefused()
    {
        using var company = new SmallCompany();
        var db = Path.Combine(company.TempPath, "x.json");
        File.WriteAllText(db, "{\"a\": 1}\n");

        var result = CliRunner.Run("status", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"bellwether: {db} cannot be opened as a Bellwether store: the file exists and is not a DuckDB database (it was left as it is)", result.Err.Trim());
    }

    [Fact]
    public void Import_IntoANewPathNamedCsv_MakesARealStore_ThatStatusReadsBack()
    {
        using var company = new SmallCompany();
        var db = Path.Combine(company.TempPath, "store.csv");

        var imported = CliRunner.Run("import", company.Folder, "--db", db);
        var status = CliRunner.Run("status", "--db", db, "--format", "json");

        Assert.Equal(0, imported.ExitCode);
        Assert.Equal(0, status.ExitCode);
        using var json = JsonDocument.Parse(status.Out);
        var rows = json.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("file").GetString()!, f => f.GetProperty("rows").GetInt64());
        Assert.Equal((3, 2, 2, 1), (rows["reps.csv"], rows["accounts.csv"], rows["opportunities.csv"], rows["quotas.csv"]));
    }
}
