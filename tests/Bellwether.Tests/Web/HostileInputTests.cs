using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bellwether.Cli;
using Bellwether.Services;
using Bellwether.Tests.Testing;

namespace Bellwether.Tests.Web;

/// <summary>
/// Input meant to break the API — markup, control characters, overlong and empty values, wrong JSON shapes, deep
/// nesting, file names that point outside the upload — at every endpoint: each is answered with a 4xx problem document
/// in our words, never a 500 and never a .NET message or stack trace.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Host host) : IClassFixture<HostileInputTests.Host>
{
    private const string Ws = "/api/v1/workspaces/default";

    private static readonly string Long = new('9', 10_000);

    public static TheoryData<string> Queries => new(
        Ws + "/indicators?name=<script>alert(1)</script>",
        Ws + "/indicators?name=bookings&period=%00",
        Ws + "/indicators?name=bookings&period=",
        Ws + "/indicators?name=bookings&period=2026-W99",
        Ws + "/indicators?name=bookings&period=2026-02-30",
        Ws + "/indicators?name=bookings&period=" + Long,
        Ws + "/indicators?name=bookings&as_of=2026-13-45T99:99:99Z",
        Ws + "/indicators?name=bookings&as_of=1969-12-31",
        Ws + "/indicators?name=bookings&slice=;;==;;",
        Ws + "/indicators?name=bookings&slice=vertical",
        Ws + "/indicators?name=bookings&slice=planet=mars",
        Ws + "/indicators?name=bookings&by=rep,rep",
        Ws + "/indicators?name=bookings&grain=fortnight",
        Ws + "/indicators?name=bookings&target=1e400",
        Ws + "/indicators?name=bookings&target=NaN",
        Ws + "/indicators?name=,,,",
        Ws + "/forecast?name=bookings&grain=day",
        Ws + "/forecast?name=bookings&scenario=%20",
        Ws + "/forecast?name=bookings&scenario=..%2F..%2Fetc%2Fpasswd",
        Ws + "/forecast?name=bookings&distribution=2",
        Ws + "/backtest",
        Ws + "/backtest?indicator=bookings&offsets=1,2,x",
        Ws + "/backtest?indicator=bookings&offsets=99999",
        Ws + "/backtest?indicator=bookings&from=2025-Q2&to=2025-Q1",
        Ws + "/backtest?indicator=bookings&grain=quarter&from=2025-03",
        Ws + "/explain",
        Ws + "/explain?metric=<b>bookings</b>",
        Ws + "/explain?metric=bookings&against=tomorrow",
        Ws + "/explain?metric=bookings&by=rep,vertical",
        Ws + "/plans?pillar=sales",
        Ws + "/plans?owner=%20",
        Ws + "/plans?as_of=yesterday",
        Ws + "/plans/lines?as_of=" + Long,
        Ws + "/plans/changes?as_of=9999-01-01",
        Ws + "/signals?pillar=everything",
        Ws + "/signals?period=Q3",
        Ws + "/digest?owner=<script>",
        Ws + "/digest?owner=CFO&format=exe",
        Ws + "/scenarios/%01",
        Ws + "/scenarios/nope/comparison?with=also-nope",
        Ws + "/scenarios/base/comparison?indicators=bogus",
        Ws + "/exports/finance-pack.xlsx?forecast=maybe",
        Ws + "/exports/finance-pack.zip?period=1969",
        "/api/v1/workspaces/%3Cscript%3E/status");

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"set": ["win_rate=+10%"], "changes": []}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", "[]" },
        { "POST", Ws + "/forecast/what-if?name=bookings", "null" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"set": [null]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"set": [""]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": "win_rate"}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [null]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "add_reps", "count": 5}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "deal_size", "relative": 1e300}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "quota_lift", "share": "NaN"}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "expense", "category": "rnd", "monthly_amount": 79228162514264337593543950335}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "add_reps", "count": 1, "start": "2026-01-01", "ramp_months": 2147483647}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"set": ["deal_size=+1e300%"]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"set": ["add_reps=1 from 9999-12-31"]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"description": 5}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", """{"changes": [{"driver": "win_rate", "relative": 1e400}]}""" },
        { "POST", Ws + "/forecast/what-if?name=bookings", new string('[', 5000) + new string(']', 5000) },
        { "POST", Ws + "/forecast/what-if?name=bookings", "{\"set\": [" + string.Join(',', Enumerable.Repeat("\"win_rate=+1%\"", 101)) + "]}" },
        { "PUT", Ws + "/scenarios/%20", """{"set": ["win_rate=+10%"]}""" },
        { "PUT", Ws + "/plans", """{"pillar": 5}""" },
        { "PUT", Ws + "/plans", """{"pillar": "new_business", "metric": "bookings", "period": "2026", "target": {"a": 1}, "owner": "CFO"}""" },
        { "PUT", Ws + "/plans", """{"pillar": "new_business", "metric": "bookings", "period": "2026", "target": "lots", "owner": "<script>"}""" },
        { "PUT", Ws + "/plans", "{}" },
        { "DELETE", Ws + "/plans?pillar=new_business", "" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task HostileQueries_AreProblems_NeverBugs(string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertClientProblem(response, path);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task HostileBodies_AreProblems_NeverBugs(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertClientProblem(response, $"{method} {path} {body[..Math.Min(body.Length, 80)]}");
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../reps.csv")]
    [InlineData("C:\\temp\\reps.csv")]
    public async Task UploadedFileNames_CannotReachOutsideTheUpload(string name)
    {
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes("rep_id,name\nX,Y\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);

        using var response = await host.Http.PostAsync(new Uri($"{Ws}/imports", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.NotEqual(500, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipThatIsNotAZip_IsAProblem()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("rep_id,name\nX,Y\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");

        using var response = await host.Http.PostAsync(new Uri($"{Ws}/imports", UriKind.Relative), content, TestContext.Current.CancellationToken);

        await ApiEndpointsTests.AssertProblem(response, 400, "upload.zip is not a readable zip");
    }

    /// <summary>A 4xx problem document (RFC 9457) that names no .NET type and carries no trace.</summary>
    private static async Task AssertClientProblem(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: {status} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()), what);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Bellwether", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// One host over a small imported company, shared by the cases (none of them changes anything), with a memory budget
    /// of <see cref="MemoryBudgetBytes"/>, as a server would run: work a case asks for past it is refused before it
    /// starts, never grown into (the budget's own checks are in RequestBudgetTests).
    /// </summary>
    public sealed class Host : IDisposable
    {
        public const long MemoryBudgetBytes = 256L << 20;

        private readonly SmallCompany _company = new();
        private readonly ApiFactory _factory;

        public Host()
        {
            var import = CliRunner.Run("import", _company.Folder, "--db", _company.Db, "--report", _company.Report);
            Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
            _factory = new ApiFactory(_company.Db, new ApiLimits { MemoryBytes = MemoryBudgetBytes });
            Http = _factory.CreateClient();
        }

        public HttpClient Http { get; }

        public void Dispose()
        {
            Http.Dispose();
            _factory.Dispose();
            _company.Dispose();
        }
    }
}
