using System.Diagnostics;
using Bellwether.Cli;
using Bellwether.Core.Import;
using Bellwether.Import;
using Bellwether.Storage.DuckDb;
using Bellwether.Testing;
using Bellwether.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>
/// The real app for the browser tests: the demo company at scale 1 in a real DuckDB file, served by the real host on
/// Kestrel at 127.0.0.1 (a free port), and Debian's Chromium driven by Playwright, with every request that does not go
/// to the loopback address blocked (and remembered, so tests can show that the dashboard asked for none).
/// Without /usr/bin/chromium the tests skip outside CI and fail in CI (CI=true).
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The name of the demo's import in the import log: a name with markup, which must show as text.</summary>
    public const string SourceName = "Acme CRM <script>window.__xss = 1</script> export";

    private readonly TempFolder _temp = new();
    private readonly List<string> _blocked = [];
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    public string Address { get; private set; } = "";

    /// <summary>The host's warnings and errors since it started.</summary>
    public ServerLog ServerLog { get; } = new();

    public string Db => _temp.File("demo.duckdb");

    /// <summary>The demo company's files (the folder format), for tests that upload some of them.</summary>
    public string Folder => _temp.File("demo");

    /// <summary>How long the demo took to simulate and import, for the report.</summary>
    public TimeSpan SetupTime { get; private set; }

    public IReadOnlyList<string> Blocked
    {
        get
        {
            lock (_blocked)
            {
                return [.. _blocked];
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"{ChromiumPath} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException(reason);
            }

            SkipReason = reason;
            return;
        }

        var watch = Stopwatch.StartNew();
        var output = new StringWriter();
        var demo = BellwetherCli.Run(["demo", "--out", Folder, "--format", "csv"], new CliContext(output, output, TimeProvider.System, _ => null, interactive: false));
        if (demo != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"demo --out failed: {output}");
        }

        using (var store = DuckDbStore.Open(Db))
        using (var session = store.BeginImport("default"))
        {
            var source = FolderSource.Open(Folder) with { Description = SourceName };
            var result = new ImportRunner(session).Run(source, new ImportOptions { StartedAt = DateTimeOffset.UtcNow });
            if (!result.Stored)
            {
                throw new InvalidOperationException("the demo import was rejected: " + string.Join("; ", result.Errors.Take(3)));
            }
        }

        SetupTime = watch.Elapsed;
        _app = WebHost.Build(DuckDbStore.Open(Db), "http://127.0.0.1:0", TimeProvider.System);
        _app.Services.GetRequiredService<ILoggerFactory>().AddProvider(ServerLog);
        await _app.StartAsync();
        Address = WebHost.Address(_app);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root Chromium needs --no-sandbox; the rest keep it from calling out to Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies, so its own circuit) at 1440×1050, loopback only.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address,
            ViewportSize = new ViewportSize { Width = 1440, Height = 1050 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(60_000);
        // Expect's own default is 5 s, too short on a loaded CI machine; waits are for correctness, never for speed.
        Assertions.SetDefaultExpectTimeout(60_000);
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost" or "[::1]")
            {
                await route.ContinueAsync();
                return;
            }

            lock (_blocked)
            {
                _blocked.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        return context;
    }

    /// <summary>A page of a new context that records the page's script errors.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        // A circuit's failure shows in the browser as one line; the server's log says what it was.
        var logged = ServerLog.Entries.Count;
        page.Console += (_, message) =>
        {
            if (message.Type != "error")
            {
                return;
            }

            var server = ServerLog.Entries.Skip(logged).ToList();
            // The circuit's connection dropping while the host logged nothing is the transport, not the page: with every
            // test project running at once on two cores the host's pings can be late past the client's 30 s, and Blazor
            // reconnects. A circuit that fails for a reason logs it on the host, and that is still an error.
            if (server.Count == 0 && message.Text.Contains("Connection disconnected", StringComparison.Ordinal))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"ignored, nothing logged on the host: {message.Text}");
                return;
            }

            errors.Add(message.Text + "\n" + string.Join("\n", server));
        };
        return (page, errors);
    }

    /// <summary>
    /// Asserts that the page showed no error, and on failure prints every error in full with what the host logged (a
    /// collection assertion would cut the first one to fifty characters, and the cause with it).
    /// </summary>
    public static void AssertNoErrors(IReadOnlyList<string> errors) =>
        Assert.True(errors.Count == 0, $"the page showed {errors.Count} error(s):\n" + string.Join("\n----\n", errors));

    /// <summary>
    /// Chooses files on the Import page the way a user would: once the picker is enabled (the page enables it when the
    /// browser listens for a choice), and waits until the page has taken them (its Import button enables).
    /// </summary>
    public static async Task ChooseFilesAsync(IPage page, FilePayload[] files)
    {
        var picker = page.Locator("#upload-files");
        await Assertions.Expect(picker).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await picker.SetInputFilesAsync(files);
        await Assertions.Expect(page.Locator("#upload-run")).ToBeEnabledAsync(new() { Timeout = 60_000 });
    }

    /// <inheritdoc cref="ChooseFilesAsync(IPage, FilePayload[])"/>
    public static Task ChooseFilesAsync(IPage page, params string[] paths) =>
        ChooseFilesAsync(page, [.. paths.Select(p => new FilePayload { Name = Path.GetFileName(p), MimeType = "text/csv", Buffer = File.ReadAllBytes(p) })]);

    /// <summary>Waits until the chart has drawn (ECharts' finished event); on a time-out, says what the page and the host showed.</summary>
    public static async Task WaitForChartAsync(IPage page, string id, IReadOnlyList<string> errors, int timeout = 120_000)
    {
        try
        {
            await page.Locator($"#{id}[data-rendered='true']").WaitForAsync(new() { Timeout = timeout });
        }
        catch (TimeoutException e)
        {
            var main = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"chart {id} did not draw in {timeout} ms. Page:\n{main}\nErrors:\n{string.Join("\n", errors)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardApp>
{
    public const string Name = "dashboard";
}
