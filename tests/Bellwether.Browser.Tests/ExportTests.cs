using System.IO.Compression;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>Every table downloads as CSV and Excel with the rows shown; every chart as a PNG; sorting works from the keyboard.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ExportTests(DashboardApp app)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task TableCsv_HasTheHeadingsAndRowsShown_WithRawNumbers()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue");
        var table = page.Locator("#service-lines");
        await table.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
        var headings = (await table.Locator("thead th").AllInnerTextsAsync()).Select(h => h.Replace("unfold_more", "", StringComparison.Ordinal).Trim()).ToList();
        var shown = await table.Locator("tbody tr td:first-child").AllInnerTextsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => table.Locator(".table-csv").ClickAsync());
        Assert.Equal("service-lines.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Where(l => l.Length > 0).ToList();

        Assert.Equal(headings, DemoFiles.Split(lines[0]));
        Assert.Equal(shown.Select(s => s.Trim()), lines.Skip(1).Select(l => DemoFiles.Split(l)[0]));

        // Money as a plain number, not as the page writes it.
        var implementation = DemoFiles.Split(lines.Single(l => l.StartsWith("implementation,", StringComparison.Ordinal)));
        Assert.Matches(@"^\d+(\.\d+)?$", implementation[1]);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task TableExcel_IsAWorkbookWithTheRows()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue");
        var table = page.Locator("#leaderboard");
        await table.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });
        var leader = (await table.Locator("tbody tr").First.Locator("td").Nth(1).InnerTextAsync()).Trim();

        var download = await page.RunAndWaitForDownloadAsync(() => table.Locator(".table-xlsx").ClickAsync());
        Assert.Equal("leaderboard.xlsx", download.SuggestedFilename);
        using var workbook = ZipFile.OpenRead(await download.PathAsync());
        var sheet = workbook.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.Contains(System.Security.SecurityElement.Escape(leader), xml, StringComparison.Ordinal);
        Assert.Contains("Attainment", xml, StringComparison.Ordinal);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task ChartPng_OfARevenueChart_Downloads()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue");
        await DashboardApp.WaitForChartAsync(page, "activity-heatmap", errors);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("figure:has(#activity-heatmap) .chart-export").ClickAsync());
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("activity-heatmap.png", download.SuggestedFilename);
        Assert.Equal(PngSignature, bytes[..8]);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task TableSort_FromTheKeyboard_OrdersTheRows()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue");
        var table = page.Locator("#service-lines");
        await table.Locator("tbody tr").First.WaitForAsync(new() { Timeout = 120_000 });

        // Tab to the heading's button and press Enter: by open pipeline, largest first.
        await table.Locator("thead button.sort").Nth(1).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(table.Locator("thead th").Nth(1)).ToHaveAttributeAsync("aria-sort", "descending");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(table.Locator("thead th").Nth(1)).ToHaveAttributeAsync("aria-sort", "ascending");
        var amounts = (await table.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync())
            .Select(t => decimal.Parse(t.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(amounts.Order(), amounts);
        DashboardApp.AssertNoErrors(errors);
    }
}
