using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;

namespace Bellwether.Tests.Web;

/// <summary>The plans group of the REST API on a real listener over a copy of the demo store (edits change it).</summary>
public sealed class PlansEndpointsTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
{
    private const string Plans = "/api/v1/workspaces/default/plans";
    private readonly TempFolder _temp = new();
    private WebApplication? _app;
    private HttpClient _http = null!;
    private string _db = "";

    public async ValueTask InitializeAsync()
    {
        _db = Path.Combine(_temp.Path, "demo.duckdb");
        File.Copy(demo.Db, _db);
        _app = WebHost.Build(DuckDbStore.Open(_db), "http://127.0.0.1:0", TimeProvider.System);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = new Uri(WebHost.Address(_app)) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task Status_IsTheRowsTheCommandLinePrints()
    {
        using var api = await Json($"{Plans}?period=2026-05&as_of=2026-06-30&pillar=retention");

        await StopAsync();
        var cli = CliRunner.Run("plans", "--period", "2026-05", "--as-of", "2026-06-30", "--pillar", "retention", "--db", _db, "--format", "json");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(1, api.RootElement.GetArrayLength());
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
        Assert.Equal("actual", api.RootElement[0].GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Edits_AreRecordedAsTheApis_AndTheNextReadingShowsThem()
    {
        var put = new { pillar = "new_business", metric = "bookings", period = "2026-05", slice = "type=new_business", target = 2_000_000, owner = "Rita Reyes" };
        using var before = await Json($"{Plans}?period=2026-05&pillar=new_business");

        using var set = await _http.PutAsJsonAsync(new Uri(Plans, UriKind.Relative), put, TestContext.Current.CancellationToken);
        using var again = await _http.PutAsJsonAsync(new Uri(Plans, UriKind.Relative), put, TestContext.Current.CancellationToken);
        using var reading = await Json($"{Plans}?period=2026-05&pillar=new_business");
        using var ratio = await _http.PutAsJsonAsync(new Uri(Plans, UriKind.Relative), new { pillar = "retention", metric = "grr", period = "2026-05", target = "91%", owner = "COO" }, TestContext.Current.CancellationToken);
        using var removed = await _http.DeleteAsync(new Uri($"{Plans}?pillar=retention&metric=grr&period=2026-05", UriKind.Relative), TestContext.Current.CancellationToken);
        using var gone = await _http.DeleteAsync(new Uri($"{Plans}?pillar=retention&metric=grr&period=2026-05", UriKind.Relative), TestContext.Current.CancellationToken);
        using var changes = await Json($"{Plans}/changes");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        using var change = JsonDocument.Parse(await set.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("api", change.RootElement.GetProperty("changed_by").GetString());
        Assert.Equal("api", change.RootElement.GetProperty("source").GetString());
        Assert.Equal(2_000_000m, change.RootElement.GetProperty("after").GetProperty("target").GetDecimal());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        // The reading before the edit was kept (the host caches readings per store version); the edit moved it on.
        Assert.NotEqual(2_000_000m, Assert.Single(before.RootElement.EnumerateArray(), r => r.GetProperty("period").GetString() == "2026-05").GetProperty("target").GetDecimal());
        var row = Assert.Single(reading.RootElement.EnumerateArray(), r => r.GetProperty("period").GetString() == "2026-05");
        Assert.Equal(2_000_000m, row.GetProperty("target").GetDecimal());
        Assert.Equal("Rita Reyes", row.GetProperty("owner").GetString());
        Assert.Equal(HttpStatusCode.OK, ratio.StatusCode);
        using var ratioChange = JsonDocument.Parse(await ratio.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0.91m, ratioChange.RootElement.GetProperty("after").GetProperty("target").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var log = changes.RootElement.EnumerateArray().Where(c => c.GetProperty("source").GetString() == "api").ToList();
        Assert.Equal(3, log.Count);
        Assert.Equal(JsonValueKind.Null, log[2].GetProperty("after").ValueKind);
        Assert.Equal(0.91m, log[2].GetProperty("before").GetProperty("target").GetDecimal());
    }

    [Fact]
    public async Task MistakesInAnEdit_AreOneProblemListingEach_AndChangeNothing()
    {
        using var before = await Json($"{Plans}/changes");

        using var response = await _http.PutAsJsonAsync(new Uri(Plans, UriKind.Relative), new { pillar = "sales", metric = "bookings", period = "2026-13", target = "lots", owner = "President" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            ["pillar \"sales\" is not a pillar (new_business, retention, expansion, cost_model)", "period \"2026-13\" is not a period (expected 2025-03-31, 2025-W14, 2025-03, 2025-Q1 or 2025)", "target \"lots\" is not a number (write 1250000 or 0.45 or 45%, with . as the decimal point and no thousands separator)"],
            problem.RootElement.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(e => e.GetString()));
        Assert.StartsWith("pillar \"sales\" is not a pillar", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var after = await Json($"{Plans}/changes");
        Assert.Equal(before.RootElement.GetArrayLength(), after.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(Plans + "?pillar=sales", 400, "pillar \"sales\" is not a pillar")]
    [InlineData(Plans + "?period=2026-Q9", 400, "period \"2026-Q9\" is not a period")]
    [InlineData(Plans + "?as_of=yesterday", 400, "as_of \"yesterday\" is not a date or instant")]
    [InlineData(Plans + "?scenario=nope", 404, "scenario \"nope\": no such scenario")]
    [InlineData(Plans + "/changes?as_of=soon", 400, "as_of \"soon\" is not a date or instant")]
    [InlineData("/api/v1/workspaces/elsewhere/plans", 404, "elsewhere: no such workspace")]
    public async Task MistakesInAReading_AreProblems(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePlansGroup()
    {
        using var document = await Json("/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths");
        var plans = paths.GetProperty(Plans.Replace("default", "{workspace}", StringComparison.Ordinal));
        Assert.True(plans.TryGetProperty("get", out _));
        Assert.True(plans.TryGetProperty("put", out _));
        Assert.True(plans.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/v1/workspaces/{workspace}/plans/changes", out _));
    }

    /// <summary>Lets go of the store file, so that the command line can open it (DuckDB allows one process, one writer).</summary>
    [Fact]
    public async Task AnExplanationAgainstThePlan_FollowsAnEditOfIt()
    {
        const string Explain = "/api/v1/workspaces/default/explain?metric=bookings&period=2026-05&against=plan&as_of=2026-06-30";
        using var before = await Json(Explain);
        using var kept = await Json(Explain);
        var put = new { pillar = "new_business", metric = "bookings", period = "2026-05", slice = "type=new_business", target = 3_210_000, owner = "President" };
        using var set = await _http.PutAsJsonAsync(new Uri(Plans, UriKind.Relative), put, TestContext.Current.CancellationToken);
        using var after = await Json(Explain);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var actual = before.RootElement.GetProperty("actual").GetDecimal();
        Assert.NotEqual(3_210_000m, before.RootElement.GetProperty("comparison").GetDecimal());
        Assert.Equal(JsonSerializer.Serialize(before.RootElement), JsonSerializer.Serialize(kept.RootElement));
        // The host keeps explanations per store version: the edit is a new version, so the gap is against the new target.
        Assert.Equal(3_210_000m, after.RootElement.GetProperty("comparison").GetDecimal());
        Assert.Equal(actual, after.RootElement.GetProperty("actual").GetDecimal());
        Assert.Equal(actual - 3_210_000m, after.RootElement.GetProperty("gap").GetDecimal());
    }

    private async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private async Task<JsonDocument> Json(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
