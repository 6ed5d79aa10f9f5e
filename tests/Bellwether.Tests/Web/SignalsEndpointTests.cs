using System.Text.Json;
using Bellwether.Services;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Cli;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bellwether.Tests.Web;

/// <summary><c>GET /api/v1/workspaces/{ws}/signals</c> on a real Kestrel listener over a real DuckDB store.</summary>
public sealed class SignalsEndpointTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
{
    private const string AsOf = "2026-06-15";
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
    [InlineData("new_business")]
    [InlineData("cost_model")]
    public async Task Signals_AreWhatTheCommandLinePrints(string pillar)
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/workspaces/default/signals?pillar={pillar}&as_of={AsOf}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cli = CliRunner.Run("signals", "--db", demo.Db, "--pillar", pillar, "--as-of", AsOf, "--format", "json");

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, cli.ExitCode);
        using var api = JsonDocument.Parse(body);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.True(api.RootElement.GetArrayLength() >= 4);
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
        Assert.All(api.RootElement.EnumerateArray(), s => Assert.Equal(pillar, s.GetProperty("pillar").GetString()));
    }

    [Fact]
    public async Task AllFourPillars_ReadPillarByPillar_AreWhatTheCommandLinePrintsForAll()
    {
        using var response = await _http.GetAsync(new Uri($"/api/v1/workspaces/default/signals?as_of={AsOf}", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var cli = CliRunner.Run("signals", "--db", demo.Db, "--as-of", AsOf, "--format", "json");

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal(0, cli.ExitCode);
        using var api = JsonDocument.Parse(body);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(
            ["new_business", "retention", "expansion", "cost_model"],
            api.RootElement.EnumerateArray().Select(s => s.GetProperty("pillar").GetString()).Distinct());
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
    }

    [Fact]
    public async Task WithoutAsOf_TheSignalsAreReadAsOfTheHour_AsThePillarPagesReadThem()
    {
        // The start of the hour, as the pages read it: one reading, kept per store version, serves both (the retention
        // signals fit a client-health model twice). Read again should the hour turn in between.
        DateTimeOffset hour;
        string body;
        do
        {
            hour = ForecastService.Now(TimeProvider.System);
            using var response = await _http.GetAsync(new Uri("/api/v1/workspaces/default/signals?pillar=retention", UriKind.Relative), TestContext.Current.CancellationToken);
            body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, body);
        }
        while (ForecastService.Now(TimeProvider.System) != hour);

        var cli = CliRunner.Run("signals", "--db", demo.Db, "--pillar", "retention", "--as-of", hour.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
        var page = _app!.Services.GetRequiredService<SignalReader>().Read("default", Core.Plans.Pillar.Retention);

        Assert.Equal(0, cli.ExitCode);
        using var api = JsonDocument.Parse(body);
        using var expected = JsonDocument.Parse(cli.Out);
        Assert.Equal(JsonSerializer.Serialize(expected.RootElement), JsonSerializer.Serialize(api.RootElement));
        Assert.Equal(page.Select(p => p.Summary), api.RootElement.EnumerateArray().Select(s => s.GetProperty("summary").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/workspaces/default/signals?pillar=nope", 400, "pillar \"nope\" is not a pillar")]
    [InlineData("/api/v1/workspaces/default/signals?period=2026-Q9", 400, "period \"2026-Q9\"")]
    [InlineData("/api/v1/workspaces/default/signals?as_of=soon", 400, "as_of \"soon\" is not a date or instant")]
    [InlineData("/api/v1/workspaces/elsewhere/signals", 404, "elsewhere: no such workspace")]
    public async Task Mistakes_AreProblemsThatSayWhatIsWrong(string path, int status, string detail)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheSignalsEndpoint()
    {
        var document = await _http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("/api/v1/workspaces/{workspace}/signals", document, StringComparison.Ordinal);
    }
}
