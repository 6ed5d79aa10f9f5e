using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;

namespace Bellwether.Tests.Web;

/// <summary>The REST API on a real Kestrel listener over a real DuckDB store, called over HTTP.</summary>
public sealed class ApiTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
{
    private const string AsOf = "2026-07-01T00:00:00Z";
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _app = WebHost.Build(DuckDbStore.Open(demo.Db), "http://127.0.0.1:0", TimeProvider.System);
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
    }

    // The command line loads only the tables its indicators read, the host all of them: same rows, same order.
    [Theory]
    [InlineData("bookings,win_rate", "vertical")]
    [InlineData("leads,activities", "rep")]
    [InlineData("revenue,gross_margin", "service_line")]
    [InlineData("activities", "rep,activity_type")]
    public async Task Indicators_AreTheRowsTheCommandLinePrints(string names, string by)
    {
        var query = $"name={names}&period=2026-Q2&by={by}&as_of=" + AsOf;
        using var api = await Json($"/api/v1/workspaces/default/indicators?{query}");
        var cli = CliRunner.Run(["indicators", .. names.Split(','), "--period", "2026-Q2", "--by", by, "--as-of", AsOf, "--db", demo.Db, "--format", "json"]);

        Assert.Equal(0, cli.ExitCode);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(expected.RootElement.GetArrayLength(), api.RootElement.GetArrayLength());
        Assert.True(api.RootElement.GetArrayLength() > 2);
        Assert.Equal(Canonical(expected.RootElement), Canonical(api.RootElement));
        var first = api.RootElement[0];
        Assert.Equal(["indicator", "period", "as_of", "slice", "value", "unit", "provisional", "provisional_reason", "missing_reason", "detail"], first.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("/api/v1/workspaces/default/indicators?name=nope", 400, "name \"nope\" is not an indicator")]
    [InlineData("/api/v1/workspaces/default/indicators?name=bookings&period=2026-Q9", 400, "period \"2026-Q9\" is not a period")]
    [InlineData("/api/v1/workspaces/default/indicators", 400, "name is required: say which indicators")]
    [InlineData("/api/v1/workspaces/default/forecast?name=bookings&period=2026-W10", 400, "period \"2026-W10\" is a week: forecasts are made for months")]
    [InlineData("/api/v1/workspaces/default/forecast?name=bookings&scenario=nope", 404, "scenario \"nope\": no such scenario")]
    [InlineData("/api/v1/workspaces/elsewhere/status", 404, "elsewhere: no such workspace")]
    public async Task Mistakes_AreProblemsThatSayWhatIsWrong(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_WhatIf_AndSavedScenarios_MoveTheForecastTheSameWay()
    {
        var query = $"name=bookings&period=2026-Q3&as_of={AsOf}";
        using var base_ = await Json($"/api/v1/workspaces/default/forecast?{query}");
        var row = base_.RootElement[0];
        var (p10, p50, p90) = (row.GetProperty("p10").GetDecimal(), row.GetProperty("p50").GetDecimal(), row.GetProperty("p90").GetDecimal());
        Assert.True(p10 <= p50 && p50 <= p90);
        Assert.Equal(row.GetProperty("mean").GetDecimal(), row.GetProperty("parts").EnumerateObject().Sum(p => p.Value.GetDecimal()), 2);

        using var whatIf = await _http.PostAsJsonAsync(new Uri($"/api/v1/workspaces/default/forecast/what-if?{query}", UriKind.Relative), new { set = new[] { "win_rate=+20%" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, whatIf.StatusCode);
        using var moved = JsonDocument.Parse(await whatIf.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(moved.RootElement[0].GetProperty("mean").GetDecimal() > row.GetProperty("mean").GetDecimal());

        using var put = await _http.PutAsJsonAsync(new Uri("/api/v1/workspaces/default/scenarios/better", UriKind.Relative), new { description = "win more", set = new[] { "win_rate=+20%" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var list = await Json("/api/v1/workspaces/default/scenarios");
        Assert.Contains(list.RootElement.EnumerateArray(), s => s.GetProperty("name").GetString() == "better" && s.GetProperty("description").GetString() == "win more");
        using var saved = await Json($"/api/v1/workspaces/default/forecast?{query}&scenario=better");
        Assert.Equal(moved.RootElement[0].GetProperty("mean").GetDecimal(), saved.RootElement[0].GetProperty("mean").GetDecimal());
        Assert.Equal("better", saved.RootElement[0].GetProperty("scenario").GetString());

        using var deleted = await _http.DeleteAsync(new Uri("/api/v1/workspaces/default/scenarios/better", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await _http.GetAsync(new Uri("/api/v1/workspaces/default/scenarios/better", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task ConcurrentRequests_ShareOneStore()
    {
        var periods = new[] { "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _http.GetStringAsync(new Uri($"/api/v1/workspaces/default/indicators?name=won_deals&period={periods[i % 4]}&as_of={AsOf}", UriKind.Relative), TestContext.Current.CancellationToken)));

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(responses[i % 4], responses[i]);
        }
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryEndpoint()
    {
        using var document = await Json("/openapi/v1.json");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/workspaces/{workspace}/indicators", paths);
        Assert.Contains("/api/v1/workspaces/{workspace}/forecast", paths);
        Assert.Contains("/api/v1/workspaces/{workspace}/forecast/what-if", paths);
        Assert.Contains("/api/v1/workspaces/{workspace}/plans", paths);
        Assert.Contains("/api/v1/workspaces/{workspace}/scenarios/{name}", paths);
        Assert.Equal("Bellwether API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    private async Task<JsonDocument> Json(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    /// <summary>Rows without their as_of (the API and the CLI read "now" a moment apart) as compact JSON text.</summary>
    private static string Canonical(JsonElement rows) => string.Join("\n", rows.EnumerateArray().Select(r =>
        JsonSerializer.Serialize(r.EnumerateObject().Where(p => p.Name != "as_of").ToDictionary(p => p.Name, p => p.Value))));
}
