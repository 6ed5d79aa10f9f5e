using System.Text.Json;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;

namespace Bellwether.Tests.Web;

/// <summary><c>GET /api/v1/workspaces/{ws}/digest</c> on a real Kestrel listener over a real DuckDB store.</summary>
public sealed class DigestEndpointTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
{
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

    [Fact]
    public async Task Digest_IsWhatTheCommandLineWrites_InEachFormat()
    {
        var cancel = TestContext.Current.CancellationToken;
        var json = await _http.GetStringAsync(new Uri($"/api/v1/workspaces/default/digest?owner=CFO&as_of={DemoStore.Now}", UriKind.Relative), cancel);
        using var markdown = await _http.GetAsync(new Uri($"/api/v1/workspaces/default/digest?owner=cfo&as_of={DemoStore.Now}&format=md", UriKind.Relative), cancel);
        var cli = CliRunner.Run("digest", "--owner", "CFO", "--as-of", DemoStore.Now, "--db", demo.Db, "--format", "json");
        var cliMarkdown = CliRunner.Run("digest", "--owner", "CFO", "--as-of", DemoStore.Now, "--db", demo.Db);

        using var api = JsonDocument.Parse(json);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(cliMarkdown.Out, await markdown.Content.ReadAsStringAsync(cancel));
    }

    [Theory]
    [InlineData("/api/v1/workspaces/default/digest?owner=CEO&as_of=2026-06-30", 400, "owner \"CEO\" holds no plan as of 2026-06-30 (owners: CFO, COO, President)")]
    [InlineData("/api/v1/workspaces/default/digest", 400, "owner is required: say whose digest")]
    [InlineData("/api/v1/workspaces/default/digest?owner=CFO&format=pdf", 400, "format \"pdf\" is not a format of the digest (json, md, html)")]
    [InlineData("/api/v1/workspaces/default/digest?owner=CFO&as_of=soon", 400, "as_of \"soon\" is not a date or instant")]
    [InlineData("/api/v1/workspaces/elsewhere/digest?owner=CFO", 404, "elsewhere: no such workspace")]
    public async Task Mistakes_AreProblemsThatSayWhatIsWrong(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
