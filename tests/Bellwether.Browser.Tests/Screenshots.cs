using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>
/// A picture of each page at 1440×1050, once it has drawn: into $BELLWETHER_SCREENSHOTS (scripts/screenshots sets it
/// to docs/screenshots), or a temporary folder, so that every run also checks each page renders without a script error.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class Screenshots(DashboardApp app)
{
    [Fact]
    public async Task EveryPage_Renders_AndIsPhotographed()
    {
        var target = Environment.GetEnvironmentVariable("BELLWETHER_SCREENSHOTS") is { Length: > 0 } given ? given : Directory.CreateTempSubdirectory("bellwether-shots-").FullName;
        Directory.CreateDirectory(target);
        var (page, errors) = await app.NewPageAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".pillar")).ToHaveCountAsync(4, new() { Timeout = 120_000 });
        Say($"overview drawn in {watch.ElapsedMilliseconds} ms (the first page after start: the forecast is fitted and every plan line projected)");
        await Shoot(page, target, "overview");

        watch.Restart();
        await page.GotoAsync("/forecast");
        await DashboardApp.WaitForChartAsync(page, "fan-bookings", errors);
        await DashboardApp.WaitForChartAsync(page, "fan-revenue", errors);
        Say($"forecast drawn in {watch.ElapsedMilliseconds} ms (model fitted)");
        await Shoot(page, target, "forecast");

        watch.Restart();
        await page.GotoAsync("/pillars/new-business");
        await DashboardApp.WaitForChartAsync(page, "pipeline-by-vertical", errors);
        await page.Locator("#pillar-signals .signal").First.WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#pillar-plans tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
        Say($"new business drawn in {watch.ElapsedMilliseconds} ms");
        await Shoot(page, target, "pillar");

        watch.Restart();
        await page.GotoAsync("/revenue");
        foreach (var chart in new[] { "activity-heatmap", "pipeline-burn-chart", "win-rate-rep", "leaderboard-chart", "vertical-trends-chart", "inbound-outbound-chart", "service-lines-chart" })
        {
            await DashboardApp.WaitForChartAsync(page, chart, errors);
        }

        Say($"revenue indicators drawn in {watch.ElapsedMilliseconds} ms");
        // Many screens long: its first screen tells what it is, and the whole would be megabytes.
        await Shoot(page, target, "revenue", fullPage: false);

        watch.Restart();
        await page.GotoAsync("/variance");
        await DashboardApp.WaitForChartAsync(page, "waterfall", errors);
        Say($"variance drawn in {watch.ElapsedMilliseconds} ms");
        await Shoot(page, target, "variance");

        watch.Restart();
        await page.GotoAsync("/scenarios");
        await DashboardApp.WaitForChartAsync(page, "scenario-chart", errors, 180_000);
        await page.Locator("#driver-win_rate").EvaluateAsync("el => { el.value = '10'; el.dispatchEvent(new Event('change', { bubbles: true })); }");
        await Assertions.Expect(page.Locator("#scenario-changes")).ToContainTextAsync("win_rate +10%", new() { Timeout = 180_000 });
        Say($"scenarios drawn and moved in {watch.ElapsedMilliseconds} ms");
        await Shoot(page, target, "scenarios");

        watch.Restart();
        await page.GotoAsync("/status");
        await page.Locator("#imports tbody tr").First.WaitForAsync();
        Say($"status drawn in {watch.ElapsedMilliseconds} ms");
        await Shoot(page, target, "status");

        await page.GotoAsync("/import");
        var bad = Path.Combine(target, ".bad-opportunities.csv");
        var lines = File.ReadLines(Path.Combine(app.Folder, "opportunities.csv")).Take(4).ToArray();
        lines[2] = lines[2].Replace(",won,", ",wonn,", StringComparison.Ordinal).Replace(",open,", ",opne,", StringComparison.Ordinal).Replace(",lost,", ",lots,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bad, lines, TestContext.Current.CancellationToken);
        try
        {
            await DashboardApp.ChooseFilesAsync(page, [new FilePayload { Name = "opportunities.csv", MimeType = "text/csv", Buffer = await File.ReadAllBytesAsync(bad, TestContext.Current.CancellationToken) }]);
        }
        finally
        {
            File.Delete(bad);
        }

        await page.Locator("#upload-run").ClickAsync();
        await page.Locator("#import-report").WaitForAsync(new() { Timeout = 60_000 });
        await Shoot(page, target, "import");

        DashboardApp.AssertNoErrors(errors);
    }

    private static void Say(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static async Task Shoot(IPage page, string folder, string name, bool fullPage = true)
    {
        // Let the last animation settle so the picture shows the finished chart.
        await page.WaitForTimeoutAsync(400);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} looks empty");
    }
}
