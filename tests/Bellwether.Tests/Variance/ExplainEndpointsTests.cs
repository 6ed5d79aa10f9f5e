using System.Text.Json;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;

namespace Bellwether.Tests.Variance;

/// <summary>GET …/explain on a real Kestrel listener over a real DuckDB store: the CLI's JSON, and mistakes as problems.</summary>
public sealed class ExplainEndpointsTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
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

    [Theory]
    [InlineData("bookings", "previous", "vertical")]
    [InlineData("grr", "previous", "service_line")]
    [InlineData("operating_margin", "plan", "")]
    public async Task Explain_IsTheExplanationTheCommandLinePrints(string metric, string against, string by)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/workspaces/default/explain?metric={metric}&period=2026-Q2&against={against}&by={by}&as_of={AsOf}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        string[] byArgs = by.Length == 0 ? [] : ["--by", by];
        var cli = CliRunner.Run(["explain", metric, "--period", "2026-Q2", "--against", against, .. byArgs, "--as-of", AsOf, "--db", demo.Db, "--format", "json"]);

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, cli.ExitCode);
        using var api = JsonDocument.Parse(body);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
        Assert.Equal(JsonValueKind.Null, api.RootElement.GetProperty("missing_reason").ValueKind);
    }

    [Theory]
    [InlineData("/api/v1/workspaces/default/explain?period=2026-Q2", 400, "metric is required: say which metric to explain")]
    [InlineData("/api/v1/workspaces/default/explain?metric=bookings&against=forecast", 400, "against forecast: not one of plan, previous, last_year")]
    [InlineData("/api/v1/workspaces/default/explain?metric=bookings&period=2026-Q9", 400, "period \"2026-Q9\" is not a period")]
    [InlineData("/api/v1/workspaces/default/explain?metric=bookings&as_of=soon", 400, "as_of \"soon\" is not a date or instant")]
    [InlineData("/api/v1/workspaces/default/explain?metric=bookings&slice=planet=mars", 400, "slice \"planet=mars\" is not a slice")]
    [InlineData("/api/v1/workspaces/elsewhere/explain?metric=bookings", 404, "elsewhere: no such workspace")]
    public async Task Mistakes_AreProblemsThatSayWhatIsWrong(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesExplain()
    {
        var text = await _http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/workspaces/{workspace}/explain", out var path));
        Assert.Contains("metric", path.GetRawText(), StringComparison.Ordinal);
    }
}
