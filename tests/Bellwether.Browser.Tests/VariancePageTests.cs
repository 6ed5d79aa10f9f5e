using System.Text.Json;
using Microsoft.Playwright;

namespace Bellwether.Browser.Tests;

/// <summary>The Variance page: a waterfall from the plan to the forecast by driver, said in words, leading to the slices.</summary>
[Collection(DashboardCollection.Name)]
public sealed class VariancePageTests(DashboardApp app)
{
    [Fact]
    public async Task Variance_WaterfallRunsFromThePlansTarget_ThroughDriversThatAddUp()
    {
        // The quarter's new-business bookings plan, as plans.csv has it.
        var plan = new DemoFiles(app.Folder).Rows("plans.csv")
            .Single(p => p["pillar"] == "new_business" && p["metric"] == "bookings" && p["period"] == DemoFiles.Quarter.Label && p["slice"] == "type=new_business");
        var target = decimal.Parse(plan["target"], System.Globalization.CultureInfo.InvariantCulture);

        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/variance");
        const string id = "waterfall";
        await DashboardApp.WaitForChartAsync(page, id, errors);

        using var option = JsonDocument.Parse(await page.EvaluateAsync<string>(
            $"JSON.stringify(echarts.getInstanceByDom(document.getElementById('{id}')).getOption())"));
        var series = option.RootElement.GetProperty("series").EnumerateArray().ToList();
        var totals = series[0].GetProperty("data").EnumerateArray().Select(d => d[1].GetDecimal()).ToList();
        var steps = series[1].GetProperty("data").EnumerateArray().Select(d => d[2].GetDecimal() - d[1].GetDecimal()).ToList();
        Assert.Equal(target, totals[0]);
        Assert.Equal(totals[1], totals[0] + steps.Sum(), 2);

        var summary = await page.Locator("#variance-summary").InnerTextAsync();
        Assert.Contains(DemoFiles.Quarter.Label, summary, StringComparison.Ordinal);
        Assert.Matches("over plan|under plan|on plan", summary);
        DashboardApp.AssertNoErrors(errors);
    }

    [Fact]
    public async Task Variance_ASliceOfTheGap_LeadsToItsDeals()
    {
        var (page, errors) = await app.NewPageAsync();
        await page.GotoAsync("/variance?metric=bookings&by=vertical");
        var slice = page.Locator("main table a[href^='slices/vertical/']").First;
        await slice.WaitForAsync(new() { Timeout = 120_000 });
        var name = (await slice.InnerTextAsync()).Trim();
        await slice.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Vertical: {name}", new() { Timeout = 60_000 });
        DashboardApp.AssertNoErrors(errors);
    }
}
