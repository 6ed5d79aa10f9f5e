using System.Net;
using System.Net.Http.Json;
using Bellwether.Dashboard.Live;
using Bellwether.Indicators;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using Bellwether.Tests.Cli;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Bellwether.Tests.Web;

/// <summary>A host that warms (as serve and demo do) reads every page's data before anyone asks, and again after an edit.</summary>
public sealed class PageWarmerTests(DemoStore demo) : IClassFixture<DemoStore>, IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        var db = Path.Combine(_temp.Path, "demo.duckdb");
        File.Copy(demo.Db, db);
        _app = WebHost.Build(new WebHostOptions { Store = DuckDbStore.Open(db), Urls = "http://127.0.0.1:0", Warm = true });
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(TestContext.Current.CancellationToken);
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    [Fact]
    public async Task EveryPage_IsReadWithoutAVisitor_AndAgainAfterThePlansChange()
    {
        var warmer = _app!.Services.GetRequiredService<PageWarmer>();
        await Until(() => warmer.Readings >= 1);
        var first = warmer.Readings;
        Assert.Equal(0, warmer.Failures);

        // The retention page's signals read the engagement table, which nothing else loads: read without a visitor.
        Assert.Equal(1, _app.Services.GetRequiredService<IndicatorService>().TableLoads.GetValueOrDefault("engagement"));

        using var http = new HttpClient { BaseAddress = new Uri(WebHost.Address(_app)) };
        var put = new { pillar = "new_business", metric = "bookings", period = "2026-05", slice = "type=new_business", target = 2_345_000, owner = "President" };
        using var set = await http.PutAsJsonAsync(new Uri("/api/v1/workspaces/default/plans", UriKind.Relative), put, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        // The edit is a new version of the store: the warmer reads the overview again, still without a visitor.
        await Until(() => warmer.Readings > first);
    }

    /// <summary>Waits for the warmer (a fit of the demo company: seconds, more on a busy machine); a wait for correctness, not a timing.</summary>
    private static async Task Until(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the warmer did not read every page within five minutes");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
