using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bellwether.Testing;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// Uploads through the running server (the Import page's import, over HTTP) into a store of their own, and the finance
/// pack downloaded after: the validation report comes back, a rejected upload stores nothing, a large one is refused
/// before it is read, and names a spreadsheet would run as formulas are neutralised in the CSV and the workbook.
/// </summary>
public sealed class ImportsAndExportsTests : IDisposable
{
    private const string Ws = "/api/v1/workspaces/default";
    private const string Hyperlink = "=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")";
    private readonly TempFolder _temp = new();
    private readonly ApiFactory _factory;
    private readonly HttpClient _http;

    public ImportsAndExportsTests()
    {
        _factory = new ApiFactory(_temp.File("uploads.duckdb"));
        _http = _factory.CreateClient();
    }

    [Fact]
    public async Task AnUpload_IsImported_AndAnswersWithTheReport()
    {
        using var response = await Upload(SmallCompany.Files);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var report = JsonDocument.Parse(body);
        Assert.True(report.RootElement.GetProperty("stored").GetBoolean());
        Assert.Equal(0, report.RootElement.GetProperty("error_count").GetInt32());
        var reps = Assert.Single(report.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("file").GetString() == "reps.csv");
        Assert.Equal(3, reps.GetProperty("inserted").GetInt32());
        using var status = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"{Ws}/status", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains(status.RootElement.GetProperty("imports").EnumerateArray(), i => i.GetProperty("source").GetString()!.StartsWith("upload through the API", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_AfterEachUpload_SaysWhatIsStored_AndLogsAnUnchangedOne()
    {
        // The host keeps each version's row counts; the import log is read every time, since an upload of the same files
        // changes no table's version and is logged all the same.
        (await Upload(SmallCompany.Files)).Dispose();
        Assert.Equal((1, 2), await ImportsAndDeals());

        (await Upload(SmallCompany.Files)).Dispose();
        Assert.Equal((2, 2), await ImportsAndDeals());

        var more = new Dictionary<string, string>(SmallCompany.Files)
        {
            ["opportunities.csv"] = SmallCompany.Files["opportunities.csv"].TrimEnd() + "\nO3,A1,R1,Consulting,expansion,700,2025-02-01,Proposal,open,\n",
        };
        (await Upload(more)).Dispose();
        Assert.Equal((3, 3), await ImportsAndDeals());
    }

    private async Task<(int Imports, long Deals)> ImportsAndDeals()
    {
        using var status = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"{Ws}/status", UriKind.Relative), TestContext.Current.CancellationToken));
        var deals = status.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == "opportunities.csv");
        return (status.RootElement.GetProperty("imports").GetArrayLength(), deals.GetProperty("rows").GetInt64());
    }

    [Fact]
    public async Task ARejectedUpload_IsA422ProblemWithTheReport_AndStoresNothing()
    {
        var files = new Dictionary<string, string>(SmallCompany.Files)
        {
            ["opportunities.csv"] = """
                opportunity_id,account_id,owner_rep_id,service_line,type,amount,created_at,stage,status,closed_at
                O1,A1,R1,Consulting,new_business,1000,2025-13-10,Won,won,2025-02-15
                """,
        };

        using var response = await Upload(files);

        await ApiEndpointsTests.AssertProblem(response, 422, "import rejected, nothing stored: 1 error");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = problem.RootElement.GetProperty("report");
        Assert.False(report.GetProperty("stored").GetBoolean());
        Assert.Equal(
            "opportunities.csv:2 created_at: \"2025-13-10\" is not a date or instant (expected 2025-03-31 or 2025-03-31T14:05:00Z)",
            Assert.Single(report.GetProperty("errors").EnumerateArray()).GetString());
        using var status = await _http.GetAsync(new Uri($"{Ws}/status", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Fact]
    public async Task A50MegabyteUpload_IsRefusedBeforeItIsRead()
    {
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(new byte[50 * 1024 * 1024]);
        content.Add(file, "file", "opportunities.csv");

        using var response = await _http.PostAsync(new Uri($"{Ws}/imports", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ApiEndpointsTests.AssertProblem(response, 413, "the upload is 50 MB: the server takes at most 32 MB at a time (zip the files");
    }

    [Fact]
    public async Task AZip_IsImportedAsItsFiles()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in SmallCompany.Files)
            {
                using var writer = new StreamWriter(archive.CreateEntry("company/" + name).Open());
                await writer.WriteAsync(text.ReplaceLineEndings("\n") + "\n");
            }
        }

        using var content = new ByteArrayContent(zip.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var response = await _http.PostAsync(new Uri($"{Ws}/imports?skip_invalid=false", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FormulasInNames_AreNeutralised_InTheExportedCsvAndWorkbook()
    {
        var files = new Dictionary<string, string>(SmallCompany.Files)
        {
            ["reps.csv"] = $"""
                rep_id,name,team,manager_id,role,start_date
                M1,Maria Manager,East,,manager,2023-01-01
                R1,"{Hyperlink}",+cmd|' /C calc'!A0,M1,ae,2024-01-15
                R2,Raj Rep,East,M1,ae,2024-03-01
                """,
        };
        using (var upload = await Upload(files))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        const string Pack = $"{Ws}/exports/finance-pack";
        const string Query = "?period=2025-Q1&as_of=2025-06-30&forecast=false";
        var zipped = await _http.GetByteArrayAsync(new Uri(Pack + ".zip" + Query, UriKind.Relative), TestContext.Current.CancellationToken);
        var workbook = await _http.GetByteArrayAsync(new Uri(Pack + ".xlsx" + Query, UriKind.Relative), TestContext.Current.CancellationToken);

        var byRep = Entry(zipped, "by_rep.csv");
        Assert.Contains("\"'=HYPERLINK(", byRep, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", byRep, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", byRep, StringComparison.Ordinal);
        Assert.Contains("'+cmd|", Entry(zipped, "by_team.csv"), StringComparison.Ordinal);
        var sheets = string.Concat(Entries(workbook).Where(e => e.Name.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e => e.Text));
        Assert.Contains("=HYPERLINK(", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheets, StringComparison.Ordinal);
        Assert.Contains("t=\"inlineStr\"", sheets, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
        _temp.Dispose();
    }

    private async Task<HttpResponseMessage> Upload(IReadOnlyDictionary<string, string> files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n"));
            part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(part, "file", name);
        }

        return await _http.PostAsync(new Uri($"{Ws}/imports", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static string Entry(byte[] zip, string name) => Entries(zip).Single(e => e.Name == name).Text;

    private static List<(string Name, string Text)> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return [.. archive.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return (e.FullName, reader.ReadToEnd());
        })];
    }
}
