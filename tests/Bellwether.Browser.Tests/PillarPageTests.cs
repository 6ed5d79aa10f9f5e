using Bellwether.Core.Reporting;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>The pillar pages and the drill-downs behind them, their numbers checked against the demo's own files.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PillarPageTests(DashboardApp app)
{
    [Fact]
    public async Task NewBusiness_ShowsPlansSignalsAndVerticals_WithTheFilesNumbers()
    {
        var files = new DemoFiles(app.Folder);
        var verticals = files.Rows("accounts.csv").ToDictionary(a => a["account_id"], a => a["vertical"]);
        var finance = files.Rows("opportunities.csv").Where(o => o["type"] == "new_business" && verticals[o["account_id"]] == "finance").ToList();
        var open = finance.Where(o => o["status"] == "open").ToList();
        var booked = finance.Where(o => o["status"] == "won" && DemoFiles.In(o["closed_at"], DemoFiles.Quarter)).Sum(DemoFiles.Amount);

        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/pillars/new-business");
        var row = page.Locator("#by-vertical tbody tr").Filter(new() { Has = page.Locator("a", new() { HasTextString = "finance" }) });
        await row.WaitForAsync(new() { Timeout = 120_000 });
        var cells = await row.Locator("td").AllInnerTextsAsync();

        // Vertical, open pipeline, open deals, new pipeline, bookings…: as the files add them up, in the company's currency.
        Assert.Equal(Readable.Money(open.Sum(DemoFiles.Amount), "USD"), cells[1]);
        Assert.Equal(Readable.Count(open.Count), cells[2]);
        Assert.Equal(Readable.Money(booked, "USD"), cells[4]);

        // The plans with their owner and a status each; the leading signals as cards.
        await Assertions.Expect(page.Locator("#pillar-plans tbody tr").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.Contains("President", await page.Locator("#pillar-plans .lede").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#pillar-signals .signal[data-signal]").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.True(await page.Locator("#pillar-signals .signal").CountAsync() >= 4);
        await DashboardApp.WaitForChartAsync(page, "pipeline-by-vertical", errors);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task DrillDown_FromAPillarsVertical_ToItsDeals_AndOnToARep()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/pillars/new-business");
        var finance = page.Locator("#by-vertical tbody a", new() { HasTextString = "finance" });
        await finance.WaitForAsync(new() { Timeout = 120_000 });
        await finance.ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vertical: finance", new() { Timeout = 60_000 });
        Assert.Contains("slices/vertical/finance", page.Url, StringComparison.Ordinal);

        // A rep behind the vertical's deals leads to their page, which names them and compares them with their peers.
        var rep = page.Locator("main table a[href^='reps/']").First;
        await rep.WaitForAsync(new() { Timeout = 60_000 });
        var name = (await rep.InnerTextAsync()).Trim();
        var repId = Uri.UnescapeDataString((await rep.GetAttributeAsync("href"))!["reps/".Length..]);
        await rep.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name, new() { Timeout = 60_000 });

        // The rep's won deals this quarter, of every type, as opportunities.csv has them.
        var won = new DemoFiles(app.Folder).Rows("opportunities.csv")
            .Count(o => o["owner_rep_id"] == repId && o["status"] == "won" && DemoFiles.In(o["closed_at"], DemoFiles.Quarter));
        var figure = page.Locator("#rep-figures tbody tr").Filter(new() { HasTextString = "Won deals" }).Locator("td").Nth(1);
        await Assertions.Expect(figure).ToHaveTextAsync(Readable.Count(won), new() { Timeout = 60_000 });
        DashboardApp.AssertNoErrors(errors);
    }

    [Theory]
    [InlineData("retention", "Client retention", "COO", "vertical-chart")]
    [InlineData("expansion", "Service expansion", "President", "service-line-chart")]
    [InlineData("cost-model", "Cost model", "CFO", "cost-by-month")]
    public async Task EveryPillar_HasItsPage_WithOwnerSignalsAndBreakdown(string path, string title, string owner, string chart)
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/pillars/" + path);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#pillar-plans .lede")).ToContainTextAsync(owner, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#pillar-signals .signal").First).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await DashboardApp.WaitForChartAsync(page, chart, errors);
        DashboardApp.AssertNoErrors(errors);
    }
}
