using Bellwether.Core.Reporting;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>The Revenue indicators page: every chart drawn, its numbers against the demo's files, slicing and drill-down.</summary>
[Collection(DashboardCollection.Name)]
public sealed class RevenuePageTests(DashboardApp app)
{
    private static readonly string[] Charts =
    [
        "activity-heatmap", "pipeline-burn-chart", "win-rate-rep", "cycle-rep", "win-rate-vertical", "cycle-vertical", "leaderboard-chart",
        "sales-contribution-chart", "vertical-trends-chart", "inbound-outbound-chart", "service-lines-chart",
    ];

    [Fact]
    public async Task Revenue_DrawsEveryChart_WithTheFilesNumbers()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue");
        foreach (var chart in Charts)
        {
            await DashboardApp.WaitForChartAsync(page, chart, errors);
        }

        var files = new DemoFiles(app.Folder);
        var deals = files.Rows("opportunities.csv");

        // Open pipeline by service line: every open deal's amount, now.
        var implementation = deals.Where(o => o["status"] == "open" && o["service_line"] == "implementation").Sum(DemoFiles.Amount);
        var line = page.Locator("#service-lines tbody tr").Filter(new() { Has = page.Locator("a", new() { HasTextString = "implementation" }) });
        Assert.Equal(Readable.Money(implementation, "USD"), await line.Locator("td").Nth(1).InnerTextAsync());

        // The leaderboard's bookings of its first rep: their deals won this quarter.
        var leader = page.Locator("#leaderboard tbody tr").First;
        var repId = Uri.UnescapeDataString((await leader.Locator("a").GetAttributeAsync("href"))!["reps/".Length..]);
        var bookings = deals.Where(o => o["owner_rep_id"] == repId && o["status"] == "won" && DemoFiles.In(o["closed_at"], DemoFiles.Quarter)).Sum(DemoFiles.Amount);
        Assert.Equal(Readable.Money(bookings, "USD"), await leader.Locator("td").Nth(5).InnerTextAsync());

        // Leads by source in the first week of the quarter, as leads.csv has them.
        var firstWeek = Core.Time.FiscalCalendar.Default.Containing(DemoFiles.Quarter.Start, Core.Time.Grain.Week);
        var inbound = files.Rows("leads.csv").Count(l => l["source"] == "inbound" && DemoFiles.In(l["created_at"], firstWeek));
        var week = page.Locator("#inbound-outbound tbody tr").Filter(new() { HasTextString = firstWeek.Label });
        Assert.Equal(Readable.Count(inbound), await week.Locator("td").Nth(1).InnerTextAsync());

        // The what-if and the hiring signal are said in words.
        await Assertions.Expect(page.Locator("#revenue-leaderboard .headlines")).ToContainTextAsync("under-quota reps");
        await Assertions.Expect(page.Locator("#revenue-pipeline-burn .headlines")).ToContainTextAsync("Hiring");
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Revenue_SlicedByMonthAndTeam_RedrawsInThoseCategories_AndARepLeadsToTheirPage()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue?period=year");
        await DashboardApp.WaitForChartAsync(page, "pipeline-burn-chart", errors);

        await page.Locator("#grain").SelectOptionAsync("month");
        await Assertions.Expect(page.Locator("#pipeline-burn thead th").First).ToContainTextAsync("Month", new() { Timeout = 60_000 });
        var months = await page.Locator("#pipeline-burn tbody tr td:first-child").AllInnerTextsAsync();
        Assert.All(months, m => Assert.Matches(@"^\d{4}-\d{2}$", m));

        await page.Locator("#by").SelectOptionAsync("team");
        await DashboardApp.WaitForChartAsync(page, "win-rate-team", errors);
        Assert.Contains("by=team", page.Url, StringComparison.Ordinal);

        var rep = page.Locator("#win-rate-by-rep tbody a").First;
        var name = (await rep.InnerTextAsync()).Trim();
        await rep.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name, new() { Timeout = 60_000 });
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Heatmap_ACellLeadsToItsRep_InTheSamePeriod()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/revenue?period=previous-quarter");
        await DashboardApp.WaitForChartAsync(page, "activity-heatmap", errors);

        // A cell with activity in it (an empty one draws nothing to click; which cells are empty depends on the day the
        // demo company ends), where ECharts draws it: a click on the canvas, as a user's.
        var chart = page.Locator("#activity-heatmap");
        await chart.ScrollIntoViewIfNeededAsync();
        var at = await chart.EvaluateAsync<double[]>("el => { const d = echarts.getInstanceByDom(el).getOption().series[0].data.map(p => Array.isArray(p) ? p : p.value).find(p => p[1] >= 2 && p[2] != null && p[2] !== '-' && p[2] > 0); return [d[0], d[1]]; }");
        var cell = await chart.EvaluateAsync<double[]>("(el, at) => echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, at)", at);
        var name = await chart.EvaluateAsync<string>("(el, row) => echarts.getInstanceByDom(el).getOption().yAxis[0].data[row]", (int)at[1]);
        var box = (await chart.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync((float)(box.X + cell[0]), (float)(box.Y + cell[1]));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        Assert.Contains("period=previous-quarter", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#period")).ToHaveValueAsync("previous-quarter");
        DashboardApp.AssertNoErrors(errors);
    }
}
