using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bellwether.Testing;
using Bellwether.Tests.Cli;

namespace Bellwether.Tests.Web;

/// <summary>
/// Every endpoint through WebApplicationFactory over a copy of the demo store: each answers with its rows, and every
/// mistake — malformed JSON, a wrong content type, an unknown indicator, an impossible period, a slice value that does
/// not occur, a scenario too large — is a problem document in our words with a 4xx status, never a 500.
/// </summary>
public sealed class ApiEndpointsTests : IClassFixture<DemoStore>, IDisposable
{
    private const string Ws = "/api/v1/workspaces/default";
    private const string AsOf = "2026-07-01T00:00:00Z";
    private readonly TempFolder _temp = new();
    private readonly ApiFactory _factory;
    private readonly HttpClient _http;

    public ApiEndpointsTests(DemoStore demo)
    {
        var db = _temp.File("demo.duckdb");
        File.Copy(demo.Db, db);
        _factory = new ApiFactory(db);
        _http = _factory.CreateClient();
    }

    [Theory]
    [InlineData("/api/v1/indicators", "application/json")]
    [InlineData("/api/v1/forecasts", "application/json")]
    [InlineData(Ws + "/status", "application/json")]
    [InlineData(Ws + "/indicators?name=bookings,win_rate&period=2026-Q2&by=vertical&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/indicators?name=bookings&period=2026-Q2&slice=vertical=retail&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/signals?pillar=new_business&as_of=2026-06-15", "application/json")]
    [InlineData(Ws + "/forecast?name=bookings&period=2026-Q3&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/forecast?name=bookings&period=2026-Q3&scenario=base&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/plans?period=2026-05&as_of=2026-06-30&scenario=base", "application/json")]
    [InlineData(Ws + "/plans/lines", "application/json")]
    [InlineData(Ws + "/plans/changes?as_of=2026-06-30", "application/json")]
    [InlineData(Ws + "/explain?metric=bookings&period=2026-Q2&against=previous&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/digest?owner=cfo&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/digest?owner=CFO&format=html&as_of=" + AsOf, "text/html")]
    [InlineData(Ws + "/scenarios", "application/json")]
    [InlineData(Ws + "/scenarios/base", "application/json")]
    [InlineData(Ws + "/scenarios/base/comparison?indicators=bookings&period=2026-Q3&as_of=" + AsOf, "application/json")]
    [InlineData(Ws + "/backtest?indicator=bookings&grain=quarter&from=2026-Q1&to=2026-Q2&offsets=0", "application/json")]
    [InlineData(Ws + "/exports/finance-pack.xlsx?period=2026-Q2&as_of=" + AsOf + "&forecast=false", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData(Ws + "/exports/finance-pack.zip?period=2026-Q2&as_of=" + AsOf + "&forecast=false", "application/zip")]
    public async Task EveryEndpoint_Answers(string path, string contentType)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.Length >= 2);
    }

    [Theory]
    [InlineData(Ws + "/indicators?name=bookings&period=9999", 400, "period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData(Ws + "/indicators?name=bookings&period=2025-Q5", 400, "period \"2025-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData(Ws + "/indicators?name=bookings&as_of=9999-12-31", 400, "as_of \"9999-12-31\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    [InlineData(Ws + "/indicators?name=bokings", 400, "name \"bokings\" is not an indicator (nearest: bookings)")]
    [InlineData(Ws + "/indicators?name=bookings&slice=vertical=retial", 400, "slice \"vertical=retial\": retial is not a vertical of this workspace (nearest: retail)")]
    [InlineData(Ws + "/indicators?name=bookings&target=abc", 400, "target \"abc\" is not a number (write 1250000 or 1250000.50, with . as the decimal point and no thousands separator)")]
    [InlineData(Ws + "/indicators?name=bookings&period=2026&by=rep,account,vertical", 400, "by rep,account,vertical: at most two dimensions")]
    [InlineData(Ws + "/forecast?name=bookings&slice=type=new_busines", 400, "slice \"type=new_busines\": new_busines is not a type of this workspace (nearest: new_business)")]
    [InlineData(Ws + "/forecast?name=bookings&period=9999", 400, "period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData(Ws + "/forecast?name=bookings&scenario=nope", 404, "scenario \"nope\": no such scenario (saved: none; base is the forecast without changes)")]
    [InlineData(Ws + "/forecast?name=bookings&distribution=perhaps", 400, "distribution \"perhaps\" is not true or false")]
    [InlineData(Ws + "/plans?period=9999", 400, "period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData(Ws + "/signals?as_of=9999-12-31", 400, "as_of \"9999-12-31\" is outside the dates Bellwether supports (1970-01-01 to 2100-12-31)")]
    [InlineData(Ws + "/explain?metric=bookings&slice=vertical=retial", 400, "slice \"vertical=retial\": retial is not a vertical of this workspace (nearest: retail)")]
    [InlineData(Ws + "/backtest?indicator=leads", 400, "indicator \"leads\" is not an indicator that is forecast (forecasts: ")]
    [InlineData(Ws + "/scenarios/nope", 404, "name \"nope\": no such scenario")]
    [InlineData(Ws + "/scenarios/nope/comparison", 404, "name \"nope\": no such scenario")]
    [InlineData(Ws + "/exports/finance-pack.xlsx?period=2025-Q5", 400, "period \"2025-Q5\" is not a period: a quarter is Q1 to Q4")]
    [InlineData("/api/v1/workspaces/elsewhere/forecast?name=bookings", 404, "elsewhere: no such workspace (nothing imported)")]
    [InlineData("/api/v1/nothing", 404, "/api/v1/nothing: no such endpoint")]
    [InlineData(Ws + "/indicators?name=bookings&period=2025&by=rep,account&grain=day", 422, "bookings by rep and account per day over 2025 would be about ")]
    public async Task MistakesInAQuery_AreProblems(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        await AssertProblem(response, status, detail);
    }

    [Theory]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "{\"set\": [", 400, "the body is not the JSON this endpoint reads")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "{\"set\": \"win_rate=+10%\"}", 400, "the body is not the JSON this endpoint reads at $.set")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "", 400, "the body is empty: this endpoint reads a JSON body")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "text/plain", "win_rate=+10%", 415, "content type text/plain; charset=utf-8: send the body as JSON, with Content-Type: application/json")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "{\"set\": [\"add_reps=2000000000 from 2026-07-01\"]}", 400, "set change 1 (add_reps) adds 2000000000 reps: at most 1000 in one change")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "{\"set\": [\"win_rate=lots\"]}", 400, "set \"win_rate=lots\": \"lots\" is not a relative change such as +10% or -40%")]
    [InlineData("POST", Ws + "/forecast/what-if?name=bookings", "application/json", "{\"changes\": [{\"driver\": \"magic\"}]}", 400, "changes are not a scenario's changes")]
    [InlineData("PUT", Ws + "/scenarios/better", "application/json", "{\"set\": [\"win_rate=+10%\"", 400, "the body is not the JSON this endpoint reads")]
    [InlineData("PUT", Ws + "/scenarios/base", "application/json", "{\"set\": [\"win_rate=+10%\"]}", 400, "name \"base\": a scenario needs a name other than base")]
    [InlineData("PUT", Ws + "/plans", "application/json", "{\"pillar\": ", 400, "the body is not the JSON this endpoint reads")]
    [InlineData("PUT", Ws + "/plans", "application/json", "{\"pillar\": \"new_business\", \"metric\": \"bookings\", \"period\": \"9999\", \"target\": 1, \"owner\": \"CEO\"}", 400, "period \"9999\" is outside the years Bellwether supports (1970 to 2100)")]
    [InlineData("POST", Ws + "/imports", "text/plain", "rep_id,name", 415, "content type text/plain; charset=utf-8: send the files as multipart/form-data")]
    [InlineData("DELETE", "/api/v1/indicators", "application/json", "", 405, "DELETE is not answered at /api/v1/indicators")]
    public async Task MistakesInABody_AreProblems(string method, string path, string contentType, string body, int status, string detail)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType == "application/json" ? contentType : contentType + "; charset=utf-8");

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblem(response, status, detail);
    }

    [Fact]
    public async Task ScenarioBase_IsTheForecastWithoutChanges()
    {
        var query = $"{Ws}/forecast?name=bookings&period=2026-Q3&as_of={AsOf}";

        using var plain = await Json(query);
        using var under = await Json(query + "&scenario=base");

        Assert.Equal(plain.RootElement[0].GetProperty("mean").GetDecimal(), under.RootElement[0].GetProperty("mean").GetDecimal());
    }

    [Fact]
    public async Task ASavedScenario_IsComparedWithBase_AsTheCommandLineComparesIt()
    {
        using var put = await _http.PutAsync(
            new Uri($"{Ws}/scenarios/better", UriKind.Relative), new StringContent("{\"description\": \"win more\", \"set\": [\"win_rate=+20%\"]}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var report = await Json($"{Ws}/scenarios/better/comparison?indicators=bookings&period=2026-Q3&as_of={AsOf}");

        Assert.Equal("base", report.RootElement.GetProperty("first").GetProperty("name").GetString());
        Assert.Equal("better", report.RootElement.GetProperty("second").GetProperty("name").GetString());
        var difference = report.RootElement.GetProperty("differences")[0];
        Assert.True(difference.GetProperty("mean_change").GetDecimal() > 0);
        Assert.True(report.RootElement.TryGetProperty("first_plans", out _));
    }

    [Fact]
    public async Task AWriteFromAnotherSitesPage_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"{Ws}/scenarios/sneaky", UriKind.Relative))
        {
            Content = new StringContent("{\"set\": [\"win_rate=+10%\"]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblem(response, 403, "PUT from a page of http://evil.example: the API takes changes only from its own origin");
        using var gone = await _http.GetAsync(new Uri($"{Ws}/scenarios/sneaky", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryEndpoint_WithItsParametersAndProblems()
    {
        using var document = await Json("/openapi/v1.json");
        var paths = document.RootElement.GetProperty("paths");

        string[] expected =
        [
            "/api/v1/indicators", "/api/v1/forecasts", "/api/v1/workspaces/{workspace}/status", "/api/v1/workspaces/{workspace}/indicators",
            "/api/v1/workspaces/{workspace}/signals", "/api/v1/workspaces/{workspace}/forecast", "/api/v1/workspaces/{workspace}/forecast/what-if",
            "/api/v1/workspaces/{workspace}/backtest", "/api/v1/workspaces/{workspace}/scenarios", "/api/v1/workspaces/{workspace}/scenarios/{name}",
            "/api/v1/workspaces/{workspace}/scenarios/{name}/comparison", "/api/v1/workspaces/{workspace}/plans", "/api/v1/workspaces/{workspace}/plans/lines",
            "/api/v1/workspaces/{workspace}/plans/changes", "/api/v1/workspaces/{workspace}/explain", "/api/v1/workspaces/{workspace}/digest", "/api/v1/workspaces/{workspace}/imports",
            "/api/v1/workspaces/{workspace}/exports/finance-pack.xlsx", "/api/v1/workspaces/{workspace}/exports/finance-pack.zip",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var operation in paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, o.Value))))
        {
            var responses = operation.Value.GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _) || responses.TryGetProperty("204", out _), $"{operation.Method} {operation.Path}: no success response");
            Assert.True(responses.TryGetProperty("500", out var bug), $"{operation.Method} {operation.Path}: no 500 problem");
            Assert.Contains("application/problem+json", bug.GetRawText(), StringComparison.Ordinal);
            if (operation.Path.Contains("{workspace}", StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("400", out _), $"{operation.Method} {operation.Path}: no 400 problem");
                Assert.True(responses.TryGetProperty("404", out _), $"{operation.Method} {operation.Path}: no 404 problem");
            }

            foreach (var parameter in operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var name = parameter.GetProperty("name").GetString();
                Assert.True(name is "workspace" or "name" && parameter.GetProperty("in").GetString() == "path" || parameter.TryGetProperty("description", out _), $"{operation.Method} {operation.Path}: {name} has no description");
            }
        }
    }

    [Fact]
    public async Task TheReferencePage_IsServedByTheHost_WithNothingFetchedFromElsewhere()
    {
        using var redirect = await _http.GetAsync(new Uri("/api", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await _http.GetStringAsync(new Uri("/docs/index.html", UriKind.Relative), TestContext.Current.CancellationToken);
        var script = await _http.GetStringAsync(new Uri("/docs/index.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("/docs/", redirect.RequestMessage?.RequestUri?.AbsolutePath ?? "", StringComparison.Ordinal);
        Assert.Contains("swagger-ui", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
        Assert.Contains(Bellwether.Dashboard.Layout.DashboardNavigation.Sections.SelectMany(s => s.Pages), p => p.Path == "docs");
    }

    public void Dispose()
    {
        _http.Dispose();
        _factory.Dispose();
        _temp.Dispose();
    }

    /// <summary>A problem document (RFC 9457) in our words: the status, the detail, and no .NET message.</summary>
    internal static async Task AssertProblem(HttpResponseMessage response, int status, string detail)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> Json(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
