using System.Net;
using Bellwether.Cli;
using Bellwether.Dashboard.Live;
using Bellwether.Storage.DuckDb;
using Bellwether.Tests.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bellwether.Tests.Web;

/// <summary>A host over a company larger than its process may hold says so once and answers every request with why.</summary>
public sealed class CompanyTooLargeTests : IAsyncLifetime
{
    private readonly SmallCompany _company = new();
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        var import = CliRunner.Run("import", _company.Folder, "--db", _company.Db, "--report", _company.Report);
        Assert.True(import.ExitCode == ExitCodes.Ok, import.ToString());
        _app = WebHost.Build(new WebHostOptions { Store = DuckDbStore.Open(_company.Db, memoryAvailable: 1024), Urls = "http://127.0.0.1:0", Warm = true });
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
        }

        _company.Dispose();
    }

    [Fact]
    public async Task TheWarmerSaysItOnce_AndTheApiAnswers422WithTheSameLine_WhileStatusStillAnswers()
    {
        var warmer = _app!.Services.GetRequiredService<PageWarmer>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (warmer.Readings < 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "the warmer did not finish its reading");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // One page tried, the others not: the same line nine times would say nothing more.
        Assert.Equal(1, warmer.Failures);

        using var http = new HttpClient { BaseAddress = new Uri(WebHost.Address(_app)) };
        using var indicators = await http.GetAsync(new Uri("/api/v1/workspaces/default/indicators?name=win_rate&period=2025-Q2", UriKind.Relative), TestContext.Current.CancellationToken);
        var detail = await RequestBudgetTests.ProblemDetail(indicators, 422);
        Assert.StartsWith("The company of workspace default in DuckDB file ", detail, StringComparison.Ordinal);
        Assert.Contains("more than the 1 KB this process may use", detail, StringComparison.Ordinal);

        using var status = await http.GetAsync(new Uri("/api/v1/workspaces/default/status", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await status.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var memory = json.RootElement.GetProperty("memory");
        Assert.Equal(1024, memory.GetProperty("available_bytes").GetInt64());
        Assert.False(memory.GetProperty("fits").GetBoolean());
        Assert.Equal(memory.GetProperty("record_bytes").GetInt64() * 4, memory.GetProperty("needed_bytes").GetInt64());
    }
}
