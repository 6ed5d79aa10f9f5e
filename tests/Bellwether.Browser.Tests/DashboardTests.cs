using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>The dashboard's pages in a real Chromium against the real app (see <see cref="DashboardApp"/>).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardApp app)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Overview_ShowsTheFourPillars_WithOwnersAndStatuses()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".pillar")).ToHaveCountAsync(4, new() { Timeout = 120_000 });

        (string Pillar, string Title, string Owner)[] expected =
        [
            ("NewBusiness", "New business", "President"),
            ("Retention", "Client retention", "COO"),
            ("Expansion", "Service expansion", "President"),
            ("CostModel", "Cost model", "CFO"),
        ];
        foreach (var (pillar, title, owner) in expected)
        {
            var card = page.Locator($".pillar[data-pillar='{pillar}']");
            Assert.Equal(title, await card.Locator("h2").InnerTextAsync());
            Assert.Equal(owner, await card.Locator(".owner").GetAttributeAsync("data-owner"));
            Assert.Equal(["Month", "Quarter", "Year"], await card.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.horizon)"));
            // The quarter and year are not over: each has a plan, a forecast and a status.
            foreach (var horizon in new[] { "Quarter", "Year" })
            {
                var status = await card.Locator($"tr[data-horizon='{horizon}'] [data-status]").GetAttributeAsync("data-status");
                Assert.Contains(status, new[] { "on_track", "at_risk", "off_track" });
            }
        }

        // Money in the company's currency (USD).
        Assert.StartsWith("$", await page.Locator(".pillar[data-pillar='NewBusiness'] tr[data-horizon='Quarter'] td.p50").InnerTextAsync(), StringComparison.Ordinal);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Forecast_DrawsTheFan_WithBandMedianPlanAndActual()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/forecast");
        await DashboardApp.WaitForChartAsync(page, "fan-bookings", errors);

        using var option = JsonDocument.Parse(await page.EvaluateAsync<string>(
            "JSON.stringify(echarts.getInstanceByDom(document.getElementById('fan-bookings')).getOption())"));
        var series = option.RootElement.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["P10", "P10–P90", "Forecast (P50)", "Plan", "Actual to date"], series.Select(s => s.GetProperty("name").GetString()));
        // A quarter: three months, each with a median inside its band.
        var p10 = series[0].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        var width = series[1].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        var p50 = series[2].GetProperty("data").EnumerateArray().Select(v => v.GetDecimal()).ToList();
        Assert.Equal(3, p50.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(p50[i], p10[i], p10[i] + width[i]);
        }

        // The same numbers in the hidden table, in the company's currency.
        var rows = page.Locator("#fan-bookings-table tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.StartsWith("$", await rows.First.Locator("td").Nth(2).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("between", await page.Locator("#fan-bookings").GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task ExportPng_DownloadsThePictureOfTheChart()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/forecast");
        await DashboardApp.WaitForChartAsync(page, "fan-revenue", errors);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("figure:has(#fan-revenue) .chart-export").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);

        Assert.Equal("fan-revenue.png", download.SuggestedFilename);
        Assert.Equal(PngSignature, bytes[..8]);
        // Larger than SignalR's 32 KB message limit: it came as a stream.
        Assert.True(bytes.Length > 32 * 1024, $"{bytes.Length} bytes");
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Import_OfABadFile_ShowsTheRowErrors_AndStoresNothing()
    {
        var folder = Directory.CreateTempSubdirectory("bellwether-bad-");
        try
        {
            var reps = File.ReadAllLines(Path.Combine(app.Folder, "reps.csv"));
            var header = reps[0].Split(',');
            var row = reps[1].Split(',');
            row[Array.IndexOf(header, "start_date")] = "31/02/2026";
            File.WriteAllLines(Path.Combine(folder.FullName, "reps.csv"), [reps[0], string.Join(',', row)]);
            File.Copy(Path.Combine(app.Folder, "opportunities.csv"), Path.Combine(folder.FullName, "opportunities.csv"));

            var (page, errors) = await app.NewPageAsync();
            await page.GotoAsync("/import");
            await DashboardApp.ChooseFilesAsync(page, Path.Combine(folder.FullName, "reps.csv"), Path.Combine(folder.FullName, "opportunities.csv"));
            await page.Locator("#upload-run").ClickAsync();

            await Assertions.Expect(page.Locator("#import-report h2")).ToHaveTextAsync("Rejected: nothing stored", new() { Timeout = 60_000 });
            var error = page.Locator("#import-errors tbody tr").Filter(new() { HasText = "31/02/2026" });
            Assert.Equal(["reps.csv", "2", "start_date", "31/02/2026"], (await error.Locator("td").AllInnerTextsAsync()).Take(4).Select(t => t.Trim()));
            DashboardApp.AssertNoErrors(errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LeavingAPage_WhileItsChartsDraw_BreaksNothing()
    {
        // A user who clicks on before the charts have drawn: by the time the browser is asked to draw a chart, its
        // element is gone. That once ended the circuit (ECharts refused a null element), and the next page never loaded.
        // The chart script is held back for a moment, so that the click lands while the charts wait for it.
        var (page, errors) = await app.NewPageAsync();
        var held = new TaskCompletionSource();
        await page.RouteAsync("**/js/echart.js", async route =>
        {
            await held.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/status");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Status");
        var nav = page.Locator("nav.sidenav");
        await nav.GetByText("Revenue indicators").ClickAsync();
        await page.Locator("main .chart").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await nav.GetByText("Status").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Status");
        held.SetResult();

        // The circuit lives on: the import log shows once the charts' calls have come back, and the page left draws
        // when it is stayed on.
        await page.WaitForFunctionAsync("() => [...performance.getEntriesByType('resource')].some(r => r.name.includes('/js/echart.js'))");
        await Assertions.Expect(page.Locator("#imports td").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await nav.GetByText("Revenue indicators").ClickAsync();
        await DashboardApp.WaitForChartAsync(page, "pipeline-burn-chart", errors);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Status_ShowsANameWithMarkup_AsText()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/status");
        var cell = page.Locator("#imports td").Filter(new() { HasText = "<script>" });
        await Assertions.Expect(cell.First).ToContainTextAsync(DashboardApp.SourceName, new() { Timeout = 60_000 });

        Assert.Equal(0, await page.Locator("#imports script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.__xss === undefined"));
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task LiveUpdate_AnImportShowsOnAnOpenPage_WithoutReload()
    {
        // A page left open on the status…
        var (watching, errors) = await app.NewPageAsync();
        await watching.GotoAsync("/status");
        await watching.Locator("#imports tbody tr").First.WaitForAsync();
        await watching.EvaluateAsync("window.__sameDocument = true");

        // …while someone imports a renamed rep through the Import page of another browser.
        var folder = Directory.CreateTempSubdirectory("bellwether-live-");
        try
        {
            var reps = File.ReadAllLines(Path.Combine(app.Folder, "reps.csv"));
            var header = reps[0].Split(',');
            var row = reps[1].Split(',');
            row[Array.IndexOf(header, "name")] = "Renamed " + Guid.NewGuid().ToString("N")[..6];
            reps[1] = string.Join(',', row);
            File.WriteAllLines(Path.Combine(folder.FullName, "reps.csv"), reps);
            File.Copy(Path.Combine(app.Folder, "opportunities.csv"), Path.Combine(folder.FullName, "opportunities.csv"));

            var (importing, _) = await app.NewPageAsync();
            await importing.GotoAsync("/import");
            await DashboardApp.ChooseFilesAsync(importing, Path.Combine(folder.FullName, "reps.csv"), Path.Combine(folder.FullName, "opportunities.csv"));
            await importing.Locator("#upload-run").ClickAsync();
            await Assertions.Expect(importing.Locator("#import-report h2")).ToContainTextAsync("Imported", new() { Timeout = 60_000 });
            var imported = Stopwatch.StartNew();

            // The goal is 2 s; a loaded test machine is no place to time it (docs/benchmarks.md measures it), so the test
            // checks that the open page updates by itself, and reports how long that took.
            var newest = watching.Locator("#imports tbody tr").First;
            await Assertions.Expect(newest).ToContainTextAsync("upload through the dashboard", new() { Timeout = 60_000 });
            TestContext.Current.TestOutputHelper?.WriteLine($"live update shown {imported.ElapsedMilliseconds} ms after the import finished");
            Assert.True(await watching.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
            DashboardApp.AssertNoErrors(errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Pages_AskForNothingBeyondThisMachine()
    {
        var (page, errors) = await app.NewPageAsync();
        foreach (var path in new[] { "/", "/forecast", "/status", "/import", "/pillars/new-business", "/revenue", "/variance", "/scenarios" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        }

        Assert.Empty(app.Blocked);
        DashboardApp.AssertNoErrors(errors);
    }
}
